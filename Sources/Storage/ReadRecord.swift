import Articles

/// One article's read state as stored in `read.json`: read (when, and where the reader
/// stopped) or unread. Marking unread keeps a record with its time (a tombstone) so that a
/// merge with an older copy does not bring the read mark back.
public struct ReadRecord: MergeableRecord {
    /// Read (`true`) or explicitly marked unread (`false`).
    public var isRead: Bool
    /// When this state was set: the merge clock.
    public var changedAt: StateTime
    /// When the article was first marked read (kept while only the position changes);
    /// `nil` when unread.
    public var readAt: StateTime?
    /// Where the reader stopped; `nil` when unknown or unread.
    public var position: ReadingPosition?

    /// A read record.
    public static func read(at time: StateTime, readAt: StateTime? = nil, position: ReadingPosition? = nil) -> ReadRecord {
        ReadRecord(isRead: true, changedAt: time, readAt: readAt ?? time, position: position)
    }

    /// An unread tombstone.
    public static func unread(at time: StateTime) -> ReadRecord {
        ReadRecord(isRead: false, changedAt: time, readAt: nil, position: nil)
    }

    public func wins(over other: ReadRecord) -> Bool {
        if changedAt != other.changedAt { return changedAt > other.changedAt }
        if isRead != other.isRead { return !isRead }
        if readAt != other.readAt { return (readAt?.rawValue ?? .min) > (other.readAt?.rawValue ?? .min) }
        if position != other.position {
            guard let position else { return false }
            guard let otherPosition = other.position else { return true }
            return position > otherPosition
        }
        return false
    }
}
