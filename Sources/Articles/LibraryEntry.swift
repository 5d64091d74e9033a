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

    /// The notice as one line, with control characters (a newline in a file name, say),
    /// bidi overrides and U+FFFD escaped so that a hostile name cannot break the line or
    /// reach the terminal raw.
    public var description: String { LibraryNotice.escaped("\(path): \(message)") }

    /// `text` with C0, DEL, C1, bidi controls and U+FFFD written as escapes
    /// (`\n`, `\t`, `\u{202E}`); everything else unchanged.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where needsEscape(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        // Bidi marks, embeddings, overrides and isolates; U+FFFD stands for bytes already lost.
        return v == 0x061C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0xFFFD
    }
}
