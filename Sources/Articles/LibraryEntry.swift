import Foundation

/// What the article list needs to know about one article, without its body.
///
/// Entries come from the index cache when the file is unchanged (same size and
/// modification time), so opening a large library does not parse every body.
public struct LibraryEntry: Hashable, Sendable {
    /// The article's stable id.
    public var id: ArticleID
    /// Absolute path of the file the article came from.
    public var path: String
    /// The headline.
    public var title: String
    /// Site or publication name, if known.
    public var source: String?
    /// Author, if known.
    public var author: String?
    /// The article's own date, or the file's modification date when the text has none.
    public var date: Date
    /// Whether ``date`` came from the text (rather than the file).
    public var dateIsFromText: Bool
    /// Body word count.
    public var wordCount: Int
    /// Number of summary bullets written by the author.
    public var summaryCount: Int

    /// Reading time in minutes.
    public var readingMinutes: Int { WordCounter.readingMinutes(words: wordCount) }

    /// Creates an entry.
    public init(
        id: ArticleID, path: String, title: String, source: String?, author: String?,
        date: Date, dateIsFromText: Bool, wordCount: Int, summaryCount: Int
    ) {
        self.id = id
        self.path = path
        self.title = title
        self.source = source
        self.author = author
        self.date = date
        self.dateIsFromText = dateIsFromText
        self.wordCount = wordCount
        self.summaryCount = summaryCount
    }

    /// Builds the entry for a freshly parsed article.
    public init(article: Article, path: String, fileDate: Date) {
        self.init(
            id: article.id, path: path, title: article.title, source: article.source,
            author: article.author, date: article.date ?? fileDate,
            dateIsFromText: article.date != nil, wordCount: article.wordCount,
            summaryCount: article.summarySource == .author ? article.summary.count : 0)
    }

    /// Newest first, then by title, then by path (a total order, so listings are stable).
    public static func newestFirst(_ a: LibraryEntry, _ b: LibraryEntry) -> Bool {
        if a.date != b.date { return a.date > b.date }
        if a.title != b.title { return a.title < b.title }
        return a.path < b.path
    }
}

/// Something the library skipped or could not read, for a one-line message.
public struct LibraryNotice: Hashable, Sendable, CustomStringConvertible {
    /// The file concerned.
    public var path: String
    /// What happened, in a few words.
    public var message: String

    /// Creates a notice.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
