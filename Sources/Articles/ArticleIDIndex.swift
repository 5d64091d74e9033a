/// Positions by article id without a `Hasher` per id: ids of 16 lowercase hex digits (every
/// id the parser and the index cache make) are kept by their 64-bit value in an
/// open-addressing table, any other id in a dictionary.
///
/// At 100,000 entries, hashing each id's string through a `Dictionary` cost more than
/// sorting the entries; the value of a hex id is already a hash (FNV-1a of the content).
struct ArticleIDIndex: Sendable {
    /// Each slot's id value, meaningful where ``slots`` is not 0.
    private var values: [UInt64]
    /// Each slot's position plus one; 0 for an empty slot.
    private var slots: [Int]
    private let mask: Int
    /// Ids that are not 16 lowercase hex digits.
    private var others: [ArticleID: Int] = [:]

    /// An empty index for about `capacity` ids (the table stays at most half full).
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        values = [UInt64](repeating: 0, count: size)
        slots = [Int](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func start(_ value: UInt64) -> Int {
        Int(truncatingIfNeeded: ((value ^ (value >> 29)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The slot holding `value`, or the empty slot where it would go (the table always
    /// has one).
    @inline(__always)
    private func slot(for value: UInt64) -> Int {
        var slot = start(value)
        while slots[slot] != 0 && values[slot] != value { slot = (slot + 1) & mask }
        return slot
    }

    /// The position of `id`, if it was inserted.
    func position(of id: ArticleID) -> Int? {
        guard let value = id.hexValue else { return others[id] }
        let slot = slot(for: value)
        return slots[slot] != 0 ? slots[slot] - 1 : nil
    }

    /// Adds `id` at `position`, unless it is there already: then nothing changes and the
    /// position it has is returned.
    mutating func insert(_ id: ArticleID, at position: Int) -> Int? {
        guard let value = id.hexValue else {
            if let first = others[id] { return first }
            others[id] = position
            return nil
        }
        let slot = slot(for: value)
        if slots[slot] != 0 { return slots[slot] - 1 }
        values[slot] = value
        slots[slot] = position + 1
        return nil
    }

    /// Every id's position `p` becomes `map[p]`.
    mutating func remap(_ map: [Int]) {
        for slot in slots.indices where slots[slot] != 0 { slots[slot] = map[slots[slot] - 1] + 1 }
        for (id, p) in others { others[id] = map[p] }
    }
}
