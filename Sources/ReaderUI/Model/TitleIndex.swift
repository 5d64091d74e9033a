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

    /// Runs `body` with a matcher (one buffer access for a whole pass).
    func withMatcher<R>(_ needle: [UInt8], _ body: ((Int) -> Bool) -> R) -> R {
        bytes.withUnsafeBufferPointer { buffer in
            body { ByteSearch.contains(buffer, self.offsets[$0]..<self.offsets[$0 + 1], needle) }
        }
    }
}
