import Articles

/// Renders a ``ReaderState`` into a ``Screen``. Pure: the same state gives the same grid.
public enum View {
    /// The screen for `state` at its size.
    public static func render(_ state: ReaderState) -> Screen {
        var screen = Screen(width: state.width, height: state.height)
        if state.isTooSmall {
            for (row, line) in tooSmallMessage(width: state.width, height: state.height).enumerated() {
                screen.put(line, row: row, column: 0)
            }
            return screen
        }
        switch state.mode {
        case .list where state.feeds != nil: FeedsView.draw(state, into: &screen)
        case .list: ListView.draw(state, into: &screen)
        case .article: ArticleView.draw(state, into: &screen)
        case .summary: SummaryView.draw(state, into: &screen)
        }
        StatusBar.draw(state, into: &screen)
        if state.showHelp { HelpOverlay.draw(state, into: &screen) }
        return screen
    }

    /// "terminal too small" with the size needed when it fits on one line, else the short
    /// message wrapped over the rows there are (so 10x3 reads "terminal / too small").
    static func tooSmallMessage(width: Int, height: Int) -> [String] {
        let full = "terminal too small: needs \(Layout.minimumWidth)x\(Layout.minimumHeight)"
        if full.count <= width { return [full] }
        return Array(WordWrap.lines("terminal too small", width: width).prefix(max(1, height)))
    }
}
