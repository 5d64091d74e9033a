import Foundation

/// An article stored as a Bulletin article file: Markdown under a small front-matter block.
///
/// The format (documented in README.md, "Bulletin article files"):
///
/// ```text
/// ---
/// bulletin: 1
/// id: 3f2a9c0d11e4b7a8
/// title: "Night trains return"
/// author: "Tomas Reyes"
/// date: 2024-03-01T09:30:00Z
/// url: "https://example.org/night-trains"
/// feed: "https://example.org/feed.xml"
/// guid: "tag:example.org,2024:night-trains"
/// summarySource: generated
/// ---
///
/// # Night trains return
///
/// - First summary bullet.
///
/// Lead paragraph.
///
/// ## A subheading
///
/// Paragraph.
/// ```
///
/// Front-matter values are JSON string literals (also valid YAML) or bare words; the body
/// holds the title, the summary bullets, and the sections. ``ArticleParser`` reads a file
/// that opens with such a block (one with a `bulletin:` key) through ``read(utf8:)``, so the
/// library lists and opens these files like any other article.
public struct ArticleFile: Hashable, Sendable {
    /// The article.
    public var article: Article
    /// The feed item's guid, when the article came from a feed.
    public var guid: String?
    /// The address of the feed the article came from.
    public var feed: String?

    /// The format version this code writes.
    public static let version = 1

    /// Wraps an article and its feed identity.
    public init(article: Article, guid: String? = nil, feed: String? = nil) {
        self.article = article
        self.guid = guid
        self.feed = feed
    }

    /// The file's text.
    public func rendered() -> String { String(decoding: renderedBytes(), as: UTF8.self) }

    /// The file's text as UTF-8, the bytes written to disk.
    public func renderedBytes() -> [UInt8] { ArticleFileWriter.render(self) }

    /// The file text of `article` (see ``ArticleFile``).
    public static func write(_ article: Article, guid: String? = nil, feed: String? = nil) -> String {
        ArticleFile(article: article, guid: guid, feed: feed).rendered()
    }

    /// Reads a Bulletin article file; `nil` when the text does not open with a front-matter
    /// block holding a `bulletin:` key.
    public static func read(_ text: String) -> ArticleFile? {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return read(utf8: bytes)
    }

    /// As ``read(_:)`` for valid UTF-8 bytes.
    public static func read(utf8 bytes: [UInt8]) -> ArticleFile? {
        ArticleFileReader.read(bytes)
    }

    /// As ``read(_:)`` for the file at `path`, read as the library reads its files (a regular
    /// file within the parser's size limit, never waiting on a FIFO or device); `nil` when it
    /// cannot be read or is no Bulletin article file.
    public static func read(atPath path: String) -> ArticleFile? {
        guard let bytes = try? Library.readFile(atPath: path) else { return nil }
        return read(utf8: bytes)
    }

    /// Whether `bytes` open with a `---` line (the cheap test before ``read(utf8:)``).
    static func mayHaveFrontMatter(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x2D && bytes[1] == 0x2D && bytes[2] == 0x2D
            && (bytes[3] == 0x0A || bytes[3] == 0x0D)
    }
}
