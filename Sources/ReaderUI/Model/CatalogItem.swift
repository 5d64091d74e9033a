import Articles
import Foundation

/// One row of the reader's list: an article of the library, or a saved favorite whose
/// source file is no longer in the library (readable from its saved copy).
public struct CatalogItem: Hashable, Sendable {
    /// The article id.
    public var id: ArticleID
    /// Headline.
    public var title: String
    /// Site or publication.
    public var source: String?
    /// Author.
    public var author: String?
    /// Article date (or file date).
    public var date: Date
    /// Reading time in minutes.
    public var readingMinutes: Int
    /// Where the article lives.
    public var origin: Origin

    /// Where an item's article comes from.
    public enum Origin: Hashable, Sendable {
        /// `Library.entries[index]`.
        case library(Int)
        /// A saved copy (the source file is gone). Boxed, like ``memory(_:)``: an article
        /// held inline would make every item (100,000 library items) as large as one.
        indirect case savedCopy(Article)
        /// An article given in memory (tests, benchmarks).
        indirect case memory(Article)
    }

    /// Whether the item comes from a saved copy only.
    public var isSavedCopy: Bool {
        if case .savedCopy = origin { return true }
        return false
    }
}
