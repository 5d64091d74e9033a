import Articles
import Foundation

/// The text of every laid-out line, folded to lowercase once when the article is laid out,
/// in one byte buffer, so that find in a 5 MB article is a `memchr`/`memcmp` pass instead
/// of a `String` per character per key.
///
/// Folding is per character (lowercased, then NFC), as find has always matched characters
/// (`String` equality is canonical equivalence). Lines of printable ASCII fold byte for byte and their byte offsets are their
/// columns; any other line keeps, per character, where its folded bytes start and its
/// display column, so a match is taken only on character boundaries and drawn where
/// the character is.
final class FoldedLines: @unchecked Sendable {
    /// Folded text of every line, each followed by a 0 byte (which no needle contains).
    private(set) var bytes: [UInt8] = []
    /// Where each line starts in ``bytes``; one more entry than there are lines.
    private(set) var starts: [Int] = [0]
    /// Character boundaries of the lines that are not plain ASCII, by line.
    private var complex: [Int: Boundaries] = [:]

    /// Per character of one line: folded byte offset (from the line's start) and display
    /// column, plus one final entry for the line's end.
    struct Boundaries {
        var offsets: [Int]
        var columns: [Int]
    }

    init() {}

    /// Room for about `byteCount` bytes of text.
    func reserve(_ byteCount: Int) { bytes.reserveCapacity(byteCount) }

    /// Adds the next line.
    func append(_ text: String) {
        let isPlain = text.utf8.withContiguousStorageIfAvailable(FoldedLines.isPlain) ?? FoldedLines.isPlain(Array(text.utf8))
        if isPlain {
            let start = bytes.count
            bytes.append(contentsOf: text.utf8)
            bytes.withUnsafeMutableBufferPointer { buffer in
                for i in start..<buffer.count where buffer[i] &- 0x41 < 26 { buffer[i] |= 0x20 }
            }
        } else {
            appendComplex(text)
        }
        bytes.append(0)
        starts.append(bytes.count)
    }

    /// Whether every byte is printable ASCII (one byte, one character, one column).
    private static func isPlain(_ utf8: some Collection<UInt8>) -> Bool {
        utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
    }

    private func appendComplex(_ text: String) {
        let start = bytes.count
        var boundaries = Boundaries(offsets: [], columns: [])
        var column = 0
        for character in text {
            boundaries.offsets.append(bytes.count - start)
            boundaries.columns.append(column)
            FoldedLines.fold(character, into: &bytes)
            column += DisplayWidth.of(character)
        }
        boundaries.offsets.append(bytes.count - start)
        boundaries.columns.append(column)
        complex[starts.count - 1] = boundaries
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
        let first = Int32(n[0])
        let boundaries = complex[line]
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
