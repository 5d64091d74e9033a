/// What the user asked for, independent of which key asked for it.
public enum Action: Hashable, Sendable {
    /// Move the selection (list, summary) or scroll (article) by lines; negative is up.
    case move(Int)
    /// Page down (+1) or up (-1).
    case page(Int)
    /// First item / top of the article.
    case top
    /// Last item / end of the article.
    case bottom
    /// Scroll by lines (mouse wheel).
    case scroll(Int)
    /// Open the selected article.
    case open
    /// Go back one level (article → list; closes overlays and prompts).
    case back
    /// `q`: back, or quit from the list.
    case backOrQuit
    /// Quit from anywhere.
    case quit
    /// Next (+1) or previous (-1) article.
    case adjacentArticle(Int)
    /// The next unread article.
    case nextUnread
    /// Toggle read/unread.
    case toggleRead
    /// Toggle saved.
    case toggleSaved
    /// Open the article's url in the browser.
    case openURL
    /// Show or hide the help overlay.
    case toggleHelp
    /// All → Unread → Saved.
    case cycleFilter(Int)
    /// Show the summary view of the selected article.
    case showSummary
    /// Start typing a search (list) or find (article).
    case startSearch
    /// A character typed into the prompt.
    case input(Character)
    /// Backspace in the prompt.
    case deleteBackward
    /// Enter in the prompt: keep the search.
    case commitInput
    /// Esc in the prompt: drop the search.
    case cancelInput
    /// Next (+1) or previous (-1) find match.
    case findNext(Int)
    /// The terminal has a new size.
    case resize(width: Int, height: Int)
    /// More bodies were indexed: refresh an active list search.
    case refreshSearch
    /// A message for the status bar (from an effect).
    case notify(String)
    /// `r`: refresh the feeds in the background.
    case refreshFeeds
    /// Progress of the background refresh, for the status bar (`12/40 feeds, 85 new`).
    case refreshProgress(String)
    /// The background refresh ended: its summary line, and whether a feed failed.
    case refreshFinished(String, failed: Bool)
    /// Show or hide the feeds view (sources with unread counts).
    case toggleFeeds
}
