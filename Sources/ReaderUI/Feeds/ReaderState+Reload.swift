import Articles
import Storage

extension ReaderState {
    /// This state over a reopened `library` (after a refresh brought new articles): the same
    /// screen, filter, search and feed, the same article selected at the same place on screen
    /// (so new articles above it push nothing out of view), and an open article kept open.
    public func replacingLibrary(_ library: Library, store: StateStore) -> ReaderState {
        var next = ReaderState(library: library, store: store, width: width, height: height, options: options)
        next.message = message
        next.mode = mode
        next.showHelp = showHelp
        next.filter = filter
        next.query = query
        next.sourceFilter = sourceFilter
        next.isRefreshing = isRefreshing
        next.readIDs.formUnion(readIDs)
        next.savedIDs.formUnion(savedIDs)
        next.positions = positions
        next.summaryTop = summaryTop
        Reducer.refilter(&next, incremental: false)

        let selectedID = selectedIndex.map { context.items[$0].id }
        let offset = selected - listTop
        if let selectedID, let index = next.context.items.firstIndex(where: { $0.id == selectedID }),
            let row = next.visible.row(of: index)
        {
            next.selected = row
            next.listTop = max(0, row - offset)
        } else {
            next.selected = min(selected, max(0, next.visible.count - 1))
            next.listTop = listTop
        }
        Reducer.keepSelectionVisible(&next)
        if var open, let index = next.context.items.firstIndex(where: { $0.id == open.article.id }) {
            open.index = index
            next.open = open
        } else if mode == .article {
            next.mode = .list
        }
        if var feeds {
            let rebuilt = FeedsViewState(context: next.context, read: next.readIDs, current: sourceFilter)
            let source = feeds.rows[feeds.selected].source
            feeds.rows = rebuilt.rows
            feeds.select(feeds.rows.firstIndex { $0.source == source } ?? 0, visibleRows: max(1, listRows - 1))
            next.feeds = feeds
        }
        return next
    }
}
