import Foundation

/// Lowercased "title author source" text of every catalog item, with the list of items
/// that contain each byte, each pair and each triple of adjacent bytes, so that a search
/// keystroke costs in proportion to the items that can match rather than to the catalog.
///
/// An item matches a folded needle when the needle's bytes occur in its text
/// (``matches(_:_:)``, the reference rule). A one- or two-byte needle's items are exactly
/// its byte's or pair's list, a three-byte needle's its triple's list unless another
/// triple shares that list; otherwise the items in the lists of the needle's two rarest
/// triples are compared with the needle, and the results with the position of each first
/// match are kept for the next keystroke: a longer needle is compared there first, one
/// place per item. Built once (on the first search, or by the app's indexing thread);
/// about 4 bytes per distinct byte, pair and triple of each item (60 MB for 100,000 items).
final class TitleIndex: @unchecked Sendable {
    /// Every item's folded text, each followed by a 0 byte (which no needle contains),
    /// then ``padding`` zero bytes.
    private let bytes: [UInt8]
    /// Where each item's text starts in `bytes` (one more entry: the end).
    private let offsets: [Int]
    /// Where each list starts in `postings` (one more entry: the end). Lists are numbered
    /// by ``byteKey(_:)``, ``pairKey(_:_:)`` and ``tripleKey(_:)``.
    private let starts: [Int]
    /// Item numbers, ascending within each list.
    private let postings: [UInt32]
    /// For each triple list, the one triple it holds, or ``sharedTriple`` when two or more
    /// triples hash to it.
    private let tripleOwners: [UInt32]
    private let lock = NSLock()
    /// Results of recent needles of three or more bytes, each a prefix of the next.
    private var recent: [Found] = []
    /// The needle and result of the last ``matchingItems(_:within:)`` when that result was
    /// every match of the needle.
    private var lastReturned: (needle: [UInt8], items: [Int])?

    /// Number of items.
    var count: Int { offsets.count - 1 }

    /// The matches of one needle: items ascending and, when known, where each item's first
    /// match starts in `bytes`.
    private struct Found {
        var needle: [UInt8]
        var items: [Int]
        var positions: [Int]?
    }

    /// For each item of a triple list, where in the item's text the triple first occurs
    /// (255: there or further), indexed from the first triple list.
    private let tripleOffsets: [UInt8]

    /// Triple lists: 2^tripleBits.
    private let tripleBits: Int
    private static let tripleBase = 256 + 65_536
    private static let sharedTriple = UInt32.max - 1
    /// Zero bytes after the last item: the batched probe loads up to 64 + needle length
    /// bytes past an item's start, and the plain probe 15 past its end.
    private static let padding = 192

    private static func byteKey(_ b: UInt8) -> Int { Int(b) }
    private static func pairKey(_ a: UInt8, _ b: UInt8) -> Int { 256 + (Int(a) << 8 | Int(b)) }
    private static func triple(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt32 { UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c) }
    /// The list of triple `t`: a multiplicative hash of it to `bits` bits.
    private static func tripleKey(_ t: UInt32, bits: Int) -> Int { tripleBase + Int((t &* 2_654_435_761) >> UInt32(32 - bits)) }
    private func tripleKey(_ t: UInt32) -> Int { TitleIndex.tripleKey(t, bits: tripleBits) }

    /// Indexes `items` with 2^`tripleBits` triple lists (fewer make triples share lists more
    /// often, which the tests use).
    init(items: [CatalogItem], tripleBits: Int = 18) {
        self.tripleBits = tripleBits
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
        self.offsets = offsets
        (starts, postings, tripleOwners, tripleOffsets) = TitleIndex.buildPostings(bytes, offsets, tripleBits: tripleBits)
        bytes.append(contentsOf: repeatElement(0, count: TitleIndex.padding))
        self.bytes = bytes
    }

    /// The lists of every item's text, in two passes: count each list's items, then place
    /// them (a key is counted once per item: `seen` holds the last item that counted it).
    private static func buildPostings(_ bytes: [UInt8], _ offsets: [Int], tripleBits: Int) -> ([Int], [UInt32], [UInt32], [UInt8]) {
        let keys = tripleBase + 1 << tripleBits
        var starts = [Int](repeating: 0, count: keys + 1)
        var seen = [UInt32](repeating: UInt32.max, count: keys)
        var owners = [UInt32](repeating: UInt32.max, count: 1 << tripleBits)
        var postings: [UInt32] = []
        var firstOffsets: [UInt8] = []
        let itemCount = offsets.count - 1
        bytes.withUnsafeBufferPointer { text in
            seen.withUnsafeMutableBufferPointer { seen in
                // Calls `body` with each distinct key of item `item` once.
                func forEachKey(_ item: Int, _ body: (Int, Int) -> Void) {
                    let tag = UInt32(item)
                    let start = offsets[item], end = offsets[item + 1] - 1  // without the 0 byte
                    var i = start
                    while i < end {
                        let b = byteKey(text[i])
                        if seen[b] != tag { seen[b] = tag; body(b, i - start) }
                        if i + 1 < end {
                            let pair = pairKey(text[i], text[i + 1])
                            if seen[pair] != tag { seen[pair] = tag; body(pair, i - start) }
                        }
                        if i + 2 < end {
                            let key = tripleKey(triple(text[i], text[i + 1], text[i + 2]), bits: tripleBits)
                            if seen[key] != tag { seen[key] = tag; body(key, i - start) }
                        }
                        i += 1
                    }
                }
                owners.withUnsafeMutableBufferPointer { owners in
                    for item in 0..<itemCount {
                        // Which triples each triple list holds (every occurrence, so that two
                        // triples of one item in one list are seen).
                        var i = offsets[item]
                        let end = offsets[item + 1] - 1
                        while i + 2 < end {
                            let t = triple(text[i], text[i + 1], text[i + 2])
                            let slot = tripleKey(t, bits: tripleBits) - tripleBase
                            if owners[slot] == UInt32.max { owners[slot] = t } else if owners[slot] != t { owners[slot] = sharedTriple }
                            i += 1
                        }
                    }
                }
                starts.withUnsafeMutableBufferPointer { counts in
                    for item in 0..<itemCount { forEachKey(item) { key, _ in counts[key + 1] += 1 } }
                    for k in 0..<keys { counts[k + 1] += counts[k] }
                }
                for k in 0..<keys { seen[k] = UInt32.max }
                var next = Array(starts.dropLast())
                firstOffsets = [UInt8](repeating: 0, count: starts[keys] - starts[tripleBase])
                postings = [UInt32](unsafeUninitializedCapacity: starts[keys]) { out, initialized in
                    next.withUnsafeMutableBufferPointer { next in
                        for item in 0..<itemCount {
                            forEachKey(item) { key, offset in
                                if key >= tripleBase { firstOffsets[next[key] - starts[tripleBase]] = UInt8(min(offset, 255)) }
                                out[next[key]] = UInt32(item)
                                next[key] += 1
                            }
                        }
                    }
                    initialized = starts[keys]
                }
            }
        }
        return (starts, postings, owners, firstOffsets)
    }

    /// Whether item `index` matches the folded `needle`: the reference rule, a plain
    /// substring search of the item's text.
    func matches(_ index: Int, _ needle: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { ByteSearch.contains($0, offsets[index]..<offsets[index + 1], needle) }
    }

    /// The items that match the folded `needle`, ascending, among `within` (ascending item
    /// numbers) when given, else among all items.
    func matchingItems(_ needle: [UInt8], within: [Int]? = nil) -> [Int] {
        guard !needle.isEmpty else { return within ?? Array(0..<count) }
        guard !needle.contains(0) else {
            // Never from a typed query (sanitized); the lists leave out the separators.
            return (within ?? Array(0..<count)).filter { matches($0, needle) }
        }
        let items = allMatches(needle)
        let holdsAll = lock.withLock { () -> Bool in
            // `within` is the very array returned for a prefix of `needle` with every match of
            // that prefix (kept here, so its storage cannot have been reused): it holds every
            // match of `needle`.
            guard let within, let last = lastReturned, needle.starts(with: last.needle) else { return false }
            return TitleIndex.sameStorage(within, last.items)
        }
        guard let within, !holdsAll else {
            lock.withLock { lastReturned = (needle, items) }
            return items
        }
        var bits = ItemBits(count: count)
        bits.insert(within)
        lock.withLock { lastReturned = nil }
        return items.filter { bits.contains($0) }
    }

    /// Whether two arrays share their storage (one is a copy of the other).
    private static func sameStorage(_ a: [Int], _ b: [Int]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }

    /// Every item that matches `needle` (not empty, without a 0 byte), ascending.
    private func allMatches(_ needle: [UInt8]) -> [Int] {
        let n = needle.count
        if n == 1 { return list(TitleIndex.byteKey(needle[0])).map { Int($0) } }
        if n == 2 { return list(TitleIndex.pairKey(needle[0], needle[1])).map { Int($0) } }
        if n == 3 {
            let t = TitleIndex.triple(needle[0], needle[1], needle[2])
            let key = tripleKey(t)
            if tripleOwners[key - TitleIndex.tripleBase] == t { return remember(tripleMatches(key, needle)) }
        }
        let earlier: Found? = lock.withLock {
            recent.last { needle.starts(with: $0.needle) && ($0.needle.count == n || $0.positions != nil) }
        }
        if let earlier, earlier.needle.count == n { return earlier.items }
        // The two rarest triples: every match is in both lists.
        var keys: [Int] = []
        for i in 0..<(n - 2) {
            let key = tripleKey(TitleIndex.triple(needle[i], needle[i + 1], needle[i + 2]))
            if !keys.contains(key) { keys.append(key) }
        }
        keys.sort { size($0) < size($1) }
        var bits = ItemBits(count: count)
        bits.insert(list(keys[0]))
        if keys.count > 1 {
            var more = ItemBits(count: count)
            more.insert(list(keys[1]))
            bits.formIntersection(more)
        }
        if let earlier, let positions = earlier.positions {
            return remember(extended(earlier.items, positions, prefix: earlier.needle.count, needle, among: bits))
        }
        return remember(verified(bits.items(), needle))
    }

    /// The items of triple list `key` (which holds only the triple `needle`), with where
    /// each first match is (-1 where it is 255 bytes or more into the item).
    private func tripleMatches(_ key: Int, _ needle: [UInt8]) -> Found {
        let slice = starts[key]..<starts[key + 1]
        var items: [Int] = []
        var positions: [Int] = []
        items.reserveCapacity(slice.count)
        positions.reserveCapacity(slice.count)
        let firstOffset = starts[TitleIndex.tripleBase]
        for i in slice {
            let item = Int(postings[i])
            let offset = tripleOffsets[i - firstOffset]
            items.append(item)
            positions.append(offset == 255 ? -1 : offsets[item] + Int(offset))
        }
        return Found(needle: needle, items: items, positions: positions)
    }

    /// Keeps `found` for the next keystroke (with the earlier results whose needles are
    /// prefixes of its needle, at most eight), and returns its items.
    private func remember(_ found: Found) -> [Int] {
        lock.withLock {
            recent.removeAll { !found.needle.starts(with: $0.needle) || $0.needle == found.needle }
            recent.append(found)
            if recent.count > 8 { recent.removeFirst() }
        }
        return found.items
    }

    /// The matches of `needle` among the matches of its first `prefix` bytes (`items`, with
    /// their first matches at `positions`) that are also in `among`: the bytes after the
    /// prefix compared where the prefix matched, then, where they differ, the needle searched
    /// after that place.
    ///
    /// The bytes after each place are loaded first, in batches and without branches on the
    /// text, so the processor has many of these scattered loads in flight at once.
    private func extended(_ items: [Int], _ positions: [Int], prefix: Int, _ needle: [UInt8], among: ItemBits) -> Found {
        var found = Found(needle: needle, items: [], positions: nil)
        var foundPositions: [Int] = []
        let count = needle.count
        let tail = count - prefix
        // The needle's bytes after the prefix (at most 8), as a little-endian word and mask.
        var expected: UInt64 = 0
        for (i, byte) in needle[prefix...].prefix(8).enumerated() { expected |= UInt64(byte) << UInt64(8 * i) }
        let mask: UInt64 = tail >= 8 ? ~0 : (1 << UInt64(8 * tail)) - 1
        bytes.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { n in
                guard let base = text.baseAddress, let nBase = n.baseAddress else { return }
                let raw = UnsafeRawPointer(base)
                let probe = PairProbe(n)
                // Batches of the places to check: the items also in `among`, then the 8 bytes
                // after each place, then the comparisons.
                let batch = 256
                var words = [UInt64](repeating: 0, count: batch)
                var picked = [Int](repeating: 0, count: batch)
                words.withUnsafeMutableBufferPointer { words in
                    picked.withUnsafeMutableBufferPointer { picked in
                        positions.withUnsafeBufferPointer { positions in
                            var k = 0
                            while k < items.count {
                                var taken = 0
                                while k < items.count, taken < batch {
                                    picked[taken] = k
                                    taken += among.contains(items[k]) ? 1 : 0
                                    k += 1
                                }
                                for j in 0..<taken {
                                    // The prefix matched inside the item, so these 8 bytes end at
                                    // most 8 past its 0 byte: in the next item or the padding.
                                    let at = positions[picked[j]]
                                    words[j] = raw.loadUnaligned(fromByteOffset: at < 0 ? 0 : at + prefix, as: UInt64.self)
                                }
                                for j in 0..<taken {
                                    let item = items[picked[j]]
                                    let at = positions[picked[j]]
                                    if at < 0 {
                                        // Where the prefix matched is not known: search the whole item.
                                        if let match = TitleIndex.firstMatch(text, offsets[item]..<offsets[item + 1], n, probe) {
                                            found.items.append(item)
                                            foundPositions.append(match)
                                        }
                                    } else if words[j] & mask == expected, tail <= 8 || TitleIndex.equal(base + at + prefix + 8, nBase + prefix + 8, tail - 8) {
                                        found.items.append(item)
                                        foundPositions.append(at)
                                    } else if let later = TitleIndex.firstMatch(text, (at + 1)..<offsets[item + 1], n, probe) {
                                        found.items.append(item)
                                        foundPositions.append(later)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        found.positions = foundPositions
        return found
    }

    /// The items of `items` (ascending) whose text contains `needle` (at least three bytes),
    /// with where each first match starts.
    ///
    /// Items are taken in batches: first the probe of the first 64 bytes of each item of
    /// the batch, in a loop without branches on the text, so the processor loads many items
    /// at once instead of waiting for each (the items are scattered over the buffer); then
    /// the positions found are compared, and the rest of a longer item searched.
    private func verified(_ items: [Int], _ needle: [UInt8]) -> Found {
        var found = Found(needle: needle, items: [], positions: nil)
        var positions: [Int] = []
        let count = needle.count
        bytes.withUnsafeBufferPointer { text in
            offsets.withUnsafeBufferPointer { offsets in
                needle.withUnsafeBufferPointer { n in
                    guard let base = text.baseAddress, let nBase = n.baseAddress else { return }
                    let raw = UnsafeRawPointer(base)
                    let probe = PairProbe(n)
                    guard count <= TitleIndex.padding - 64 else {
                        for item in items {
                            if let at = TitleIndex.firstMatch(text, offsets[item]..<offsets[item + 1], n, probe) {
                                found.items.append(item)
                                positions.append(at)
                            }
                        }
                        return
                    }
                    let batch = 128
                    var heads = [UInt64](repeating: 0, count: batch)
                    var startList = [Int](repeating: 0, count: batch)
                    startList.withUnsafeMutableBufferPointer { starts in
                    heads.withUnsafeMutableBufferPointer { heads in
                        var first = 0
                        while first < items.count {
                            let last = min(items.count, first + batch)
                            for k in first..<last { starts[k - first] = offsets[items[k]] }
                            for k in first..<last {
                                let start = starts[k - first]
                                var bits = UInt64(probe.mask(raw, at: start))
                                bits |= UInt64(probe.mask(raw, at: start + 16)) << 16
                                bits |= UInt64(probe.mask(raw, at: start + 32)) << 32
                                bits |= UInt64(probe.mask(raw, at: start + 48)) << 48
                                heads[k - first] = bits
                            }
                            for k in first..<last {
                                let item = items[k]
                                let start = starts[k - first], end = offsets[item + 1]
                                let lastStart = end - count
                                var bits = heads[k - first]
                                var match: Int?
                                while bits != 0 {
                                    let at = start + bits.trailingZeroBitCount
                                    bits &= bits - 1
                                    if at > lastStart { break }
                                    if TitleIndex.equal(base + at + 1, nBase + 1, count - 2) { match = at; break }
                                }
                                if match == nil, start + 64 <= lastStart {
                                    match = TitleIndex.firstMatch(text, (start + 64)..<end, n, probe)
                                }
                                if let match {
                                    found.items.append(item)
                                    positions.append(match)
                                }
                            }
                            first = last
                        }
                    }
                    }
                }
            }
        }
        found.positions = positions
        return found
    }

    /// Where `needle` (at least two bytes, `probe` made from it) first occurs in
    /// `text[range]`: 16 positions at a time, those where the needle's first and last bytes
    /// are, then the bytes between compared. Loads up to 15 bytes past the range (the
    /// padding after the last item).
    @inline(__always)
    private static func firstMatch(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: UnsafeBufferPointer<UInt8>,
                                   _ probe: PairProbe) -> Int? {
        guard let base = text.baseAddress, let n = needle.baseAddress else { return nil }
        let count = needle.count
        let lastStart = range.upperBound - count
        let raw = UnsafeRawPointer(base)
        var i = range.lowerBound
        while i <= lastStart {
            var bits = probe.mask(raw, at: i)
            while bits != 0 {
                let start = i + bits.trailingZeroBitCount
                bits &= bits - 1
                if start > lastStart { return nil }
                if equal(base + start + 1, n + 1, count - 2) { return start }
            }
            i += 16
        }
        return nil
    }

    /// Whether `count` bytes at `a` and `b` are equal: an inline loop, cheaper than a
    /// `memcmp` call for the few bytes of a typed query.
    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var i = 0
        while i < count {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    private func size(_ key: Int) -> Int { starts[key + 1] - starts[key] }

    private func list(_ key: Int) -> ArraySlice<UInt32> { postings[starts[key]..<starts[key + 1]] }

}
