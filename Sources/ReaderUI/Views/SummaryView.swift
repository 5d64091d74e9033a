import Articles

/// Triage: only the summary bullets of the selected article; j/k move to the next or
/// previous article without leaving the view.
enum SummaryView {
    static func draw(_ state: ReaderState, into screen: inout Screen) {
        guard state.selectedIndex != nil else { return }
        TopBar.draw(left: "Bulletin › Summary", right: "\(state.selected + 1)/\(state.visible.count)", into: &screen)
        let margin = ArticleLayout.margin(forWidth: state.width, maximum: state.options.maximumMeasure)
        let lines = self.lines(state)
        let top = min(state.summaryTop, maxTop(state, lineCount: lines.count))
        for r in 0..<state.bodyRows {
            guard top + r < lines.count else { break }
            ArticleView.draw(lines[top + r], row: 1 + r, column: margin, into: &screen)
        }
    }

    /// The furthest the view can scroll for the selected article (the reducer keeps
    /// ``ReaderState/summaryTop`` within it, as it does for the article view).
    static func maxTop(_ state: ReaderState, lineCount: Int? = nil) -> Int {
        max(0, (lineCount ?? lines(state).count) - state.bodyRows)
    }

    /// The selected article's header (``ArticleHeader``: title with its unread and saved
    /// marks, byline, credit, summary bullets), wrapped to the measure.
    static func lines(_ state: ReaderState) -> [ArticleLayout.Line] {
        guard let index = state.selectedIndex else { return [] }
        let measure = ArticleLayout.measure(forWidth: state.width, maximum: state.options.maximumMeasure)
        let item = state.context.items[index]
        do {
            let article = try state.context.loadArticle(index)
            let marks = (state.readIDs.contains(item.id) ? "" : "● ") + (state.savedIDs.contains(item.id) ? "★ " : "")
            var builder = ArticleLayout.Builder(measure: measure)
            let note = "No summary bullets in this article." + (state.options.keyMap.label(for: "open").map { " \($0) opens it." } ?? "")
            ArticleHeader.add(article, marks: marks, noSummaryNote: note, to: &builder)
            return builder.lines
        } catch {
            return ArticleHeader.unreadable(title: item.title, error: error, measure: measure)
        }
    }
}
