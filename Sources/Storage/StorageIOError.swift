import Foundation

/// A failed file operation, phrased as one line: what was attempted, on which path, and
/// the system's reason (`cannot write /x/read.json: No space left on device`).
public struct StorageIOError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The one-line message.
    public var message: String
    /// The `errno` value, when the failure came from the system.
    public var code: Int32

    /// Creates an error for `action` on `path` from `errno` value `code`.
    public init(_ action: String, _ path: String, code: Int32) {
        self.code = code
        message = "cannot \(action) \(path): \(String(cString: strerror(code)))"
    }

    /// Wraps a message that is already one line.
    public init(message: String, code: Int32 = EIO) {
        self.message = message
        self.code = code
    }

    public var description: String { message }
}
