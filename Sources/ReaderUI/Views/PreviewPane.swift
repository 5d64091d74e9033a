import Articles

/// The preview beside the list (120 columns and wider): the selected article laid out for
/// the pane (header from ``ArticleHeader``, then the first paragraphs), parsed lazily, one
/// article per move, and kept in the context's ``PreviewCache`` while it stays selected.
enum PreviewPane {
    static func draw(_ state: ReaderState, column: Int, into screen: inout Screen) {
        guard let index = state.selectedIndex else { return }
        let width = screen.width - column - 2
        guard width > 4 else { return }
        let rows = screen.height - 2  // between the top bar and the status bar
        let context = state.context
        let key = PreviewCache.key(context, index, width: width, rows: rows)
        let lines = context.previews.lines(for: key) {
            do {
                let article = try context.loadArticle(index)
                return ArticleLayout(article: article, width: width, measure: width, margin: 0, lineLimit: rows).lines
            } catch {
                return ArticleHeader.unreadable(title: context.items[index].title, error: error, measure: width)
            }
        }
        for (r, line) in lines.prefix(rows).enumerated() {
            ArticleView.draw(line, row: 1 + r, column: column + 1, into: &screen)
        }
    }
}
