import Articles

/// The feeds view: "All feeds", then one row per source (feed name) in the catalog with
/// its article and unread counts. Enter on a row narrows the list to that feed.
public struct FeedsViewState: Hashable, Sendable {
    /// One row.
    public struct Row: Hashable, Sendable {
        /// The source, or `nil` for "All feeds".
        public var source: String?
        /// Articles listed under it.
        public var total: Int
        /// Of which unread.
        public var unread: Int
    }

    /// The rows, "All feeds" first, then sources alphabetically.
    public var rows: [Row]
    /// Selected row.
    public var selected: Int
    /// First row on screen.
    public var top: Int

    /// The rows for `context` with `read` ids, selecting `current` (the active source filter).
    public init(context: ReaderContext, read: Set<ArticleID>, current: String?) {
        var counts: [String: (total: Int, unread: Int)] = [:]
        var all = (total: 0, unread: 0)
        for item in context.items {
            let unread = read.contains(item.id) ? 0 : 1
            all.total += 1
            all.unread += unread
            guard let source = item.source, !source.isEmpty else { continue }
            counts[source, default: (0, 0)].total += 1
            counts[source, default: (0, 0)].unread += unread
        }
        rows = [Row(source: nil, total: all.total, unread: all.unread)]
        for source in counts.keys.sorted(by: { $0.localizedCaseInsensitiveCompare($1) == .orderedAscending }) {
            rows.append(Row(source: source, total: counts[source]!.total, unread: counts[source]!.unread))
        }
        selected = rows.firstIndex { $0.source == current } ?? 0
        top = 0
    }

    /// Moves the selection to `row` (clamped), keeping it within `visibleRows` on screen.
    mutating func select(_ row: Int, visibleRows: Int) {
        selected = max(0, min(rows.count - 1, row))
        if selected < top { top = selected }
        if selected >= top + visibleRows { top = selected - visibleRows + 1 }
    }
}
