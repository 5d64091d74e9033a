import Articles

extension Reducer {
    static func startSearch(_ s: inout ReaderState, _ effects: inout [Effect]) {
        switch s.mode {
        case .list, .summary:
            s.mode = .list
            s.isEditingQuery = true
        case .article:
            s.open?.find = FindState(query: "", matches: [], current: 0, isEditing: true)
        }
    }

    static func input(_ s: inout ReaderState, _ c: Character) {
        guard let clean = CellSanitizer.clean(c) else { return }
        if s.mode == .article, var find = s.open?.find {
            find.query.append(clean)
            updateFind(&s, find)
        } else if s.isEditingQuery {
            s.query.append(clean)
            refilter(&s, incremental: true)
        }
    }

    static func deleteBackward(_ s: inout ReaderState) {
        if s.mode == .article, var find = s.open?.find {
            if !find.query.isEmpty { find.query.removeLast() }
            updateFind(&s, find)
        } else if s.isEditingQuery, !s.query.isEmpty {
            s.query.removeLast()
            refilter(&s, incremental: false)
        }
    }

    static func commitInput(_ s: inout ReaderState) {
        if s.mode == .article, var find = s.open?.find {
            find.isEditing = false
            if find.query.isEmpty {
                s.open?.find = nil
            } else {
                s.open?.find = find
                s.message = StatusMessage(find.matches.isEmpty
                    ? "Not found: \(find.query)"
                    : (["\(find.matches.count) match\(find.matches.count == 1 ? "" : "es")"]
                        + [s.options.keyMap.phrase([("find-next", "next"), ("find-previous", "previous"), ("back", "clears")])])
                        .filter { !$0.isEmpty }.joined(separator: " · "))
            }
        } else if s.isEditingQuery {
            s.isEditingQuery = false
            if !s.query.isEmpty {
                let n = s.visible.count
                let clear = s.options.keyMap.phrase([("back", "clears")])
                s.message = StatusMessage("\(n) article\(n == 1 ? "" : "s") match “\(s.query)”" + (clear.isEmpty ? "" : " · " + clear))
            }
        }
    }

    static func cancelInput(_ s: inout ReaderState) {
        if s.mode == .article, s.open?.find != nil {
            s.open?.find = nil
        } else if s.isEditingQuery {
            s.isEditingQuery = false
            s.query = ""
            refilter(&s, incremental: false)
        }
    }

    static func findNext(_ s: inout ReaderState, _ d: Int) {
        guard var find = s.open?.find, !find.matches.isEmpty else {
            if let query = s.open?.find?.query { s.message = StatusMessage("Not found: \(query)") }
            return
        }
        find.current = (find.current + d + find.matches.count) % find.matches.count
        s.open?.find = find
        reveal(&s, line: find.matches[find.current].line)
        s.message = StatusMessage("Match \(find.current + 1) of \(find.matches.count)")
    }

    /// Recomputes matches and moves to the first one at or below the top line.
    static func updateFind(_ s: inout ReaderState, _ find: FindState) {
        guard let open = s.open else { return }
        var find = find
        find.matches = findMatches(find.query, in: open.layout)
        find.current = find.matches.firstIndex { $0.line >= open.top } ?? 0
        s.open?.find = find
        if !find.matches.isEmpty { reveal(&s, line: find.matches[find.current].line) }
    }

    /// Scrolls so `line` is visible (a third of the way down when it was not).
    static func reveal(_ s: inout ReaderState, line: Int) {
        guard let open = s.open else { return }
        if line < open.top || line >= open.top + s.bodyRows {
            let top = max(0, min(line - s.bodyRows / 3, maxTop(open, s)))
            s.open?.top = top
        }
    }

    /// Case-insensitive matches of `query` in each line's text, as display-column ranges.
    /// A match does not span two wrapped lines.
    public static func findMatches(_ query: String, in layout: ArticleLayout) -> [FindMatch] {
        let needle = query.map { String($0).lowercased() }
        guard !needle.isEmpty else { return [] }
        var matches: [FindMatch] = []
        for (lineIndex, line) in layout.lines.enumerated() where !line.text.isEmpty {
            let chars = Array(line.text)
            guard chars.count >= needle.count else { continue }
            let folded = chars.map { String($0).lowercased() }
            var columns: [Int] = [0]
            for ch in chars { columns.append(columns.last! + DisplayWidth.of(ch)) }
            var i = 0
            while i + needle.count <= chars.count {
                if folded[i] == needle[0], Array(folded[i..<(i + needle.count)]) == needle {
                    matches.append(FindMatch(line: lineIndex, column: columns[i], width: columns[i + needle.count] - columns[i]))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return matches
    }

    /// Recomputes the list rows for the filter and query. `incremental` narrows the
    /// current rows (the query only grew); otherwise the whole catalog is scanned.
    static func refilter(_ s: inout ReaderState, incremental: Bool) {
        let keep = s.selectedIndex
        let context = s.context
        let count = context.items.count
        let bodyGeneration = context.bodyIndex.generation
        if s.filter == .all && s.query.isEmpty {
            s.visible = .all(count: count)
        } else {
            let needle = ByteSearch.folded(s.query)
            let filter = s.filter
            let read = s.readIDs
            let saved = s.savedIDs
            let items = context.items
            let body = context.bodyIndex
            var rows: [Int] = []
            rows.reserveCapacity(min(s.visible.count, count))
            let useCurrent = incremental && s.searchGeneration == bodyGeneration
            let candidates: VisibleItems = useCurrent ? s.visible : .all(count: count)
            let title = needle.isEmpty ? nil : context.titleIndex
            func passes(_ i: Int, _ matchTitle: (Int) -> Bool, _ matchBody: (Int) -> Bool) -> Bool {
                switch filter {
                case .all: break
                case .unread: if read.contains(items[i].id) { return false }
                case .saved: if !saved.contains(items[i].id) { return false }
                }
                return needle.isEmpty || matchTitle(i) || matchBody(i)
            }
            body.withMatcher(needle) { matchBody in
                if let title, candidates.count > 4096 {
                    // Many candidates: one memchr pass over every title beats a search per item.
                    let mask = title.matchMask(needle)
                    mask.withUnsafeBufferPointer { m in
                        candidates.forEachIndex { i in if passes(i, { m[$0] }, matchBody) { rows.append(i) } }
                    }
                } else if let title {
                    title.withMatcher(needle) { matcher in
                        candidates.forEachIndex { i in if passes(i, matcher, matchBody) { rows.append(i) } }
                    }
                } else {
                    candidates.forEachIndex { i in if passes(i, { _ in true }, matchBody) { rows.append(i) } }
                }
            }
            s.visible = .subset(rows)
        }
        s.searchGeneration = bodyGeneration
        s.selected = keep.flatMap { s.visible.row(of: $0) } ?? 0
        if !s.query.isEmpty, s.isEditingQuery { s.selected = 0 }
        keepSelectionVisible(&s)
    }
}
