import Articles

extension Reducer {
    /// Handles `action` while the feeds view is open; `false` when it is not the view's (the
    /// normal reducer then runs it).
    static func reduceFeeds(_ s: inout ReaderState, _ action: Action) -> Bool {
        guard var feeds = s.feeds else { return false }
        let rows = max(1, s.listRows - 1)
        switch action {
        case .move(let n), .scroll(let n): feeds.select(feeds.selected + n, visibleRows: rows)
        case .page(let n): feeds.select(feeds.selected + n * max(1, rows - 1), visibleRows: rows)
        case .top: feeds.select(0, visibleRows: rows)
        case .bottom: feeds.select(feeds.rows.count - 1, visibleRows: rows)
        case .open:
            showSource(&s, feeds.rows[feeds.selected].source)
            return true
        case .back, .backOrQuit, .toggleFeeds:
            s.feeds = nil
            return true
        case .quit, .toggleHelp, .resize, .notify, .refreshSearch, .refreshFeeds, .refreshProgress, .refreshFinished:
            return false
        default: return true  // list actions do nothing under the view
        }
        s.feeds = feeds
        return true
    }

    /// Opens or closes the feeds view.
    static func toggleFeeds(_ s: inout ReaderState) {
        if s.feeds != nil {
            s.feeds = nil
        } else {
            s.mode = .list
            var view = FeedsViewState(context: s.context, read: s.readIDs, current: s.sourceFilter)
            view.select(view.selected, visibleRows: max(1, s.listRows - 1))
            s.feeds = view
        }
    }

    /// Lists only `source` (every article when `nil`) and closes the feeds view.
    static func showSource(_ s: inout ReaderState, _ source: String?) {
        s.feeds = nil
        s.mode = .list
        s.sourceFilter = source
        refilter(&s, incremental: false)
        select(&s, row: 0)
        let back = s.options.keyMap.label(for: "feeds").map { " · \($0) feeds" } ?? ""
        s.message = StatusMessage(source.map { "Showing \($0) (\(s.visible.count))" + back } ?? "Showing all feeds")
    }

    /// `r`: starts a background refresh unless one is running.
    static func refreshFeeds(_ s: inout ReaderState, _ effects: inout [Effect]) {
        if s.isRefreshing {
            s.message = StatusMessage("A refresh is already running")
            return
        }
        s.isRefreshing = true
        s.message = StatusMessage("Refreshing feeds…")
        effects.append(.refreshFeeds)
    }
}
