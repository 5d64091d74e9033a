import Articles

/// One article's favorite state as stored in `saved.json`: saved (when, with a full copy
/// of the article) or unsaved. Unsaving keeps a record with its time (a tombstone, without
/// the copy) so that a merge with an older copy does not bring the favorite back.
public struct SavedRecord: MergeableRecord {
    /// Saved (`true`) or explicitly unsaved (`false`).
    public var isSaved: Bool
    /// When this state was set: the merge clock.
    public var changedAt: StateTime
    /// When the article was saved; `nil` when unsaved.
    public var savedAt: StateTime?
    /// The full article copy; `nil` when unsaved.
    public var article: Article?

    /// A saved record.
    public static func saved(_ article: Article, at time: StateTime, savedAt: StateTime? = nil) -> SavedRecord {
        SavedRecord(isSaved: true, changedAt: time, savedAt: savedAt ?? time, article: article)
    }

    /// An unsaved tombstone.
    public static func unsaved(at time: StateTime) -> SavedRecord {
        SavedRecord(isSaved: false, changedAt: time, savedAt: nil, article: nil)
    }

    /// The favorite this record describes, if saved.
    public var savedArticle: SavedArticle? {
        guard isSaved, let article else { return nil }
        return SavedArticle(article: article, savedAt: (savedAt ?? changedAt).date)
    }

    public func wins(over other: SavedRecord) -> Bool {
        if changedAt != other.changedAt { return changedAt > other.changedAt }
        if isSaved != other.isSaved { return !isSaved }
        if savedAt != other.savedAt { return (savedAt?.rawValue ?? .min) > (other.savedAt?.rawValue ?? .min) }
        if article != other.article {
            guard let article else { return false }
            guard let otherArticle = other.article else { return true }
            return Self.tieKey(article) > Self.tieKey(otherArticle)
        }
        return false
    }

    /// A total order on differing copies of one article (only used for exact time ties).
    private static func tieKey(_ article: Article) -> String {
        String(reflecting: article)
    }
}
