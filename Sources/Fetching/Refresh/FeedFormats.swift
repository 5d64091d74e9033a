import Articles
import Feeds
import Foundation

/// The bridge from fetched documents to the `Feeds` target and the HTML extraction: parse a
/// feed into items, find feed links in a page, extract a page as an article, read and
/// write OPML as subscriptions.
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
        /// ``Fingerprint/of(_:)-(Article)`` of the article (made with it, on every core).
        var fingerprint: String
    }

    /// The one-line answer for an HTML page where a feed was expected.
    public static let webPageMessage = FeedParseError.webPage.description

    /// Parses a feed document fetched from `feedURL` (the subscription's address, which the
    /// ids derive from).
    public static func parse(_ document: FetchedDocument, feedURL: String) throws(FetchFailure) -> Parsed {
        try parse(document, data: document.data, feedURL: feedURL)
    }

    /// As ``parse(_:feedURL:)`` with the body already as `Data` (``FetchedDocument/data``
    /// copies the body each time it is asked).
    static func parse(_ document: FetchedDocument, data: Data, feedURL: String) throws(FetchFailure) -> Parsed {
        let parsed = try parseItems(document, data: data).all()
        return Parsed(title: parsed.title, items: convert(parsed.items[...], feedTitle: parsed.title, feedURL: feedURL))
    }

    /// The feed with its items not read yet (a refresh reads and converts them a slice at a
    /// time with ``convert(_:feedTitle:feedURL:)``).
    static func parseItems(_ document: FetchedDocument, data: Data) throws(FetchFailure) -> FeedItemSource {
        do { return try FeedParser.parseLazily(data: data, url: document.finalURL.absoluteString) } catch {
            throw FetchFailure((error as? FeedParseError)?.description ?? "\(error)")
        }
    }

    /// `source` as articles, converted on every core `chunk` items at a time (each item's
    /// HTML goes through the extraction on its own, so items are independent).
    static func convert(_ source: ArraySlice<FeedItem>, feedTitle title: String?, feedURL: String) -> [Item] {
        let chunk = 128
        var items = [Item?](repeating: nil, count: source.count)
        let base = source.startIndex
        items.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: (source.count + chunk - 1) / chunk) { c in
                for i in (c * chunk)..<min(source.count, (c + 1) * chunk) {
                    let item = source[base + i]
                    let article = item.article(feedURL: feedURL, feedTitle: title)
                    out[i] = Item(guid: item.identityKey, article: article, fingerprint: Fingerprint.of(article))
                }
            }
        }
        return items.map { $0! }
    }

    /// Feed addresses announced by an HTML page (`<link rel="alternate" type=...>`), http(s) only.
    public static func feedLinks(_ document: FetchedDocument) -> [URL] {
        HTMLArticleParser.feedLinks(data: document.data, url: document.finalURL.absoluteString).compactMap { link in
            guard let url = URL(string: link.url), let scheme = url.scheme?.lowercased(),
                scheme == "http" || scheme == "https" || (scheme == "file" && document.finalURL.isFileURL)
            else { return nil }
            return url
        }
    }

    /// Extracts the article of a web page.
    public static func extractPage(_ document: FetchedDocument) throws(FetchFailure) -> Article {
        do {
            return try HTMLArticleParser.parse(
                data: document.data, url: document.finalURL.absoluteString, httpCharset: document.contentType?.charset)
        } catch {
            throw FetchFailure("cannot extract the page: \(Library.describe(error))")
        }
    }

    /// Whether the body is an HTML page: by its content first (a feed served as `text/html`
    /// is still a feed), by its media type when the content says nothing.
    public static func isHTML(_ document: FetchedDocument) -> Bool {
        isHTML(document, data: document.data)
    }

    /// As ``isHTML(_:)`` with the body already as `Data`.
    static func isHTML(_ document: FetchedDocument, data: Data) -> Bool {
        switch FeedSniffer.kind(of: data) {
        case .html: return true
        case .rss, .rdf, .atom, .jsonFeed, .opml, .otherXML: return false
        case .unknown: return document.contentType?.isHTML == true || HTMLArticleParser.looksLikeHTML(data)
        }
    }

    /// The subscriptions of an OPML document: folders become tags.
    public static func parseOPML(_ data: Data) throws(FetchFailure) -> [Subscription] {
        do {
            return try OPML.parse(data: data).map {
                Subscription(name: $0.title ?? URL(string: $0.url)?.host ?? $0.url, url: $0.url, tags: $0.tags)
            }
        } catch {
            throw FetchFailure((error as? FeedParseError)?.description ?? "\(error)")
        }
    }

    /// OPML 2.0 for `subscriptions`, tags as `category` attributes.
    public static func writeOPML(_ subscriptions: [Subscription]) -> String {
        OPML.write(subscriptions.map { OPMLOutline(url: $0.url, title: $0.name, tags: $0.tags) }, title: "Bulletin subscriptions")
    }
}
