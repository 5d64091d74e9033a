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
    /// Folded text of every line, each followed by a 0 byte (which no needle contains).
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
        bytes = builder.bytes
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
        /// returns `false` and adds nothing for any other line.
        private mutating func appendPlain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
            let start = bytes.count
            bytes.append(contentsOf: utf8)
            let plain = bytes.withUnsafeMutableBufferPointer { buffer -> Bool in
                for i in start..<buffer.count {
                    let byte = buffer[i]
                    if byte < 0x20 || byte > 0x7E { return false }
                    if byte &- 0x41 < 26 { buffer[i] = byte | 0x20 }
                }
                return true
            }
            if !plain { bytes.removeLast(bytes.count - start) }
            return plain
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
                    bytes.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
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
            out.append(ascii &- 0x41 < 26 ? ascii | 0x20 : ascii)
            return
        }
        out.append(contentsOf: String(character).lowercased().precomposedStringWithCanonicalMapping.utf8)
    }

    /// Non-overlapping matches of `needle`, left to right, in each of `lines` (every line
    /// when `nil`; given lines must be ascending).
    func matches(_ needle: [UInt8], in lines: [Int]? = nil) -> [FindMatch] {
        guard !needle.isEmpty else { return [] }
        var out: [FindMatch] = []
        // Rough room: a one-letter needle in English text matches about one byte in 16.
        out.reserveCapacity(min(bytes.count / (needle.count == 1 ? 16 : 256), (lines?.count ?? count) * 8))
        bytes.withUnsafeBufferPointer { buffer in
            needle.withUnsafeBufferPointer { n in
                if let lines {
                    for line in lines { search(line, buffer, n, into: &out) }
                } else {
                    for line in 0..<count { search(line, buffer, n, into: &out) }
                }
            }
        }
        return out
    }

    private func search(_ line: Int, _ buffer: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>, into out: inout [FindMatch]) {
        let base = buffer.baseAddress!
        let lineStart = starts[line]
        let lineEnd = starts[line + 1] - 1  // before the 0 byte
        let count = n.count
        guard lineEnd - lineStart >= count else { return }
        let k = boundaryIndex[line]
        let boundaries = k < 0 ? nil : self.boundaries[Int(k)]
        if count == 1, k < 0 {
            // One ASCII byte in a plain line: every occurrence is a match, a column each.
            let byte = n[0]
            for i in lineStart..<lineEnd where base[i] == byte {
                out.append(FindMatch(line: line, column: i - lineStart, width: 1))
            }
            return
        }
        let first = Int32(n[0])
        var position = lineStart
        while position + count <= lineEnd, let found = memchr(base + position, first, lineEnd - position) {
            let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard start + count <= lineEnd else { break }
            guard memcmp(base + start, n.baseAddress!, count) == 0 else {
                position = start + 1
                continue
            }
            if let boundaries {
                // Only whole characters match (an "e" is not found inside "é" written e + U+0301).
                let offsets = boundaries.offsets
                guard let a = Self.index(of: start - lineStart, in: offsets),
                      let b = Self.index(of: start - lineStart + count, in: offsets)
                else {
                    position = start + 1
                    continue
                }
                out.append(FindMatch(line: line, column: boundaries.columns[a], width: boundaries.columns[b] - boundaries.columns[a]))
            } else {
                out.append(FindMatch(line: line, column: start - lineStart, width: count))
            }
            position = start + count
        }
    }

    /// The index of `offset` in the ascending `offsets`, if it is there.
    private static func index(of offset: Int, in offsets: [Int]) -> Int? {
        var low = 0
        var high = offsets.count
        while low < high {
            let mid = (low + high) / 2
            if offsets[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low < offsets.count && offsets[low] == offset ? low : nil
    }
}

extension FoldedLines: Hashable {
    /// Always equal: the folded text is derived from the lines beside it, which the layout
    /// compares.
    static func == (lhs: FoldedLines, rhs: FoldedLines) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
