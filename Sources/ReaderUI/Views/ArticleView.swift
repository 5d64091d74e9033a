import Articles

/// The article: laid out by ``ArticleLayout``, scrolled to the open article's top line,
/// with find matches highlighted.
enum ArticleView {
    static func draw(_ state: ReaderState, into screen: inout Screen) {
        guard let open = state.open else { return }
        let lines = open.layout.lines
        let rows = state.bodyRows
        let percent = lines.count <= rows ? 100 : min(100, (open.top + rows) * 100 / lines.count)
        let saved = state.savedIDs.contains(open.article.id) ? "★ " : ""
        TopBar.draw(left: "Bulletin › " + open.article.title,
                    right: "\(saved)\(percent)% · \(open.article.readingMinutes) min", into: &screen)
        let margin = open.layout.margin
        for r in 0..<rows {
            let i = open.top + r
            guard i < lines.count else { break }
            let line = lines[i]
            let used = screen.put(line.prefix, row: 1 + r, column: margin, style: .summaryBar)
            screen.put(line.text, row: 1 + r, column: margin + used, style: style(line.kind))
        }
        if let find = open.find {
            for (k, match) in find.matches.enumerated() where match.line >= open.top && match.line < open.top + rows {
                let line = lines[match.line]
                let x = margin + DisplayWidth.of(line.prefix) + match.column
                screen.restyle(row: 1 + match.line - open.top, column: x, width: match.width,
                               style: k == find.current ? .currentMatch : .match)
            }
        }
    }

    static func style(_ kind: ArticleLayout.Kind) -> Style {
        switch kind {
        case .title: return .title
        case .byline: return .byline
        case .credit, .end: return .muted
        case .summaryHeader: return .summaryBar
        case .heading: return .heading
        case .bioHeader: return Style([.bold])
        case .blank, .bullet, .paragraph, .bio: return .plain
        }
    }
}
