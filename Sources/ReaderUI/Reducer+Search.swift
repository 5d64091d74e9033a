import Articles

extension Reducer {
    static func startSearch(_ s: inout ReaderState, _ effects: inout [Effect]) {
        switch s.mode {
        case .list, .summary:
            s.mode = .list
            s.isEditingQuery = true
        case .article:
            s.open?.find = FindState(query: "", found: .none, current: 0, isEditing: true)
        }
    }

    static func input(_ s: inout ReaderState, _ c: Character) {
        guard let clean = CellSanitizer.clean(c) else { return }
        if s.mode == .article, let open = s.open, var find = open.find {
            // The longer query can only match in lines where the shorter one did (not worth
            // listing when there are more matches than lines: nearly every line has one).
            let narrowed = find.query.isEmpty || find.found.count >= open.layout.folded.count ? nil : find.found.lines
            find.query.append(clean)
            updateFind(&s, find, within: narrowed)
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
                s.message = StatusMessage(find.found.isEmpty
                    ? "Not found: \(find.query)"
                    : (["\(find.found.count) match\(find.found.count == 1 ? "" : "es")"]
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
        guard var find = s.open?.find, !find.found.isEmpty else {
            if let query = s.open?.find?.query { s.message = StatusMessage("Not found: \(query)") }
            return
        }
        find.current = (find.current + d + find.found.count) % find.found.count
        s.open?.find = find
        reveal(&s, line: find.found.line(of: find.current))
        s.message = StatusMessage("Match \(find.current + 1) of \(find.found.count)")
    }

    /// Recomputes matches (only in `lines` when given) and moves to the first one at or
    /// below the top line.
    static func updateFind(_ s: inout ReaderState, _ find: FindState, within lines: [Int]? = nil) {
        guard let open = s.open else { return }
        var find = find
        find.found = open.layout.folded.find(FoldedLines.needle(find.query), in: lines)
        let first = find.firstMatch(atOrBelow: open.top)
        find.current = first < find.found.count ? first : 0
        s.open?.find = find
        if !find.found.isEmpty { reveal(&s, line: find.found.line(of: find.current)) }
    }

    /// Scrolls so `line` is visible (a third of the way down when it was not).
    static func reveal(_ s: inout ReaderState, line: Int) {
        guard let open = s.open else { return }
        if line < open.top || line >= open.top + s.bodyRows {
            let top = max(0, min(line - s.bodyRows / 3, maxTop(open, s)))
            s.open?.top = top
        }
    }

    /// Case-insensitive matches of `query` in each line's text (or only in `lines`,
    /// ascending), as display-column ranges, from the layout's folded text. Characters
    /// are compared folded one by one, and matches do not overlap or span two wrapped lines.
    public static func findMatches(_ query: String, in layout: ArticleLayout, within lines: [Int]? = nil) -> [FindMatch] {
        layout.folded.matches(FoldedLines.needle(query), in: lines)
    }

    /// The distinct lines of `matches` (which are in line order), ascending.
    static func linesWithMatches(_ matches: [FindMatch]) -> [Int] {
        var lines: [Int] = []
        for match in matches where lines.last != match.line { lines.append(match.line) }
        return lines
    }

    /// Recomputes the list rows for the filter and query. `incremental` narrows the
    /// current rows (the query only grew); otherwise the whole catalog is considered.
    /// Title, author and source matches come from the ``TitleIndex`` lists (no pass over
    /// the catalog); only the rows that match there are checked against the filters, unless
    /// bodies are indexed, when every candidate row is also searched in its body.
    static func refilter(_ s: inout ReaderState, incremental: Bool) {
        let keep = s.selectedIndex
        let context = s.context
        let count = context.items.count
        let bodyGeneration = context.bodyIndex.generation
        if s.filter == .all && s.query.isEmpty && s.sourceFilter == nil {
            s.visible = .all(count: count)
        } else {
            let needle = ByteSearch.folded(s.query)
            let filter = s.filter
            let read = s.readIDs
            let saved = s.savedIDs
            let source = s.sourceFilter
            let items = context.items
            let useCurrent = incremental && s.searchGeneration == bodyGeneration
            let candidates: VisibleItems = useCurrent ? s.visible : .all(count: count)
            func passesFilters(_ i: Int) -> Bool {
                if let source, items[i].source != source { return false }
                switch filter {
                case .all: return true
                case .unread: return !read.contains(items[i].id)
                case .saved: return saved.contains(items[i].id)
                }
            }
            let title = needle.isEmpty ? nil : context.titleIndex
            var rows: [Int] = []
            context.bodyIndex.withMatcher(needle) { matchBody in
                guard let title else {
                    rows.reserveCapacity(candidates.count)
                    candidates.forEachIndex { i in if passesFilters(i) { rows.append(i) } }
                    return
                }
                guard let matchBody else {
                    // No body can match: the rows are the title matches among the candidates.
                    let within: [Int]?
                    switch candidates {
                    case .all: within = nil
                    case .subset(let current): within = current
                    }
                    let matched = title.matchingItems(needle, within: within)
                    rows = filter == .all && source == nil ? matched : matched.filter(passesFilters)
                    return
                }
                var isTitleMatch = ItemBits(count: count)
                isTitleMatch.insert(title.matchingItems(needle))
                candidates.forEachIndex { i in
                    if passesFilters(i), isTitleMatch.contains(i) || matchBody(i) { rows.append(i) }
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

extension FindState {
    /// The index of the first match on line `line` or below (the match count when none),
    /// by binary search: matches are in line order.
    func firstMatch(atOrBelow line: Int) -> Int { found.first(atOrBelow: line) }
}
