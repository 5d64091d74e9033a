import Articles

/// The feeds view: "All feeds" and one row per feed (source) with its unread and total
/// counts; the row of the feed the list is narrowed to is marked.
enum FeedsView {
    static func draw(_ state: ReaderState, into screen: inout Screen) {
        guard let feeds = state.feeds else { return }
        let right = "\(feeds.selected + 1)/\(feeds.rows.count)" + (state.isRefreshing ? "  refreshing…" : "")
        TopBar.draw(left: "Bulletin  Feeds", right: right, into: &screen)
        let width = screen.width
        screen.put(TextFit.truncate("feed", to: width - 22), row: 1, column: 3, style: .muted)
        let header = "unread  articles"
        if width >= 40 { screen.put(header, row: 1, column: width - DisplayWidth.of(header) - 1, style: .muted) }
        let rows = max(1, state.listRows - 1)
        for r in 0..<rows {
            let index = feeds.top + r
            guard index < feeds.rows.count else { break }
            let row = feeds.rows[index]
            let selected = index == feeds.selected
            let line = 2 + r
            if selected { screen.fill(row: line, style: .selection) }
            let base: Style = selected ? .selection : .plain
            let active = row.source == state.sourceFilter
            screen.put(active ? "▸" : " ", row: line, column: 1, style: selected ? .selection : .accent)
            let name = row.source ?? "All feeds"
            let counts = width >= 40 ? pad(row.unread, 6) + "  " + pad(row.total, 8) : pad(row.unread, 6)
            let room = max(1, width - DisplayWidth.of(counts) - 6)
            screen.put(TextFit.truncate(name, to: room), row: line, column: 3,
                       style: row.unread > 0 && !selected ? .title : base)
            screen.put(counts, row: line, column: width - DisplayWidth.of(counts) - 1, style: base)
        }
    }

    /// `n` right-aligned in `width` columns.
    static func pad(_ n: Int, _ width: Int) -> String {
        let text = String(n)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
