import Articles
import Foundation

/// The bridge from fetched bytes to the feed and HTML code of the `Feeds` and HTML targets:
/// parse a feed into items, find feed links in a page, extract a page as an article.
public enum FeedFormats {
    /// A parsed feed.
    public struct Parsed: Sendable {
        /// The feed's title.
        public var title: String?
        /// Its items, each an article whose id derives from the feed URL and the guid.
        public var items: [Item]
    }

    /// One item.
    public struct Item: Sendable {
        /// The identity key (guid, else link, else title and date).
        public var guid: String
        /// The article (url = the item's link).
        public var article: Article
    }

    /// The one-line answer for an HTML page where a feed was expected.
    public static let webPageMessage = "this is a web page, not a feed"

    /// Parses a feed document.
    public static func parse(_ document: FetchedDocument, feedURL: String) throws(FetchFailure) -> Parsed {
        throw FetchFailure("feed parsing is not available in this build")
    }

    /// Feed addresses announced by an HTML page (`<link rel="alternate" type=...>`).
    public static func feedLinks(_ document: FetchedDocument) -> [URL] { [] }

    /// Extracts the article of a web page.
    public static func extractPage(_ document: FetchedDocument) throws(FetchFailure) -> Article {
        throw FetchFailure("page extraction is not available in this build")
    }

    /// Whether the body is an HTML page (by media type, else by its first bytes).
    public static func isHTML(_ document: FetchedDocument) -> Bool {
        if let type = document.contentType?.mediaType {
            if type == "text/html" || type == "application/xhtml+xml" { return true }
            if type.contains("xml") || type.contains("json") { return false }
        }
        let head = document.body.prefix(512)
        let text = String(decoding: head, as: UTF8.self).lowercased()
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
        return trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html")
    }
}
