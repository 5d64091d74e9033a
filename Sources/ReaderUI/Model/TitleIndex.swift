import Foundation

/// Lowercased "title author source" text of every catalog item in one contiguous buffer,
/// built once (on the first search) so that each search keystroke is one pass over it.
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
        // Zero bytes after the last item, so a scan may load 16 bytes past any item's end.
        bytes.append(contentsOf: repeatElement(0, count: 32))
        self.bytes = bytes
        self.offsets = offsets
    }

    /// Whether item `index` matches the folded `needle`.
    func matches(_ index: Int, _ needle: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { ByteSearch.contains($0, offsets[index]..<offsets[index + 1], needle) }
    }

    /// Which items match the folded `needle`, found over the whole buffer in one
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

    /// Marks in `out` the items of `items` whose text contains `needle`: 16 positions at a
    /// time, those where the needle's first and last bytes are (``PairProbe``), then the
    /// bytes between compared, then a jump to the next item.
    private static func scan(
        _ buffer: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<Int>, items: Range<Int>,
        needle n: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<Bool>
    ) {
        guard let base = buffer.baseAddress, let needleBase = n.baseAddress, !items.isEmpty else { return }
        let end = starts[items.upperBound]
        let count = n.count
        let lastStart = end - count  // the last place a match can start
        let probe = PairProbe(n)
        let raw = UnsafeRawPointer(base)
        var item = items.lowerBound
        var i = starts[item]
        scanning: while i <= lastStart {
            // Loads reach at most 15 + count - 1 bytes past `lastStart`: the padding.
            var bits = probe.mask(raw, at: i)
            while bits != 0 {
                let start = i + bits.trailingZeroBitCount
                bits &= bits - 1
                if start > lastStart { break scanning }
                guard count <= 2 || equal(base + start + 1, needleBase + 1, count - 2) else { continue }
                // A match never spans two items: they are separated by a 0 byte, which no
                // needle contains.
                while starts[item + 1] <= start { item += 1 }
                out[item] = true
                item += 1
                if item == items.upperBound { break scanning }
                i = starts[item]
                continue scanning
            }
            i += 16
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

    /// Runs `body` with a matcher (one buffer access for a whole pass).
    func withMatcher<R>(_ needle: [UInt8], _ body: ((Int) -> Bool) -> R) -> R {
        bytes.withUnsafeBufferPointer { buffer in
            body { ByteSearch.contains(buffer, self.offsets[$0]..<self.offsets[$0 + 1], needle) }
        }
    }
}
