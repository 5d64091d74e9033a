import Articles
import Foundation

/// A favorite: when it was saved and a full copy of the article.
public struct SavedArticle: Hashable, Sendable {
    /// The article copy, readable after its source file is gone.
    public var article: Article
    /// When it was saved.
    public var savedAt: Date

    /// Creates a saved entry.
    public init(article: Article, savedAt: Date) {
        self.article = article
        self.savedAt = savedAt
    }
}
