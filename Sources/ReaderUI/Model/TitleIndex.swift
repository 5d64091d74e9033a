import Foundation

/// Lowercased "title author source" text of every catalog item in one contiguous buffer,
/// built once (on the first search) so that each search keystroke is one `memmem` pass.
final class TitleIndex: @unchecked Sendable {
    private let bytes: [UInt8]
    private let offsets: [Int]

    init(items: [CatalogItem]) {
        var bytes: [UInt8] = []
        var offsets: [Int] = [0]
        offsets.reserveCapacity(items.count + 1)
        for item in items {
            bytes += ByteSearch.folded(item.title)
            for extra in [item.author, item.source] {
                if let extra { bytes.append(0x0A); bytes += ByteSearch.folded(extra) }
            }
            bytes.append(0)
            offsets.append(bytes.count)
        }
        self.bytes = bytes
        self.offsets = offsets
    }

    /// Whether item `index` matches the folded `needle`.
    func matches(_ index: Int, _ needle: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { ByteSearch.contains($0, offsets[index]..<offsets[index + 1], needle) }
    }

    /// Which items match the folded `needle`, found with `memchr`/`memcmp` over the whole buffer in one
    /// pass (items are separated by a 0 byte, which no needle contains, so a match never
    /// spans two items). Much faster than one search per item on large lists.
    func matchMask(_ needle: [UInt8]) -> [Bool] {
        let itemCount = offsets.count - 1
        var mask = [Bool](repeating: needle.isEmpty, count: itemCount)
        guard !needle.isEmpty, itemCount > 0 else { return mask }
        // Large lists are split into parts searched on every core (items never straddle parts).
        let parts = itemCount >= 20_000 ? TitleIndex.cores * 2 : 1
        mask.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            bytes.withUnsafeBufferPointer { buffer in
                offsets.withUnsafeBufferPointer { starts in
                    needle.withUnsafeBufferPointer { n in
                        nonisolated(unsafe) let (buffer, starts, n) = (buffer, starts, n)
                        DispatchQueue.concurrentPerform(iterations: parts) { part in
                            let first = itemCount * part / parts
                            let last = itemCount * (part + 1) / parts
                            TitleIndex.scan(buffer, starts, items: first..<last, needle: n, into: out)
                        }
                    }
                }
            }
        }
        return mask
    }

    /// Cores to search on, asked once (Foundation reads the cgroup's CPU quota files on
    /// every call, which cost more than a short search).
    private static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Marks in `out` the items of `items` whose text contains `needle`: `memchr` to the
    /// needle's rarest byte (by English letter frequency, so few false starts), `memcmp` for
    /// the whole needle, then a jump to the next item.
    private static func scan(
        _ buffer: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<Int>, items: Range<Int>,
        needle n: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<Bool>
    ) {
        guard let base = buffer.baseAddress, let needleBase = n.baseAddress, !items.isEmpty else { return }
        let end = starts[items.upperBound]
        let count = n.count
        let k = rarestByteIndex(n)
        let probe = Int32(n[k])
        var position = starts[items.lowerBound]  // where the next match may start
        var item = items.lowerBound
        while position + count <= end, item < items.upperBound,
            let found = memchr(base + position + k, probe, end - position - k)
        {
            let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) - k
            guard start + count <= end else { break }
            guard equal(base + start, needleBase, count) else {
                position = start + 1
                continue
            }
            while starts[item + 1] <= start { item += 1 }
            out[item] = true
            position = starts[item + 1]
            item += 1
        }
    }

    /// Whether `count` bytes at `a` and `b` are equal: an inline loop, cheaper than a
    /// `memcmp` call for the few bytes of a typed query at each of many probe hits.
    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var i = 0
        while i < count {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// Index of the needle byte least likely to occur in text.
    private static func rarestByteIndex(_ n: UnsafeBufferPointer<UInt8>) -> Int {
        var best = 0
        var bestRank = -1
        for (i, byte) in n.enumerated() {
            let rank = rarity(byte)
            if rank > bestRank { (best, bestRank) = (i, rank) }
        }
        return best
    }

    /// Higher is rarer: lowercase letters by English frequency; space is the most common.
    private static func rarity(_ byte: UInt8) -> Int {
        if byte == 0x20 { return 0 }
        if byte >= 0x61, byte <= 0x7A { return letterRarity[Int(byte - 0x61)] }
        return 20  // digits, punctuation, non-ASCII bytes: rarer than common letters
    }

    /// a…z: rank in "etaoinshrdlcumwfgypbvkjxqz" + 1 (e = 1 … z = 26).
    private static let letterRarity: [Int] = {
        var ranks = [Int](repeating: 20, count: 26)
        for (rank, letter) in "etaoinshrdlcumwfgypbvkjxqz".utf8.enumerated() { ranks[Int(letter - 0x61)] = rank + 1 }
        return ranks
    }()

    /// Runs `body` with a matcher (one buffer access for a whole pass).
    func withMatcher<R>(_ needle: [UInt8], _ body: ((Int) -> Bool) -> R) -> R {
        bytes.withUnsafeBufferPointer { buffer in
            body { ByteSearch.contains(buffer, self.offsets[$0]..<self.offsets[$0 + 1], needle) }
        }
    }
}
