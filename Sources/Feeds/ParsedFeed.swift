import Articles
import Foundation

/// The formats ``FeedParser`` reads.
public enum FeedFormat: String, Hashable, Sendable {
    /// RSS 0.91 to 2.0 (`<rss>`).
    case rss
    /// RSS 1.0 / 0.90 (`<rdf:RDF>`).
    case rdf
    /// Atom 1.0 or 0.3 (`<feed>`).
    case atom
    /// JSON Feed 1.0 or 1.1.
    case jsonFeed
}

/// A feed as read from its bytes: its own metadata and its items, in document order.
public struct ParsedFeed: Hashable, Sendable {
    /// Which format the bytes were.
    public var format: FeedFormat
    /// The feed's title (one clean line), if it has one.
    public var title: String?
    /// The site the feed belongs to (RSS `link`, Atom `link rel=alternate`, JSON `home_page_url`).
    public var siteURL: String?
    /// The address the feed gives for itself (Atom `link rel=self`, JSON `feed_url`).
    public var selfURL: String?
    /// The feed-level author, already inherited by items that name none.
    public var author: String?
    /// The items.
    public var items: [FeedItem]

    /// Creates a feed.
    public init(format: FeedFormat, title: String? = nil, siteURL: String? = nil, selfURL: String? = nil,
                author: String? = nil, items: [FeedItem] = []) {
        self.format = format
        self.title = title
        self.siteURL = siteURL
        self.selfURL = selfURL
        self.author = author
        self.items = items
    }
}

/// A body of text in a feed: HTML markup or plain text.
public enum FeedContent: Hashable, Sendable {
    /// HTML markup (RSS `description`/`content:encoded`, Atom type `html`/`xhtml`, JSON `content_html`).
    case html(String)
    /// Plain text (Atom type `text`, JSON `content_text`).
    case text(String)

    /// The raw text or markup.
    public var value: String {
        switch self {
        case .html(let text), .text(let text): return text
        }
    }
}

/// One entry of a feed. Text fields are single clean lines (control and bidi characters
/// removed, entities decoded); ``content`` and ``summary`` are raw until ``article(feedURL:feedTitle:)``.
public struct FeedItem: Hashable, Sendable {
    /// The item's own identifier (RSS `guid`, Atom `id`, RDF `rdf:about`, JSON `id`).
    public var guid: String?
    /// The item's web page.
    public var link: String?
    /// The headline.
    public var title: String?
    /// The author's name (inherited from the feed when the item names none).
    public var author: String?
    /// Publication date (else the update date), to the whole second.
    public var date: Date?
    /// The full body, when the feed carries one.
    public var content: FeedContent?
    /// The short description or summary.
    public var summary: FeedContent?

    /// Creates an item.
    public init(guid: String? = nil, link: String? = nil, title: String? = nil, author: String? = nil,
                date: Date? = nil, content: FeedContent? = nil, summary: FeedContent? = nil) {
        self.guid = guid
        self.link = link
        self.title = title
        self.author = author
        self.date = date
        self.content = content
        self.summary = summary
    }

    /// Items with fewer words than this are teasers (see ``isTeaser``).
    public static let teaserWordLimit = 60

    /// The body the article is made from: the content, else the summary.
    public var body: FeedContent? { content ?? summary }

    /// Words in ``body`` (markup not counted).
    public var wordCount: Int { body.map(FeedText.wordCount) ?? 0 }

    /// Whether the item carries only a teaser (under ``teaserWordLimit`` words), so that the
    /// full page is worth fetching from ``link``.
    public var isTeaser: Bool { wordCount < FeedItem.teaserWordLimit }

    /// The identity key of the item: guid, else link, else title and date.
    public var identityKey: String {
        ArticleID.feedItemKey(guid: guid, link: link, title: title, date: date)
    }
}
