import Articles
import Foundation

/// `bulletin parse --json FEEDFILE` output: `{"feed": {"title", "url", "siteURL"}, "articles": [...]}`,
/// each article in the article JSON schema plus `guid`.
public struct FeedJSON: Encodable, Sendable {
    /// The feed's own fields.
    public struct Feed: Encodable, Sendable {
        /// The feed's title.
        public var title: String?
        /// The address the feed was read from (article ids derive from it).
        public var url: String
        /// The site the feed belongs to.
        public var siteURL: String?

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(title, forKey: .title)  // null when unknown, like the article schema
            try c.encode(url, forKey: .url)
            try c.encode(siteURL, forKey: .siteURL)
        }

        enum CodingKeys: String, CodingKey { case title, url, siteURL }
    }

    /// One article with its item's guid.
    public struct Item: Encodable, Sendable {
        /// The article (schema of README.md, "JSON schema"; `url` is the item's link).
        public var article: Article
        /// The item's guid, `null` when it has none.
        public var guid: String?

        enum CodingKeys: String, CodingKey { case guid }

        public func encode(to encoder: Encoder) throws {
            try article.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(guid, forKey: .guid)
        }
    }

    /// The feed.
    public var feed: Feed
    /// Its items as articles, in feed order.
    public var articles: [Item]

    /// The output for `parsed`, read from `url`.
    public init(_ parsed: ParsedFeed, url: String) {
        feed = Feed(title: parsed.title, url: url, siteURL: parsed.siteURL)
        articles = parsed.items.map { Item(article: $0.article(feedURL: url, feedTitle: parsed.title), guid: $0.guid) }
    }
}
