/// A set of catalog item numbers as one bit per item, for intersecting lists of items in
/// one step per item and one per 64 items.
struct ItemBits {
    private var words: [UInt64]

    /// An empty set of items below `count`.
    init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    /// Adds every item of `items` (each below the count).
    mutating func insert<C: Collection>(_ items: C) where C.Element: BinaryInteger {
        words.withUnsafeMutableBufferPointer { w in
            for item in items {
                let i = Int(item)
                w[i >> 6] |= 1 << UInt64(i & 63)
            }
        }
    }

    /// Whether `item` is in the set.
    @inline(__always)
    func contains(_ item: Int) -> Bool { words[item >> 6] & (1 << UInt64(item & 63)) != 0 }

    /// Keeps only the items also in `other` (of the same count).
    mutating func formIntersection(_ other: ItemBits) {
        words.withUnsafeMutableBufferPointer { w in
            other.words.withUnsafeBufferPointer { o in
                for i in 0..<w.count { w[i] &= o[i] }
            }
        }
    }

    /// The items in the set, ascending.
    func items() -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(words.reduce(0) { $0 + $1.nonzeroBitCount })
        words.withUnsafeBufferPointer { w in
            for (index, word) in w.enumerated() {
                var bits = word
                while bits != 0 {
                    result.append(index << 6 | bits.trailingZeroBitCount)
                    bits &= bits - 1
                }
            }
        }
        return result
    }
}
