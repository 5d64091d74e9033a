/// One problem in a settings file, at a line and column (1-based), printed as
/// `file:line:col: message`.
public struct ConfigDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// The file as shown to the user.
    public var file: String
    /// Line, from 1.
    public var line: Int
    /// Column, from 1.
    public var column: Int
    /// What is wrong, e.g. `move-down: expected a list of keys, found an integer`.
    public var message: String

    /// Creates a diagnostic.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
