/// A key press or mouse event, independent of the terminal library.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// A control chord, `Ctrl-d` is `.control("d")` (lowercase letter).
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab
    case wheelUp, wheelDown

    /// Parses a key name as used by `bulletin screenshot --keys` (tmux-like names:
    /// `Enter`, `Escape`/`Esc`, `Tab`, `BTab`, `Space`, `Up`, `Down`, `Left`, `Right`,
    /// `PgUp`/`PPage`, `PgDn`/`NPage`, `Home`, `End`, `BSpace`, `WheelUp`, `WheelDown`,
    /// `C-d`/`Ctrl-d`). A single character is that key; any other word is typed character
    /// by character.
    public static func parse(_ sequence: String) -> [Key] {
        var keys: [Key] = []
        for word in sequence.split(separator: " ", omittingEmptySubsequences: true) {
            if let key = named(String(word)) {
                keys.append(key)
            } else {
                keys += word.map { Key.character($0) }
            }
        }
        return keys
    }

    /// One key from its name in the settings file: a single character (`"x"`, `"?"`, `" "`),
    /// a name (`"Down"`, `"PgDn"`, `"Enter"`, `"Tab"`, `"Space"`, ...; case-insensitive) or a
    /// control chord (`"Ctrl-d"`, `"C-d"`). `nil` for anything else.
    public static func named(_ name: String) -> Key? {
        if name.count == 1, let c = name.first {
            return c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) ? .character(c) : nil
        }
        let lower = name.lowercased()
        if let key = names[lower] { return key }
        for prefix in ["ctrl-", "c-"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isASCII, c.isLetter else { return nil }
            return ctrl(c)
        }
        return nil
    }

    /// The key for Ctrl and a letter: Ctrl-i, Ctrl-m, Ctrl-j, Ctrl-h and Ctrl-[ arrive from
    /// the terminal as Tab, Enter, Enter and Backspace, so they are those keys.
    public static func ctrl(_ letter: Character) -> Key {
        switch letter {
        case "i": return .tab
        case "m", "j": return .enter
        case "h": return .backspace
        default: return .control(letter)
        }
    }

    /// The canonical name in the settings file (`Key.named(key.name) == key`).
    public var name: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-\(c)"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .wheelUp: return "WheelUp"
        case .wheelDown: return "WheelDown"
        }
    }

    /// The short label in the help overlay and the status bar (arrows as arrows, both wheel
    /// directions as "wheel").
    public var label: String {
        switch self {
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .backTab: return "S-Tab"
        case .wheelUp, .wheelDown: return "wheel"
        default: return name
        }
    }

    /// Every name `named(_:)` accepts besides single characters and control chords.
    public static var knownNames: [String] { names.keys.sorted() }

    private static let names: [String: Key] = [
        "enter": .enter, "return": .enter, "escape": .escape, "esc": .escape, "tab": .tab, "btab": .backTab,
        "shift-tab": .backTab, "s-tab": .backTab, "backtab": .backTab,
        "space": .character(" "), "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "ppage": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "npage": .pageDown,
        "pagedown": .pageDown, "home": .home, "end": .end, "bspace": .backspace, "backspace": .backspace,
        "wheelup": .wheelUp, "wheeldown": .wheelDown,
    ]
}
