import Articles

/// The preview beside the list (120 columns and wider): title, byline, summary bullets
/// and the first lines of the selected article (parsed lazily, one article per move).
enum PreviewPane {
    static func draw(_ state: ReaderState, column: Int, into screen: inout Screen) {
        guard let index = state.selectedIndex else { return }
        let width = screen.width - column - 2
        let x = column + 1
        let bottom = screen.height - 1
        var row = 1
        func put(_ text: String, _ style: Style, prefix: String = "", continuation: String = "") {
            let inner = width - DisplayWidth.of(prefix)
            for (i, line) in WordWrap.lines(text, width: max(1, inner)).enumerated() {
                guard row < bottom else { return }
                let lead = i == 0 ? prefix : continuation
                let used = screen.put(lead, row: row, column: x, style: .summaryBar)
                screen.put(line, row: row, column: x + used, style: style)
                row += 1
            }
        }
        guard width > 4 else { return }
        let article: Article
        do { article = try state.context.loadArticle(index) } catch {
            put(state.context.items[index].title, Style([.bold]))
            row += 1
            put("Cannot read this article: \(Library.describe(error))", .muted)
            return
        }
        put(article.title, .title)
        var byline: [String] = []
        if let author = article.author { byline.append("By " + author) }
        if let source = article.source { byline.append(source) }
        byline.append("\(article.readingMinutes) min read")
        put(byline.joined(separator: " · "), .byline)
        row += 1
        if !article.summary.isEmpty {
            put(article.summarySource == .generated ? "Summary · generated" : "Summary", .summaryBar, prefix: "┃ ")
            for bullet in article.summary { put(bullet.text, .plain, prefix: "┃ • ", continuation: "┃   ") }
            row += 1
        }
        for section in article.sections {
            if let heading = section.heading, row < bottom { put(heading, .heading); row += 1 }
            for paragraph in section.paragraphs {
                guard row < bottom else { return }
                put(paragraph, .plain)
                row += 1
            }
        }
    }
}
