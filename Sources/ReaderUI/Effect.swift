import Articles
import Storage

/// Side effects the reducer asks for; the app loop runs them (headless rendering ignores
/// them, so a screenshot never changes the state files).
public enum Effect: Hashable, Sendable {
    case markRead(ArticleID)
    case markUnread(ArticleID)
    case save(Article)
    case unsave(ArticleID)
    case setReadingPosition(ArticleID, ReadingPosition)
    case openURL(String)
    /// Refresh the feeds on a background task (progress comes back as actions).
    case refreshFeeds
    case quit
}
