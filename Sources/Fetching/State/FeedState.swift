import Foundation

/// What Bulletin remembers about one feed between refreshes: the validators for a
/// conditional GET, how the last refresh went, and which items it already stored.
public struct FeedState: Codable, Hashable, Sendable {
    /// The `ETag` the server sent, repeated as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` the server sent, repeated as `If-Modified-Since`.
    public var lastModified: String?
    /// When the last refresh finished.
    public var lastRefresh: Date?
    /// How the last refresh went.
    public var lastStatus: FeedStatus?
    /// The server asked (429/503 `Retry-After`) not to be fetched before this time.
    public var retryAfter: Date?
    /// The feed's own title, from the last successful parse.
    public var title: String?
    /// Fingerprint of the last body parsed: the same body again counts as not modified.
    public var bodyHash: String?
    /// Items stored so far, by guid (pruned ones included, see ``KnownItem/pruned``).
    public var items: [String: KnownItem]

    /// A state with nothing known.
    public init() { items = [:] }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        etag = try c.decodeIfPresent(String.self, forKey: .etag)
        lastModified = try c.decodeIfPresent(String.self, forKey: .lastModified)
        lastRefresh = try c.decodeIfPresent(Date.self, forKey: .lastRefresh)
        lastStatus = try c.decodeIfPresent(FeedStatus.self, forKey: .lastStatus)
        retryAfter = try c.decodeIfPresent(Date.self, forKey: .retryAfter)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        bodyHash = try c.decodeIfPresent(String.self, forKey: .bodyHash)
        items = try c.decodeIfPresent([String: KnownItem].self, forKey: .items) ?? [:]
    }
}

/// One stored item: where its article file is and a fingerprint of what was written, so
/// that an unchanged item is not written again and a changed one replaces its file.
public struct KnownItem: Codable, Hashable, Sendable {
    /// The article id (from the feed URL and the guid).
    public var id: String
    /// The article file, relative to the articles folder.
    public var file: String
    /// FNV-1a of the item's content as the feed gave it.
    public var fingerprint: String
    /// The item still holds only the feed's teaser: its page is to be fetched.
    public var teaser: Bool?
    /// How many times the page of this item (as the feed gives it now) failed; at
    /// ``FullArticlePolicy/pageTries`` it stops being tried and keeps its teaser.
    public var pageFailures: Int?
    /// The article was pruned (its file removed, see ``FeedPruner``): the item is not stored
    /// again while the feed lists it.
    public var pruned: Bool?

    /// Creates a record.
    public init(id: String, file: String, fingerprint: String, teaser: Bool = false, pageFailures: Int = 0) {
        self.id = id
        self.file = file
        self.fingerprint = fingerprint
        self.teaser = teaser ? true : nil
        self.pageFailures = pageFailures > 0 ? pageFailures : nil
    }

    /// Records that the item's page failed once more: the item stops waiting for it once it
    /// has failed ``FullArticlePolicy/pageTries`` times.
    public mutating func pageFailed() {
        let failures = (pageFailures ?? 0) + 1
        pageFailures = failures
        if failures >= FullArticlePolicy.pageTries { teaser = nil }
    }
}

/// How a feed's last refresh went, in words for `bulletin feeds`.
public enum FeedStatus: Codable, Hashable, Sendable, CustomStringConvertible {
    /// Fetched and parsed.
    case ok
    /// The server answered 304, or the body was unchanged.
    case notModified
    /// Skipped: the server asked to wait until the time given.
    case waiting(until: Date)
    /// Failed, with the reason.
    case failed(String)

    /// Whether the refresh counts as a success for the exit status.
    public var isSuccess: Bool {
        switch self {
        case .ok, .notModified: return true
        case .waiting, .failed: return false
        }
    }

    public var description: String {
        switch self {
        case .ok: return "ok"
        case .notModified: return "not modified"
        case .waiting(let until): return "server asked to wait until \(FeedStatus.timeFormat(until))"
        case .failed(let reason): return reason
        }
    }

    static func timeFormat(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    private enum CodingKeys: String, CodingKey { case status, until, reason }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .status) {
        case "ok": self = .ok
        case "not modified": self = .notModified
        case "waiting": self = .waiting(until: try c.decode(Date.self, forKey: .until))
        default: self = .failed(try c.decodeIfPresent(String.self, forKey: .reason) ?? "error")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .ok: try c.encode("ok", forKey: .status)
        case .notModified: try c.encode("not modified", forKey: .status)
        case .waiting(let until):
            try c.encode("waiting", forKey: .status)
            try c.encode(until, forKey: .until)
        case .failed(let reason):
            try c.encode("error", forKey: .status)
            try c.encode(reason, forKey: .reason)
        }
    }
}
