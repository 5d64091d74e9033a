import Articles
import Storage

/// The reader's logic: a pure function from a state and an action to the next state and
/// the side effects to run. Every key costs O(visible rows) or O(log n), except filtering
/// and searching, which pass over the catalog once (and only over the previous matches
/// while a search is being typed), and `N`, which scans forward to the next unread item.
public enum Reducer {
    /// The next state and the effects the app loop must run.
    public static func reduce(_ state: ReaderState, _ action: Action) -> (ReaderState, [Effect]) {
        var s = state
        var effects: [Effect] = []
        switch action {
        case .resize, .notify, .refreshSearch, .refreshProgress, .refreshFinished: break
        default: s.message = nil
        }
        if reduceFeeds(&s, action) { return (s, effects) }
        switch action {
        case .move(let n): move(&s, by: n)
        case .scroll(let n): scroll(&s, by: n)
        case .page(let n): page(&s, by: n)
        case .top: jump(&s, toEnd: false)
        case .bottom: jump(&s, toEnd: true)
        case .open:
            if let index = s.selectedIndex { openArticle(&s, index, &effects) }
        case .back: back(&s, &effects)
        case .backOrQuit:
            if s.mode == .list { quit(&s, &effects) } else { back(&s, &effects) }
        case .quit: quit(&s, &effects)
        case .adjacentArticle(let d): adjacentArticle(&s, d, &effects)
        case .nextUnread: nextUnread(&s, &effects)
        case .toggleRead: toggleRead(&s, &effects)
        case .toggleSaved: toggleSaved(&s, &effects)
        case .openURL: openURL(&s, &effects)
        case .toggleHelp: s.showHelp.toggle()
        case .cycleFilter(let d):
            guard s.mode == .list else { break }
            let all = Filter.allCases
            s.filter = all[(s.filter.rawValue + d + all.count) % all.count]
            refilter(&s, incremental: false)
        case .showSummary: showSummary(&s, &effects)
        case .startSearch: startSearch(&s, &effects)
        case .input(let c): input(&s, c)
        case .deleteBackward: deleteBackward(&s)
        case .commitInput: commitInput(&s)
        case .cancelInput: cancelInput(&s)
        case .findNext(let d): findNext(&s, d)
        case .resize(let width, let height): resize(&s, width: width, height: height)
        case .refreshSearch:
            if !s.query.isEmpty, s.searchGeneration != s.context.bodyIndex.generation {
                refilter(&s, incremental: false)
            }
        case .notify(let text): s.message = StatusMessage(text)
        case .refreshFeeds: refreshFeeds(&s, &effects)
        case .refreshProgress(let text): s.message = StatusMessage("Refreshing: " + text)
        case .refreshFinished(let line, let failed):
            s.isRefreshing = false
            s.message = StatusMessage(line, warning: failed)
        case .toggleFeeds: toggleFeeds(&s)
        }
        return (s, effects)
    }

    // MARK: - Movement

    static func move(_ s: inout ReaderState, by n: Int) {
        switch s.mode {
        case .list: select(&s, row: s.selected + n)
        case .article: scrollArticle(&s, by: n)
        case .summary:
            let before = s.selected
            select(&s, row: s.selected + n)
            if s.selected != before { s.summaryTop = 0 }
        }
    }

    static func scroll(_ s: inout ReaderState, by n: Int) {
        switch s.mode {
        case .list: select(&s, row: s.selected + n)
        case .article: scrollArticle(&s, by: n)
        case .summary: scrollSummary(&s, by: n)
        }
    }

    static func page(_ s: inout ReaderState, by n: Int) {
        switch s.mode {
        case .list:
            let rows = s.listRows
            s.listTop += n * rows
            s.selected += n * rows
            select(&s, row: s.selected)
        case .article: scrollArticle(&s, by: n * max(1, s.bodyRows - 2))
        case .summary: scrollSummary(&s, by: n * max(1, s.bodyRows - 2))
        }
    }

    /// Scrolls the summary view, kept within its lines (so scrolling back after paging past
    /// the end moves at once).
    static func scrollSummary(_ s: inout ReaderState, by n: Int) {
        s.summaryTop = min(max(0, s.summaryTop + n), SummaryView.maxTop(s))
    }

    static func jump(_ s: inout ReaderState, toEnd: Bool) {
        switch s.mode {
        case .list, .summary:
            select(&s, row: toEnd ? s.visible.count - 1 : 0)
            s.summaryTop = 0
        case .article:
            guard let open = s.open else { return }
            let top = toEnd ? maxTop(open, s) : 0
            s.open?.top = top
        }
    }

    /// Selects `row` (clamped) and scrolls the list so it is visible.
    static func select(_ s: inout ReaderState, row: Int) {
        s.selected = max(0, min(row, s.visible.count - 1))
        keepSelectionVisible(&s)
    }

    static func keepSelectionVisible(_ s: inout ReaderState) {
        let rows = s.listRows
        let count = s.visible.count
        s.selected = max(0, min(s.selected, count - 1))
        if s.selected < s.listTop { s.listTop = s.selected }
        if s.selected >= s.listTop + rows { s.listTop = s.selected - rows + 1 }
        s.listTop = max(0, min(s.listTop, count - rows))
    }

    static func maxTop(_ open: OpenArticle, _ s: ReaderState) -> Int {
        max(0, open.layout.lines.count - s.bodyRows)
    }

    static func scrollArticle(_ s: inout ReaderState, by n: Int) {
        guard let open = s.open else { return }
        let top = max(0, min(open.top + n, maxTop(open, s)))
        s.open?.top = top
    }

    // MARK: - Quitting and going back

    static func back(_ s: inout ReaderState, _ effects: inout [Effect]) {
        if s.showHelp { s.showHelp = false; return }
        switch s.mode {
        case .article:
            if s.open?.find != nil { s.open?.find = nil; return }
            leaveArticle(&s, &effects)
            s.mode = .list
            keepSelectionVisible(&s)
        case .summary:
            s.mode = .list
            keepSelectionVisible(&s)
        case .list:
            if !s.query.isEmpty {
                s.query = ""
                refilter(&s, incremental: false)
            } else if s.sourceFilter != nil {
                showSource(&s, nil)  // back to every feed
            }
        }
    }

    static func quit(_ s: inout ReaderState, _ effects: inout [Effect]) {
        if s.mode == .article { leaveArticle(&s, &effects) }
        s.quitRequested = true
        effects.append(.quit)
    }

    static func resize(_ s: inout ReaderState, width: Int, height: Int) {
        s.width = max(0, width)
        s.height = max(0, height)
        if var open = s.open {
            let position = open.layout.position(ofLine: open.top)
            open.layout = open.layout.resized(open.article, width: max(1, s.width), maximumMeasure: s.options.maximumMeasure)
            open.top = open.layout.lineIndex(block: position.block, line: position.line)
            open.top = max(0, min(open.top, maxTop(open, s)))
            if let find = open.find {
                open.find = FindState(query: find.query, found: open.layout.folded.find(FoldedLines.needle(find.query)),
                                      current: 0, isEditing: find.isEditing)
            }
            s.open = open
        }
        keepSelectionVisible(&s)
    }
}
