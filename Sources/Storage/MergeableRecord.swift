import Articles

/// A per-article record in a state file: the latest change wins a merge.
public protocol MergeableRecord: Hashable, Sendable {
    /// When the change was made (the merge clock).
    var changedAt: StateTime { get }
    /// Whether this record should replace `other` for the same article: the later
    /// ``changedAt`` wins; equal times are broken deterministically so that merging is
    /// commutative (the removal wins, then the larger remaining fields).
    func wins(over other: Self) -> Bool
}

/// The merge rules shared by read state and favorites.
public enum StateMerge {
    /// The record that survives when two copies of the state disagree about one article.
    public static func winner<R: MergeableRecord>(_ a: R, _ b: R) -> R {
        b.wins(over: a) ? b : a
    }

    /// Union of two tables, keeping the winning record for every article in both.
    /// Commutative, associative and idempotent.
    public static func merge<K: Hashable, R: MergeableRecord>(_ a: [K: R], _ b: [K: R]) -> [K: R] {
        var result = a
        apply(b, to: &result)
        return result
    }

    /// Merges `changes` into `table` in place and returns the articles whose record changed.
    @discardableResult
    public static func apply<K: Hashable, R: MergeableRecord>(_ changes: [K: R], to table: inout [K: R]) -> [K] {
        var changed: [K] = []
        for (id, record) in changes {
            if let current = table[id], !record.wins(over: current) { continue }
            if table[id] == record { continue }
            table[id] = record
            changed.append(id)
        }
        return changed
    }
}
