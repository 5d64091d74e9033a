import Foundation

/// One feed the user subscribes to, as written in `feeds.toml`.
public struct Subscription: Hashable, Sendable, Codable {
    /// The name shown in the list and used by `remove` and `refresh NAME`.
    public var name: String
    /// The feed's address: http(s), or a local file the user typed.
    public var url: String
    /// Tags (OPML folders become tags).
    public var tags: [String]
    /// Whether teaser items are completed by fetching their page.
    public var fullArticle: FullArticleMode

    /// Creates a subscription.
    public init(name: String, url: String, tags: [String] = [], fullArticle: FullArticleMode = .auto) {
        self.name = name
        self.url = url
        self.tags = tags
        self.fullArticle = fullArticle
    }

    enum CodingKeys: String, CodingKey {
        case name, url, tags
        case fullArticle = "full-article"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        url = try c.decode(String.self, forKey: .url)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? url
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        fullArticle = try c.decodeIfPresent(FullArticleMode.self, forKey: .fullArticle) ?? .auto
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(url, forKey: .url)
        if !tags.isEmpty { try c.encode(tags, forKey: .tags) }
        if fullArticle != .auto { try c.encode(fullArticle, forKey: .fullArticle) }
    }

    /// Whether `text` names this subscription: its url (compared without a trailing slash)
    /// or its name (case-insensitive).
    public func matches(_ text: String) -> Bool {
        if FeedAddress.sameFeed(url, text) { return true }
        return name.caseInsensitiveCompare(text) == .orderedSame
    }
}

/// When a teaser item is completed from its web page.
public enum FullArticleMode: String, Hashable, Sendable, Codable, CaseIterable {
    /// Fetch the page when the item has under ``FullArticlePolicy/teaserWords`` words.
    case auto
    /// Always fetch the item's page.
    case always
    /// Never fetch pages; keep what the feed gives.
    case never
}
