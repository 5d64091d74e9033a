/// A feed a page links to with `<link rel="alternate" type="application/rss+xml">` (or Atom, JSON Feed).
public struct HTMLFeedLink: Hashable, Sendable {
    /// The feed's absolute address.
    public var url: String
    /// The declared media type, lowercased (`application/rss+xml`, `application/atom+xml`,
    /// `application/feed+json`, `application/json`).
    public var type: String
    /// The link's title, if it has one.
    public var title: String?

    /// Creates a feed link.
    public init(url: String, type: String, title: String? = nil) {
        self.url = url
        self.type = type
        self.title = title
    }
}
