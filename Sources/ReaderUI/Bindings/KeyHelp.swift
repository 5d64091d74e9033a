/// The texts generated from ``BindingTable`` and a ``KeyMap``: help-overlay lines,
/// status-bar hints and the README key table, so that remapped keys show as remapped.
public enum KeyHelp {
    /// The help overlay's lines: keys (labels, interleaved across the rows that share a line)
    /// and what they do. Lines whose actions are all unbound are left out.
    public static func overlayLines(_ keyMap: KeyMap) -> [(keys: String, text: String)] {
        var lines: [(keys: String, text: String)] = []
        var group: [Binding] = []
        func flush() {
            guard let first = group.first, let text = first.overlay else { return }
            let lists = group.map { keyMap.keys(for: $0.name).map(\.label) }
            var labels: [String] = []
            for i in 0..<(lists.map(\.count).max() ?? 0) {
                for list in lists where i < list.count && !labels.contains(list[i]) { labels.append(list[i]) }
            }
            group = []
            guard !labels.isEmpty else { return }
            lines.append((labels.joined(separator: " "), substitute(text, keyMap)))
        }
        for row in BindingTable.rows where row.overlay != nil {
            if let last = group.last, last.overlay != row.overlay { flush() }
            group.append(row)
        }
        flush()
        return lines
    }

    /// Replaces `{name}` by the first key of action `name` ("?" when it is unbound).
    static func substitute(_ text: String, _ keyMap: KeyMap) -> String {
        var out = text
        while let open = out.firstIndex(of: "{"), let close = out[open...].firstIndex(of: "}") {
            let name = String(out[out.index(after: open)..<close])
            out.replaceSubrange(open...close, with: keyMap.keys(for: name).first?.label ?? "unbound")
        }
        return out
    }

    /// The status-bar hints of `mode`, e.g. "Enter read · / search · ... · q quit".
    public static func hints(_ mode: BindingMode, _ keyMap: KeyMap) -> String {
        var ranked: [(Int, String)] = []
        for row in BindingTable.rows {
            guard let hint = row.hints[mode], let key = keyMap.keys(for: row.name).first else { continue }
            var keys = key.label
            if let partner = hint.pairedWith, let other = keyMap.keys(for: partner).first { keys += "/" + other.label }
            ranked.append((hint.rank, keys + " " + hint.label))
        }
        return ranked.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: " · ")
    }

    /// The README key table (Markdown): action, keys, modes and what it does, one row per
    /// action. `bulletin config --keys-table` prints it; a test checks the README has it.
    public static func markdownTable(_ keyMap: KeyMap = .standard) -> String {
        var out = "| action | keys | modes | what it does |\n| --- | --- | --- | --- |\n"
        for row in BindingTable.rows {
            let keys = keyMap.keys(for: row.name).map { "`" + $0.name.replacingOccurrences(of: "|", with: "\\|") + "`" }
            let modes = row.modes.map(\.rawValue).joined(separator: ", ")
            out += "| `\(row.name)` | \(keys.isEmpty ? "(unbound)" : keys.joined(separator: " ")) | \(modes) | \(row.help) |\n"
        }
        return out
    }
}
