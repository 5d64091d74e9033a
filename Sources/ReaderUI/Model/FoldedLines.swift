import Articles
import Foundation

/// The text of every laid-out line, folded to lowercase once when the article is laid out,
/// in one byte buffer, so that find in a 5 MB article is a `memchr`/`memcmp` pass instead
/// of a `String` per character per key.
///
/// Folding is per character (lowercased, then NFC), as find has always matched characters
/// (`String` equality is canonical equivalence). Lines of printable ASCII fold byte
/// for byte and their byte offsets are their columns; any other line keeps, per character, where its folded bytes start and its
/// display column, so a match is taken only on character boundaries and drawn where
/// the character is.
final class FoldedLines: @unchecked Sendable {
    /// Folded text of every line, each followed by a 0 byte (which no needle contains),
    /// then ``padding`` more 0 bytes.
    let bytes: [UInt8]
    /// Where each line starts in ``bytes``; one more entry than there are lines.
    let starts: [Int]
    /// Per line, the index of its boundaries in ``boundaries``, or -1 for a plain ASCII line.
    private let boundaryIndex: [Int32]
    /// Character boundaries of the lines that are not plain ASCII.
    private let boundaries: [Boundaries]

    /// Per character of one line: folded byte offset (from the line's start) and display
    /// column, plus one final entry for the line's end.
    struct Boundaries {
        var offsets: [Int]
        var columns: [Int]
    }

    /// No lines (a layout that is never searched).
    convenience init() { self.init(Builder()) }

    /// The folded text of `texts`, one line each.
    convenience init(_ texts: some Sequence<String>, reserving byteCount: Int = 0) {
        var builder = Builder()
        builder.bytes.reserveCapacity(byteCount)
        for text in texts { builder.append(text) }
        self.init(builder)
    }

    private init(_ builder: Builder) {
        var bytes = builder.bytes
        // Zero bytes after the last line, so a search may load 16 bytes past a line's end.
        bytes.append(contentsOf: repeatElement(0, count: FoldedLines.padding))
        self.bytes = bytes
        starts = builder.starts
        boundaryIndex = builder.boundaryIndex
        boundaries = builder.boundaries
    }

    /// Folds lines into local arrays (no exclusivity checks on a class's properties per byte).
    struct Builder {
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        var boundaryIndex: [Int32] = []
        var boundaries: [Boundaries] = []
        /// Folded bytes and width of the single-scalar characters met so far (a few hundred
        /// distinct ones in a long article: quotes, dashes, accented letters, ideographs).
        var scalarCache: [Unicode.Scalar: (bytes: [UInt8], width: Int)] = [:]

        /// Adds the next line.
        mutating func append(_ text: String) {
            let plain = text.utf8.withContiguousStorageIfAvailable { appendPlain($0) } ?? false
            if plain { boundaryIndex.append(-1) } else { appendComplex(text) }
            bytes.append(0)
            starts.append(bytes.count)
        }

        /// Copies a line of printable ASCII (one byte, one character, one column) folded;
        /// returns `false` and adds nothing for any other line. Eight bytes at a time: a
        /// word's bytes are checked and lowercased with a few integer operations.
        private mutating func appendPlain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let source = utf8.baseAddress else { return true }
            let count = utf8.count
            let start = bytes.count
            var plain = true
            bytes.append(contentsOf: repeatElement(0, count: count))
            bytes.withUnsafeMutableBufferPointer { buffer in
                let out = UnsafeMutableRawPointer(buffer.baseAddress! + start)
                let raw = UnsafeRawPointer(source)
                var i = 0
                while i + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    guard let folded = Builder.foldPlain(word) else { plain = false; return }
                    out.storeBytes(of: folded, toByteOffset: i, as: UInt64.self)
                    i += 8
                }
                while i < count {
                    let byte = source[i]
                    if byte < 0x20 || byte > 0x7E { plain = false; return }
                    out.storeBytes(of: ASCIICase.lower(byte), toByteOffset: i, as: UInt8.self)
                    i += 1
                }
            }
            if !plain { bytes.removeLast(bytes.count - start) }
            return plain
        }

        /// Eight bytes lowercased (A-Z to a-z), or `nil` when one of them is not printable
        /// ASCII (below 0x20 or from 0x7F on).
        @inline(__always)
        static func foldPlain(_ word: UInt64) -> UInt64? {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let high: UInt64 = 0x8080_8080_8080_8080
            // A byte below 0x20 (0x20 subtracted borrows into its top bit), or one with its top
            // bit set or equal to 0x7F (0x01 added carries into its top bit).
            if (word &- 0x20 &* ones) & ~word & high != 0 || (word | (word &+ ones)) & high != 0 { return nil }
            // All bytes are below 0x80 now: the top bit of (byte + 0x3F) is set from 'A' on,
            // that of (byte + 0x25) from '[' on.
            let upper = (word &+ 0x3F &* ones) & ~(word &+ 0x25 &* ones) & high
            return word | (upper >> 2)
        }

        private mutating func appendComplex(_ text: String) {
            let start = bytes.count
            var boundaries = Boundaries(offsets: [], columns: [])
            var column = 0
            let utf8 = text.utf8
            var i = text.startIndex
            while i < text.endIndex {
                boundaries.offsets.append(bytes.count - start)
                boundaries.columns.append(column)
                // Printable ASCII not followed by a non-ASCII byte (which could be a combining
                // mark joining it) is a character of its own, one column wide.
                let byte = utf8[i]
                let next = utf8.index(after: i)
                if byte >= 0x20, byte < 0x7F, next == utf8.endIndex || utf8[next] < 0x80 {
                    bytes.append(ASCIICase.lower(byte))
                    column += 1
                    i = next
                    continue
                }
                let character = text[i]
                let scalars = character.unicodeScalars
                if let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
                    if let folded = scalarCache[scalar] {
                        bytes.append(contentsOf: folded.bytes)
                        column += folded.width
                    } else {
                        var out: [UInt8] = []
                        FoldedLines.fold(character, into: &out)
                        let width = DisplayWidth.of(character)
                        scalarCache[scalar] = (out, width)
                        bytes.append(contentsOf: out)
                        column += width
                    }
                } else {
                    FoldedLines.fold(character, into: &bytes)
                    column += DisplayWidth.of(character)
                }
                i = text.index(after: i)
            }
            boundaries.offsets.append(bytes.count - start)
            boundaries.columns.append(column)
            self.boundaryIndex.append(Int32(self.boundaries.count))
            self.boundaries.append(boundaries)
        }
    }

    /// Zero bytes after the last line (room for one 16-byte load past any line's end).
    static let padding = 32

    /// Number of lines.
    var count: Int { starts.count - 1 }

    /// The needle for `query`: its characters folded as the lines are.
    static func needle(_ query: String) -> [UInt8] {
        var out: [UInt8] = []
        for character in query { fold(character, into: &out) }
        return out
    }

    /// Appends the folded bytes of one character: lowercased, then in Unicode normal form C,
    /// so that canonically equivalent characters (é and e + U+0301) fold alike, as they
    /// compare equal as `String`s.
    static func fold(_ character: Character, into out: inout [UInt8]) {
        if let ascii = character.asciiValue, character.utf8.count == 1 {
            out.append(ASCIICase.lower(ascii))
            return
        }
        out.append(contentsOf: String(character).lowercased().precomposedStringWithCanonicalMapping.utf8)
    }

    /// Non-overlapping matches of `needle`, left to right, in each of `lines` (every line
    /// when `nil`; given lines must be ascending), as line and columns.
    func matches(_ needle: [UInt8], in lines: [Int]? = nil) -> [FindMatch] {
        find(needle, in: lines).all
    }

    /// Non-overlapping matches of `needle`, left to right, in each of `lines` (every line
    /// when `nil`; given lines must be ascending), kept as where each starts in ``bytes``:
    /// four bytes a match, turned into lines and columns only when asked.
    func find(_ needle: [UInt8], in lines: [Int]? = nil) -> FindMatches {
        guard !needle.isEmpty else { return FindMatches(folded: self, offsets: [], needleCount: 0) }
        let offsets = bytes.withUnsafeBufferPointer { buffer in
            starts.withUnsafeBufferPointer { starts in
                boundaryIndex.withUnsafeBufferPointer { kinds in
                    boundaries.withUnsafeBufferPointer { boundaries in
                        needle.withUnsafeBufferPointer { needle in
                            // One pass of the buffers (no array retained per line).
                            let text = Text(base: buffer.baseAddress!, starts: starts, kinds: kinds, boundaries: boundaries)
                            let probe = PairProbe(needle)
                            if let lines { return text.search(lines, needle, probe, textCount: buffer.count - Self.padding) }
                            return text.searchAll(needle, probe, textCount: buffer.count - Self.padding)
                        }
                    }
                }
            }
        }
        return FindMatches(folded: self, offsets: offsets, needleCount: needle.count)
    }

    /// The folded text's buffers, borrowed for one search.
    private struct Text {
        let base: UnsafePointer<UInt8>
        let starts: UnsafeBufferPointer<Int>
        let kinds: UnsafeBufferPointer<Int32>
        let boundaries: UnsafeBufferPointer<Boundaries>

        /// The matches in `lines` (ascending): at most text bytes / needle length of them
        /// (matches do not overlap), so room for that many is reserved (pages never written
        /// are never touched), then the matches found are copied to an array of their size.
        func search(_ lines: [Int], _ n: UnsafeBufferPointer<UInt8>, _ probe: PairProbe, textCount: Int) -> [UInt32] {
            let room = textCount / n.count + 1
            let found = UnsafeMutablePointer<UInt32>.allocate(capacity: room)
            defer { found.deallocate() }
            var count = 0
            for line in lines { search(line, n, probe, into: found, count: &count) }
            return Array(UnsafeBufferPointer(start: found, count: count))
        }

        /// The matches in every line, written straight into an array sized by a first pass
        /// that counts where the probe fires (never fewer than the matches). A one-byte
        /// needle (the first letter of a find, with hundreds of thousands of matches) is
        /// found in each run of plain ASCII lines as one stretch of bytes, where every
        /// probe hit is a match (the 0 byte ending a line is never the needle's byte);
        /// other lines and longer needles are searched line by line.
        func searchAll(_ n: UnsafeBufferPointer<UInt8>, _ probe: PairProbe, textCount: Int) -> [UInt32] {
            let lineCount = starts.count - 1
            let room = candidates(probe, needleCount: n.count, textCount: textCount) + Self.slack
            return [UInt32](unsafeUninitializedCapacity: room) { out, written in
                let out = out.baseAddress!
                var count = 0
                if n.count == 1, n[0] != 0 {
                    var line = 0
                    while line < lineCount {
                        guard kinds[line] < 0 else {
                            search(line, n, probe, into: out, count: &count)
                            line += 1
                            continue
                        }
                        var end = line + 1
                        while end < lineCount, kinds[end] < 0 { end += 1 }
                        everyHit(probe, from: starts[line], to: starts[end], into: out, count: &count)
                        line = end
                    }
                } else {
                    for line in 0..<lineCount { search(line, n, probe, into: out, count: &count) }
                }
                written = count
            }
        }

        /// Entries written past the last match by ``everyHit(_:from:to:into:count:)``.
        static let slack = 16

        /// How many positions from which a needle of `needleCount` bytes could start in the
        /// text have the probe's first and last bytes (an upper bound on the matches).
        func candidates(_ probe: PairProbe, needleCount: Int, textCount: Int) -> Int {
            let raw = UnsafeRawPointer(base)
            let last = textCount - needleCount  // the last place a match can start
            var total = 0
            var i = 0
            // Loads reach at most 15 + needleCount - 1 bytes past `last`: into the padding.
            while i <= last {
                total += probe.mask(raw, at: i).nonzeroBitCount
                i += 16
            }
            return total
        }

        /// Writes every position in `from..<to` where the probe fires (for a one-byte
        /// needle on plain lines: every match), four a step without a branch per match;
        /// may write up to ``slack`` entries past the last.
        @inline(__always)
        func everyHit(_ probe: PairProbe, from: Int, to: Int, into out: UnsafeMutablePointer<UInt32>, count found: inout Int) {
            let raw = UnsafeRawPointer(base)
            var i = from
            while i < to {
                var bits = probe.mask(raw, at: i)
                if to - i < 16 { bits &= (1 << UInt32(to - i)) &- 1 }
                let hits = bits.nonzeroBitCount
                var at = out + found
                let offset = UInt32(truncatingIfNeeded: i)
                repeat {
                    // With no bit left these write offset + 32, past the count: overwritten later.
                    at[0] = offset &+ UInt32(bits.trailingZeroBitCount); bits &= bits &- 1
                    at[1] = offset &+ UInt32(bits.trailingZeroBitCount); bits &= bits &- 1
                    at[2] = offset &+ UInt32(bits.trailingZeroBitCount); bits &= bits &- 1
                    at[3] = offset &+ UInt32(bits.trailingZeroBitCount); bits &= bits &- 1
                    at += 4
                } while bits != 0
                found += hits
                i += 16
            }
        }

        /// Writes the starts of the matches of `n` in `line` to `out` from `found` on (and
        /// counts them there): 16 positions at a time, those
        /// where both the needle's first and last bytes are found (`probe`), then the bytes
        /// between compared, and whole characters checked on lines that are not plain ASCII.
        func search(_ line: Int, _ n: UnsafeBufferPointer<UInt8>, _ probe: PairProbe,
                    into out: UnsafeMutablePointer<UInt32>, count found: inout Int) {
            let k = kinds[line]
            if k < 0 {
                search(line, n, probe, characters: nil, into: out, count: &found)
            } else {
                boundaries[Int(k)].offsets.withUnsafeBufferPointer { offsets in
                    search(line, n, probe, characters: offsets, into: out, count: &found)
                }
            }
        }

        /// ``search(_:_:_:into:count:)`` on a line whose character boundaries are
        /// `characters` (`nil` for plain ASCII). Candidates come in ascending order, so
        /// whether one starts and ends on a boundary is found by walking forward through
        /// the boundaries, not by a search per candidate.
        @inline(__always)
        private func search(_ line: Int, _ n: UnsafeBufferPointer<UInt8>, _ probe: PairProbe,
                            characters: UnsafeBufferPointer<Int>?,
                            into out: UnsafeMutablePointer<UInt32>, count found: inout Int) {
            let lineStart = starts[line]
            let lineEnd = starts[line + 1] - 1  // before the 0 byte
            let count = n.count
            let lastStart = lineEnd - count  // the last place a match can start
            guard lastStart >= lineStart else { return }
            let raw = UnsafeRawPointer(base)
            var i = lineStart
            var next = lineStart  // matches do not overlap: the next one starts here or later
            var boundary = 0  // the first character boundary not before the last candidate
            while i <= lastStart {
                // Loads reach at most 15 + count - 1 bytes past `lastStart`, within the line's
                // 0 byte and the padding after the last line.
                var bits = probe.mask(raw, at: i)
                while bits != 0 {
                    let start = i + bits.trailingZeroBitCount
                    bits &= bits - 1
                    if start > lastStart { break }
                    if start < next { continue }
                    if count > 2, memcmp(base + start + 1, n.baseAddress! + 1, count - 2) != 0 { continue }
                    if let characters {
                        // Only whole characters match (an "e" is not found inside "é" written e + U+0301).
                        let from = start - lineStart
                        while boundary < characters.count, characters[boundary] < from { boundary += 1 }
                        guard boundary < characters.count, characters[boundary] == from else { continue }
                        var end = boundary
                        while end < characters.count, characters[end] < from + count { end += 1 }
                        guard end < characters.count, characters[end] == from + count else { continue }
                    }
                    out[found] = UInt32(truncatingIfNeeded: start)
                    found += 1
                    next = start + count
                }
                i += 16
            }
        }
    }

    /// The line holding byte `offset` of ``bytes``, by binary search.
    func line(containing offset: Int) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid + 1] <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The match of `length` folded bytes from byte `offset` of `line` (found by
    /// ``find(_:in:)``, so on character boundaries) as display columns.
    func match(line: Int, offset: Int, length: Int) -> FindMatch {
        let k = boundaryIndex[line]
        let start = offset - starts[line]
        guard k >= 0 else { return FindMatch(line: line, column: start, width: length) }
        let b = boundaries[Int(k)]
        let from = Self.index(of: start, in: b.offsets) ?? 0
        let to = Self.index(of: start + length, in: b.offsets) ?? from
        return FindMatch(line: line, column: b.columns[from], width: b.columns[to] - b.columns[from])
    }

    /// The index of `offset` in the ascending `offsets`, if it is there.
    static func index(of offset: Int, in offsets: some RandomAccessCollection<Int>) -> Int? {
        var low = 0
        var high = offsets.count
        let base = offsets.startIndex
        while low < high {
            let mid = (low + high) / 2
            if offsets[offsets.index(base, offsetBy: mid)] < offset { low = mid + 1 } else { high = mid }
        }
        return low < offsets.count && offsets[offsets.index(base, offsetBy: low)] == offset ? low : nil
    }
}

extension FoldedLines: Hashable {
    /// Always equal: the folded text is derived from the lines beside it, which the layout
    /// compares.
    static func == (lhs: FoldedLines, rhs: FoldedLines) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
