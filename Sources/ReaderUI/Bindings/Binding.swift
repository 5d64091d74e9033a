/// One row of the binding table: an action, its name in the settings file, its default keys,
/// the modes it works in and the texts that document it.
public struct Binding: Sendable {
    /// The kebab-case name used in `[keys]` of config.toml, e.g. `move-down`.
    public let name: String
    /// What the keys do.
    public let action: Action
    /// The keys bound when the settings file does not say otherwise.
    public let defaultKeys: [Key]
    /// Where the keys work.
    public let modes: [BindingMode]
    /// One line for the README key table and `bulletin config --default`.
    public let help: String
    /// The help overlay's text; consecutive rows with the same text share one overlay line.
    /// `{name}` is replaced by the first key of action `name`. `nil`: not in the overlay.
    public let overlay: String?
    /// Status-bar hints by mode.
    public let hints: [BindingMode: StatusHint]

    /// Creates a row.
    public init(_ name: String, _ action: Action, keys: [Key], modes: [BindingMode], help: String,
                overlay: String? = nil, hints: [BindingMode: StatusHint] = [:]) {
        self.name = name
        self.action = action
        defaultKeys = keys
        self.modes = modes
        self.help = help
        self.overlay = overlay
        self.hints = hints
    }
}
