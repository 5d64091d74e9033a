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
                    right: "\(saved)\(percent)% · \(open.layout.readingMinutes) min", into: &screen)
        let margin = open.layout.margin
        for r in 0..<rows {
            let i = open.top + r
            guard i < lines.count else { break }
            draw(lines[i], row: 1 + r, column: margin, into: &screen)
        }
        if let find = open.find {
            // Matches are in line order: start at the first visible one (a one-letter find
            // in a 5 MB article has hundreds of thousands).
            var k = find.firstMatch(atOrBelow: open.top)
            while k < find.found.count {
                let match = find.found[k]
                guard match.line < open.top + rows else { break }
                defer { k += 1 }
                let line = lines[match.line]
                let x = margin + DisplayWidth.of(line.prefix) + match.column
                screen.restyle(row: 1 + match.line - open.top, column: x, width: match.width,
                               style: k == find.current ? .currentMatch : .match)
            }
        }
    }

    /// Draws one laid-out line: its prefix in the summary bar's style, then its text in the style
    /// of its kind (the article view, the summary view and the preview pane all draw so).
    static func draw(_ line: ArticleLayout.Line, row: Int, column: Int, into screen: inout Screen) {
        let used = screen.put(line.prefix, row: row, column: column, style: .summaryBar)
        screen.put(line.text, row: row, column: column + used, style: style(line.kind))
    }

    static func style(_ kind: ArticleLayout.Kind) -> Style {
        switch kind {
        case .title: return .title
        case .byline: return .byline
        case .credit, .end, .note: return .muted
        case .summaryHeader: return .summaryBar
        case .heading: return .heading
        case .bioHeader: return Style([.bold])
        case .blank, .bullet, .paragraph, .bio: return .plain
        }
    }
}
