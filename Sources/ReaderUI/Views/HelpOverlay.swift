import Articles

/// The `?` overlay: every key (as bound now, from ``BindingTable`` and the keymap), in a box
/// over the current screen.
enum HelpOverlay {
    static func draw(_ state: ReaderState, into screen: inout Screen) {
        let entries = KeyHelp.overlayLines(state.options.keyMap)
        let keyWidth = 11
        let boxWidth = min(screen.width - 2, 46)
        let boxHeight = min(screen.height - 2, entries.count + 2)
        guard boxWidth >= 12, boxHeight >= 3 else { return }
        let x = (screen.width - boxWidth) / 2
        let y = max(1, (screen.height - boxHeight) / 2)
        screen.fill(row: y, column: x, width: boxWidth, height: boxHeight)
        let inner = boxWidth - 2
        screen.put("┌" + String(repeating: "─", count: inner) + "┐", row: y, column: x, style: .accent)
        screen.put(" Keys ", row: y, column: x + 2, style: .accent)
        for r in 1..<(boxHeight - 1) {
            screen.put("│", row: y + r, column: x, style: .accent)
            screen.put("│", row: y + r, column: x + boxWidth - 1, style: .accent)
            let (keys, text) = entries[r - 1]
            screen.put(keys, row: y + r, column: x + 2, limit: keyWidth, style: Style([.bold]))
            screen.put(TextFit.truncate(text, to: inner - keyWidth - 3), row: y + r, column: x + 2 + keyWidth + 1)
        }
        screen.put("└" + String(repeating: "─", count: inner) + "┘", row: y + boxHeight - 1, column: x, style: .accent)
        if boxHeight - 2 < entries.count {
            screen.put(" more: enlarge ", row: y + boxHeight - 1, column: x + 2, style: .accent)
        }
    }
}
