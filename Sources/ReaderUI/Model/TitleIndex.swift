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
        guard !needle.isEmpty else { return mask }
        bytes.withUnsafeBufferPointer { buffer in
            needle.withUnsafeBufferPointer { n in
                guard let base = buffer.baseAddress, let needleBase = n.baseAddress else { return }
                let end = buffer.count
                var position = 0
                var item = 0
                let first = Int32(n[0])
                let count = n.count
                while position + count <= end, item < itemCount,
                    let found = memchr(base + position, first, end - position)
                {
                    let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    guard at + count <= end else { break }
                    guard memcmp(base + at, needleBase, count) == 0 else {
                        position = at + 1
                        continue
                    }
                    while offsets[item + 1] <= at { item += 1 }
                    mask[item] = true
                    position = offsets[item + 1]
                    item += 1
                }
            }
        }
        return mask
    }

    /// Runs `body` with a matcher (one buffer access for a whole pass).
    func withMatcher<R>(_ needle: [UInt8], _ body: ((Int) -> Bool) -> R) -> R {
        bytes.withUnsafeBufferPointer { buffer in
            body { ByteSearch.contains(buffer, self.offsets[$0]..<self.offsets[$0 + 1], needle) }
        }
    }
}
