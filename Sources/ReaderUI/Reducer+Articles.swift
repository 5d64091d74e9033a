import Articles
import Storage

extension Reducer {
    /// Opens catalog item `index`: marks it read and restores its reading position.
    static func openArticle(_ s: inout ReaderState, _ index: Int, _ effects: inout [Effect]) {
        let item = s.context.items[index]
        let article: Article
        do { article = try s.context.loadArticle(index) } catch {
            s.message = StatusMessage("Cannot open \(item.title): \(describe(error))", warning: true)
            return
        }
        let layout = ArticleLayout(article: article, width: max(1, s.width), maximumMeasure: s.options.maximumMeasure)
        var open = OpenArticle(index: index, article: article, layout: layout, top: 0, find: nil)
        if let position = s.positions[item.id] ?? s.storedPositions[item.id] {
            open.top = layout.lineIndex(block: position.block, line: position.line)
            open.top = max(0, min(open.top, maxTop(open, s)))
        }
        s.open = open
        s.mode = .article
        if let row = s.visible.row(of: index) { s.selected = row }
        keepSelectionVisible(&s)
        if s.options.markReadOnOpen, !s.readIDs.contains(item.id) {
            s.readIDs.insert(item.id)
            effects.append(.markRead(item.id))
        }
    }

    /// Records where the reader stopped in the open article.
    static func leaveArticle(_ s: inout ReaderState, _ effects: inout [Effect]) {
        guard let open = s.open else { return }
        let p = open.layout.position(ofLine: open.top)
        let position = ReadingPosition(block: p.block, line: p.line)
        s.positions[open.article.id] = position
        if s.readIDs.contains(open.article.id) {
            effects.append(.setReadingPosition(open.article.id, position))
        }
        s.open = nil
    }

    /// The next or previous article: opens it from the article view, selects it in the
    /// summary view (as `move` does there).
    static func adjacentArticle(_ s: inout ReaderState, _ d: Int, _ effects: inout [Effect]) {
        if s.mode == .summary { return move(&s, by: d) }
        guard s.mode == .article, let open = s.open else { return }
        let row = s.visible.row(of: open.index) ?? s.selected
        let target = row + d
        guard target >= 0, target < s.visible.count else {
            s.message = StatusMessage(d > 0 ? "This is the last article" : "This is the first article")
            return
        }
        leaveArticle(&s, &effects)
        s.selected = target
        openArticle(&s, s.visible[target], &effects)
        if s.open == nil { s.mode = .list }
    }

    static func nextUnread(_ s: inout ReaderState, _ effects: inout [Effect]) {
        let count = s.visible.count
        guard count > 0 else { return }
        let start = s.mode == .article ? (s.open.flatMap { s.visible.row(of: $0.index) } ?? s.selected) : s.selected
        var found: Int?
        for step in 1...count {
            let row = (start + step) % count
            if !s.readIDs.contains(s.context.items[s.visible[row]].id) { found = row; break }
        }
        guard let row = found else {
            s.message = StatusMessage("No more unread articles")
            return
        }
        switch s.mode {
        case .article:
            leaveArticle(&s, &effects)
            s.selected = row
            openArticle(&s, s.visible[row], &effects)
            if s.open == nil { s.mode = .list }
        case .list, .summary:
            select(&s, row: row)
            s.summaryTop = 0
        }
    }

    /// The catalog index the read/save/open-link keys act on.
    static func targetIndex(_ s: ReaderState) -> Int? {
        s.mode == .article ? s.open?.index : s.selectedIndex
    }

    static func toggleRead(_ s: inout ReaderState, _ effects: inout [Effect]) {
        guard let index = targetIndex(s) else { return }
        let id = s.context.items[index].id
        if s.readIDs.contains(id) {
            s.readIDs.remove(id)
            effects.append(.markUnread(id))
            s.message = StatusMessage("Marked unread")
        } else {
            s.readIDs.insert(id)
            effects.append(.markRead(id))
            s.message = StatusMessage("Marked read")
        }
    }

    static func toggleSaved(_ s: inout ReaderState, _ effects: inout [Effect]) {
        guard let index = targetIndex(s) else { return }
        let item = s.context.items[index]
        if s.savedIDs.contains(item.id) {
            s.savedIDs.remove(item.id)
            effects.append(.unsave(item.id))
            s.message = StatusMessage("Removed from saved: \(item.title)")
            return
        }
        let article: Article
        if let open = s.open, open.index == index {
            article = open.article
        } else {
            do { article = try s.context.loadArticle(index) } catch {
                s.message = StatusMessage("Cannot save \(item.title): \(describe(error))", warning: true)
                return
            }
        }
        s.savedIDs.insert(item.id)
        effects.append(.save(article))
        s.message = StatusMessage("★ Saved: \(item.title)")
    }

    static func openURL(_ s: inout ReaderState, _ effects: inout [Effect]) {
        guard let index = targetIndex(s) else { return }
        let article = s.open?.index == index ? s.open?.article : try? s.context.loadArticle(index)
        guard let url = article?.url, !url.isEmpty else {
            s.message = StatusMessage("This article has no link")
            return
        }
        switch LinkPolicy.decide(url) {
        case .refuse(let reason):
            s.message = StatusMessage(reason)
        case .open(let address):
            effects.append(.openURL(address))
            s.message = StatusMessage("Opening \(address)")
        }
    }

    static func showSummary(_ s: inout ReaderState, _ effects: inout [Effect]) {
        switch s.mode {
        case .list:
            guard s.selectedIndex != nil else { return }
            s.mode = .summary
            s.summaryTop = 0
        case .article:
            leaveArticle(&s, &effects)
            s.mode = .summary
            s.summaryTop = 0
        case .summary:
            s.mode = .list
            keepSelectionVisible(&s)
        }
    }

    static func describe(_ error: Error) -> String { Library.describe(error) }
}
