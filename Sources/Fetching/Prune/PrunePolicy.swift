import Foundation

/// How long feed articles are kept: the `[feeds]` settings `keep-days` and `keep-per-feed`.
///
/// A feed article's file is removed when it is **read**, **not saved**, and either older than
/// ``keepDays`` days (by the item's date, else the day its file was written) or not among the
/// newest ``keepPerFeed`` articles of its feed. An unread or saved article is never removed;
/// neither is a page stored by `bulletin fetch`. A zero turns its limit off.
public struct PrunePolicy: Sendable, Hashable {
    /// Days a read article is kept (0: no age limit).
    public var keepDays: Int
    /// Articles kept per feed, newest first (0: no count limit).
    public var keepPerFeed: Int

    /// Creates a policy.
    public init(keepDays: Int = PrunePolicy.standard.keepDays, keepPerFeed: Int = PrunePolicy.standard.keepPerFeed) {
        self.keepDays = keepDays
        self.keepPerFeed = keepPerFeed
    }

    /// The defaults: read articles older than 90 days go, with no count limit.
    public static let standard = PrunePolicy(keepDays: 90, keepPerFeed: 0)

    /// Never remove anything.
    public static let off = PrunePolicy(keepDays: 0, keepPerFeed: 0)

    /// Whether neither limit is set.
    public var isOff: Bool { keepDays <= 0 && keepPerFeed <= 0 }
}

/// What the reading state says about articles, for pruning: only an article that is read
/// and not saved may be removed.
public struct ReadingStateLookup: Sendable {
    /// Whether the article with this id (its raw value) may be removed.
    public let mayRemove: @Sendable (String) -> Bool

    /// A lookup from a predicate on raw article ids.
    public init(mayRemove: @escaping @Sendable (String) -> Bool) { self.mayRemove = mayRemove }
}
