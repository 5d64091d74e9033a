/// A failure phrased for a person: one line saying what went wrong.
public struct FetchFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The line to show.
    public var message: String

    /// Creates a failure with its message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
