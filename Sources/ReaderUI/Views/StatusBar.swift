import Articles

/// The bottom bar: the search prompt while typing, else the last message, else key hints.
enum StatusBar {
    static func draw(_ state: ReaderState, into screen: inout Screen) {
        let row = screen.height - 1
        if state.mode == .list, state.isEditingQuery {
            prompt("/", state.query, KeyHelp.hints(.prompt, state.options.keyMap), row, &screen)
        } else if state.mode == .article, let find = state.open?.find, find.isEditing {
            let hints = KeyHelp.hints(.prompt, state.options.keyMap)
            prompt("Find: ", find.query, "\(find.found.count) found" + (hints.isEmpty ? "" : " · " + hints), row, &screen)
        } else if let message = state.message {
            let style: Style = message.isWarning ? .warning : .bar
            screen.fill(row: row, style: style)
            screen.put(" " + TextFit.truncate(message.text, to: screen.width - 2), row: row, column: 0, style: style)
        } else {
            screen.fill(row: row, style: .bar)
            screen.put(" " + TextFit.truncate(hints(state), to: screen.width - 2), row: row, column: 0, style: .bar)
        }
    }

    static func prompt(_ label: String, _ text: String, _ hint: String, _ row: Int, _ screen: inout Screen) {
        screen.fill(row: row)
        var column = screen.put(label, row: row, column: 0, style: .accent)
        let room = screen.width - column - 1
        var shown = text
        while DisplayWidth.of(shown) > room, !shown.isEmpty { shown.removeFirst() }  // keep the end visible
        column += screen.put(shown, row: row, column: column)
        screen.put(" ", row: row, column: column, style: Style([.reverse]))  // the cursor
        let hintWidth = DisplayWidth.of(hint)
        if column + 3 + hintWidth <= screen.width {
            screen.put(hint, row: row, column: screen.width - hintWidth - 1, style: .muted)
        }
    }

    /// The key hints of the current screen, from the binding table and the keymap.
    static func hints(_ state: ReaderState) -> String {
        if state.feeds != nil {
            let keys = state.options.keyMap
            return keys.phrase([("open", "show feed"), ("back", "close"), ("help", "help")])
        }
        switch state.mode {
        case .list: return KeyHelp.hints(.list, state.options.keyMap)
        case .article: return KeyHelp.hints(.article, state.options.keyMap)
        case .summary: return KeyHelp.hints(.summary, state.options.keyMap)
        }
    }
}
