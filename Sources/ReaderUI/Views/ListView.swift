import Articles
import Foundation

/// The article list: marks, title, source or author, date and reading time in columns
/// that adapt to the width, with a preview pane from 120 columns on.
enum ListView {
    static func draw(_ state: ReaderState, into screen: inout Screen) {
        let position = state.visible.count == 0 ? "0/0" : "\(state.selected + 1)/\(state.visible.count)"
        let filters = Filter.allCases.map { $0 == state.filter ? "[\($0.title)]" : $0.title }.joined(separator: " ")
        var left = "Bulletin  " + filters
        if let source = state.sourceFilter { left += "  · " + source }
        if !state.query.isEmpty { left += "  /" + state.query }
        TopBar.draw(left: left, right: position, into: &screen)

        let previewFrom = state.options.previewMinimumWidth
        let width = Layout.listWidth(state.width, previewFrom: previewFrom)
        let columns = Columns(width: width, dateWidth: state.options.listDate.width)
        if state.visible.count == 0 {
            let text: String
            if !state.query.isEmpty { text = "No articles match “\(state.query)”." }
            else if state.filter == .unread {
                text = "No unread articles." + (state.options.keyMap.label(for: "filter-next").map { " \($0) shows the others." } ?? "")
            } else if state.filter == .saved {
                text = "No saved articles yet." + (state.options.keyMap.label(for: "toggle-saved").map { " Press \($0) on an article to save it." } ?? "")
            }
            else { text = "No articles in this library." }
            screen.put(TextFit.truncate(text, to: width - 2), row: 2, column: 1, style: .muted)
        }
        for r in 0..<state.listRows {
            let row = state.listTop + r
            guard row < state.visible.count else { break }
            let index = state.visible[row]
            drawRow(state, index, selected: row == state.selected, columns, row: 1 + r, into: &screen)
        }
        if Layout.previewWidth(state.width, previewFrom: previewFrom) > 0 {
            for r in 1..<(state.height - 1) { screen.put("│", row: r, column: width, style: .muted) }
            PreviewPane.draw(state, column: width + 1, into: &screen)
        }
    }

    /// Column widths for a list `width` columns wide.
    struct Columns {
        let width: Int
        let meta: Int
        let date: Int
        let time = 7
        var title: Int { max(1, width - 4 - (meta > 0 ? meta + 2 : 0) - (date > 0 ? date + 2 : 0) - time - 1) }

        init(width: Int, dateWidth: Int = 10) {
            self.width = width
            meta = width >= 60 ? min(24, width / 4) : (width >= 50 ? 12 : 0)
            date = width >= 100 ? dateWidth : 0
        }
    }

    static func drawRow(_ state: ReaderState, _ index: Int, selected: Bool, _ c: Columns, row: Int, into screen: inout Screen) {
        let item = state.context.items[index]
        let unread = !state.readIDs.contains(item.id)
        let saved = state.savedIDs.contains(item.id)
        let base: Style = selected ? .selection : .plain
        if selected { screen.fill(row: row, column: 0, width: c.width, style: .selection) }
        screen.put(unread ? "●" : " ", row: row, column: 1, style: selected ? base : .unreadMark)
        screen.put(saved ? "★" : " ", row: row, column: 2, style: selected ? base : .savedMark)
        var x = 4
        let titleStyle: Style = selected ? base : (unread ? Style([.bold]) : .plain)
        screen.put(item.title, row: row, column: x, truncatedTo: c.title, style: titleStyle)
        x += c.title
        let metaStyle: Style = selected ? base : .muted
        if c.meta > 0 {
            var meta = item.source ?? item.author ?? ""
            if item.isSavedCopy { meta = meta.isEmpty ? "saved copy" : meta + " (saved copy)" }
            x += 2
            screen.put(meta, row: row, column: x, truncatedTo: c.meta, style: metaStyle)
            x += c.meta
        }
        if c.date > 0 {
            x += 2
            screen.put(state.options.listDate.string(item.date), row: row, column: x, truncatedTo: c.date, style: metaStyle)
            x += c.date
        }
        let time = "\(item.readingMinutes) min"
        screen.put(time, row: row, column: c.width - 1 - DisplayWidth.of(time), style: metaStyle)
    }
}
