/// A key press or mouse event, independent of the terminal library.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab
    case wheelUp, wheelDown

    /// Parses a key name as used by `bulletin screenshot --keys` (tmux-like names:
    /// `Enter`, `Escape`/`Esc`, `Tab`, `BTab`, `Space`, `Up`, `Down`, `Left`, `Right`,
    /// `PgUp`/`PPage`, `PgDn`/`NPage`, `Home`, `End`, `BSpace`, `WheelUp`, `WheelDown`).
    /// A single character is that key; any other word is typed character by character.
    public static func parse(_ sequence: String) -> [Key] {
        var keys: [Key] = []
        for word in sequence.split(separator: " ", omittingEmptySubsequences: true) {
            if let named = named[word.lowercased()] {
                keys.append(named)
            } else {
                keys += word.map { Key.character($0) }
            }
        }
        return keys
    }

    private static let named: [String: Key] = [
        "enter": .enter, "return": .enter, "escape": .escape, "esc": .escape, "tab": .tab, "btab": .backTab,
        "space": .character(" "), "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "ppage": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "npage": .pageDown,
        "pagedown": .pageDown, "home": .home, "end": .end, "bspace": .backspace, "backspace": .backspace,
        "wheelup": .wheelUp, "wheeldown": .wheelDown,
    ]
}
