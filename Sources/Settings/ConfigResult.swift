/// What reading a settings file gave: the settings (defaults where the file is silent or
/// wrong), errors (the file is invalid: the reader must not start) and warnings (unknown
/// names; the reader runs).
public struct ConfigResult: Sendable {
    /// The settings.
    public var settings: Settings
    /// Problems that make the file invalid, in file order.
    public var errors: [ConfigDiagnostic]
    /// Unknown tables, settings or actions, each with the nearest valid name, in file order.
    public var warnings: [ConfigDiagnostic]
    /// Whether there are no errors.
    public var isValid: Bool { errors.isEmpty }
}
