/// Renders a ``ReaderState`` into a ``Screen``. Pure: the same state gives the same grid.
public enum View {
    /// The screen for `state` at its size.
    public static func render(_ state: ReaderState) -> Screen {
        var screen = Screen(width: state.width, height: state.height)
        if state.isTooSmall {
            screen.put("terminal too small", row: 0, column: 0)
            return screen
        }
        switch state.mode {
        case .list: ListView.draw(state, into: &screen)
        case .article: ArticleView.draw(state, into: &screen)
        case .summary: SummaryView.draw(state, into: &screen)
        }
        StatusBar.draw(state, into: &screen)
        if state.showHelp { HelpOverlay.draw(state, into: &screen) }
        return screen
    }
}
