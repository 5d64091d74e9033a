import Foundation

/// The in-memory read state: the snapshot as two sorted arrays (ids and records) plus a
/// small dictionary of everything changed since (journal lines, this session's changes, other
/// instances' changes).
///
/// Loading a million entries is then a sequential fill of two arrays, with no hashing, and a
/// lookup checks the dictionary and then finds the id by interpolation search: ids are
/// content hashes, spread evenly over 64 bits, so two or three probes find it; after a few
/// probes without progress (ids made to cluster) it continues as a binary search, so a
/// lookup is never worse than O(log n).
struct ReadTable {
    private(set) var keys: [UInt64] = []
    private(set) var records: [ReadRecord] = []
    /// Changes over the snapshot; they win over it (they were merged by the merge rule).
    private(set) var overlay: [UInt64: ReadRecord] = [:]

    init() {}

    /// Builds the snapshot part from records in any order (a sorted, unique input, as
    /// Bulletin writes it, is taken as is); a repeated id keeps the record that wins the merge.
    init(sortedKeys keys: [UInt64], records: [ReadRecord]) {
        var isSorted = true
        for i in keys.indices.dropFirst() where keys[i - 1] >= keys[i] { isSorted = false; break }
        if isSorted {
            self.keys = keys
            self.records = records
            return
        }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        for i in order {
            if let last = self.keys.last, last == keys[i] {
                if records[i].wins(over: self.records[self.records.count - 1]) { self.records[self.records.count - 1] = records[i] }
            } else {
                self.keys.append(keys[i])
                self.records.append(records[i])
            }
        }
    }

    var isEmpty: Bool { keys.isEmpty && overlay.isEmpty }

    subscript(key: UInt64) -> ReadRecord? {
        get {
            if let record = overlay[key] { return record }
            guard let index = index(of: key) else { return nil }
            return records[index]
        }
        set {
            if let newValue {
                overlay[key] = newValue
            } else {
                overlay.removeValue(forKey: key)
            }
        }
    }

    /// Merges `changes` by the merge rule.
    mutating func apply(_ changes: [UInt64: ReadRecord]) {
        for (key, record) in changes {
            if let current = self[key], !record.wins(over: current) { continue }
            overlay[key] = record
        }
    }

    /// Reserves room for `count` changes.
    mutating func reserveOverlay(_ count: Int) { overlay.reserveCapacity(count) }

    /// Calls `body` with every article's current record once.
    func forEach(_ body: (UInt64, ReadRecord) -> Void) {
        for (i, key) in keys.enumerated() where overlay[key] == nil { body(key, records[i]) }
        for (key, record) in overlay { body(key, record) }
    }

    /// The index of `key` in ``keys``.
    private func index(of key: UInt64) -> Int? {
        var low = 0
        var high = keys.count - 1
        guard high >= 0 else { return nil }
        var probes = 0
        return keys.withUnsafeBufferPointer { keys -> Int? in
            while low <= high {
                let lowKey = keys[low], highKey = keys[high]
                if key < lowKey || key > highKey { return nil }
                let middle: Int
                if probes < 4 && highKey > lowKey {
                    // Interpolate: where the key would be if ids were spread evenly.
                    let span = Double(highKey - lowKey)
                    let guess = Double(key - lowKey) / span * Double(high - low)
                    middle = low + min(high - low, max(0, Int(guess)))
                } else {
                    middle = low + (high - low) / 2
                }
                probes += 1
                let found = keys[middle]
                if found == key { return middle }
                if found < key { low = middle + 1 } else { high = middle - 1 }
            }
            return nil
        }
    }
}
