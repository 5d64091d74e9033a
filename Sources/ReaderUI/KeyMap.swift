/// Which action a key means in the current state, built from ``BindingTable`` and the keys
/// the settings file gave (a list replaces an action's default keys; an empty list unbinds it).
///
/// Lookup follows ``BindingMode/layers(for:)``: in a prompt printable characters are typed;
/// with the help overlay shown a key bound in `help` acts and any other key closes it; while
/// a find is active its keys (`n`/`N` by default) come before the article's.
public struct KeyMap: Sendable {
    /// The defaults.
    public static let standard = KeyMap()

    /// The keys of every action, by name (defaults where not overridden).
    public let keys: [String: [Key]]
    private let layers: [BindingMode: [Key: Action]]

    /// A keymap with `overrides` (action name → keys) replacing the defaults; unknown names
    /// are ignored. Where one key is bound twice in a mode the later row wins (check
    /// ``conflicts(_:)`` first).
    public init(overrides: [String: [Key]] = [:]) {
        var keys: [String: [Key]] = [:]
        var layers: [BindingMode: [Key: Action]] = [:]
        for row in BindingTable.rows {
            let bound = overrides[row.name] ?? row.defaultKeys
            keys[row.name] = bound
            for mode in row.modes {
                for key in bound { layers[mode, default: [:]][key] = row.action }
            }
        }
        self.keys = keys
        self.layers = layers
    }

    /// The keys of action `name` (empty when unbound or unknown).
    public func keys(for name: String) -> [Key] { keys[name] ?? [] }

    /// The label of `preferred` when action `name` has it, else of its first key (`nil` when
    /// unbound), for texts that name a key ("Tab shows the others").
    public func label(for name: String, preferring preferred: Key? = nil) -> String? {
        let bound = keys(for: name)
        if let preferred, bound.contains(preferred) { return preferred.label }
        return bound.first?.label
    }

    /// "key words" for each bound action in `parts` (action name, words), joined by " · ";
    /// `back` is named by Esc when Esc is one of its keys.
    public func phrase(_ parts: [(String, String)]) -> String {
        parts.compactMap { name, words in
            label(for: name, preferring: name == "back" ? .escape : nil).map { "\($0) \(words)" }
        }.joined(separator: " · ")
    }

    /// The action for `key` in `state`, or `nil` when the key does nothing there.
    public func action(for key: Key, in state: ReaderState) -> Action? {
        let modes = BindingMode.layers(for: state)
        if modes == [.prompt], case .character(let c) = key { return .input(c) }
        for mode in modes {
            if let action = layers[mode]?[key] { return action }
        }
        return modes == [.help] ? .toggleHelp : nil
    }

    /// A key bound to more than one action in one mode.
    public struct Conflict: Hashable, Sendable {
        /// The mode.
        public var mode: BindingMode
        /// The key.
        public var key: Key
        /// The actions it is bound to, in table order.
        public var names: [String]
    }

    /// Every key bound to two or more actions in the same mode, given each action's keys.
    public static func conflicts(_ keys: [String: [Key]]) -> [Conflict] {
        var found: [Conflict] = []
        for mode in BindingMode.allCases {
            var seen: [Key: [String]] = [:]
            var order: [Key] = []
            for row in BindingTable.rows where row.modes.contains(mode) {
                for key in Set(keys[row.name] ?? row.defaultKeys) {
                    if mode == .prompt, case .character = key { continue }  // typed, never bound
                    if seen[key] == nil { order.append(key) }
                    seen[key, default: []].append(row.name)
                }
            }
            for key in order where seen[key]!.count > 1 {
                found.append(Conflict(mode: mode, key: key, names: seen[key]!))
            }
        }
        return found
    }
}
