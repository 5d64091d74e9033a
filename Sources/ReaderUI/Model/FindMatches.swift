/// The matches of one find in an article, kept compactly: where each starts in the
/// layout's folded text (``FoldedLines``), in order. A one-letter find in a 5 MB article
/// has some 300,000 matches; only the few on screen are turned into a line and columns
/// (``subscript(_:)``), when drawn.
public struct FindMatches: Hashable, Sendable {
    /// The folded text the offsets point into (`nil` for no matches).
    let folded: FoldedLines?
    /// Where each match starts in the folded bytes, ascending.
    let offsets: [UInt32]
    /// Folded bytes of the needle.
    let needleCount: Int

    /// No matches.
    static let none = FindMatches(folded: nil, offsets: [], needleCount: 0)

    init(folded: FoldedLines?, offsets: [UInt32], needleCount: Int) {
        self.folded = folded
        self.offsets = offsets
        self.needleCount = needleCount
    }

    /// Number of matches.
    public var count: Int { offsets.count }
    /// Whether there are none.
    public var isEmpty: Bool { offsets.isEmpty }

    /// Match `k` as a line and display columns.
    public subscript(k: Int) -> FindMatch {
        let offset = Int(offsets[k])
        let folded = folded!
        return folded.match(line: folded.line(containing: offset), offset: offset, length: needleCount)
    }

    /// The line of match `k`.
    public func line(of k: Int) -> Int { folded!.line(containing: Int(offsets[k])) }

    /// The index of the first match on line `line` or below (``count`` when none), by
    /// binary search.
    public func first(atOrBelow line: Int) -> Int {
        guard let folded, line > 0 else { return 0 }
        guard line < folded.count else { return offsets.count }
        let from = UInt32(truncatingIfNeeded: folded.starts[line])
        var low = 0
        var high = offsets.count
        while low < high {
            let mid = (low + high) / 2
            if offsets[mid] < from { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The distinct lines with a match, ascending (where a longer query can match).
    public var lines: [Int] {
        guard let folded else { return [] }
        var lines: [Int] = []
        var line = 0
        folded.starts.withUnsafeBufferPointer { starts in
            for offset in offsets {
                let o = Int(offset)
                while starts[line + 1] <= o { line += 1 }
                if lines.last != line { lines.append(line) }
            }
        }
        return lines
    }

    /// Every match as a line and columns.
    public var all: [FindMatch] {
        guard let folded else { return [] }
        var out: [FindMatch] = []
        out.reserveCapacity(offsets.count)
        var line = 0
        for offset in offsets {
            let o = Int(offset)
            while folded.starts[line + 1] <= o { line += 1 }
            out.append(folded.match(line: line, offset: o, length: needleCount))
        }
        return out
    }

    public static func == (a: FindMatches, b: FindMatches) -> Bool {
        a.needleCount == b.needleCount && a.offsets == b.offsets && a.folded === b.folded
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(needleCount)
        hasher.combine(offsets.count)
    }
}
