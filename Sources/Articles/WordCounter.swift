/// Counts words and estimates reading time.
public enum WordCounter {
    /// Average adult reading speed used for reading time.
    public static let wordsPerMinute = 230

    /// Words in `text`: whitespace-separated runs, plus one per CJK ideograph, kana or hangul
    /// syllable (scripts written without spaces).
    public static func count(_ text: String) -> Int {
        UTF8Scan.withBytes(text) { bytes in
            var words = 0
            var inWord = false
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {  // ASCII fast path, eight bytes at a time, then without branches
                    var inside = inWord ? 1 : 0
                    var k = i
                    if let base = bytes.baseAddress {
                        var previous: UInt64 = inWord ? 1 : 0
                        while k + 8 <= n {
                            let word = UInt64(littleEndian: UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self))
                            if word & WordCounter.high != 0 { break }
                            let nonSpace = WordCounter.nonSpaceLanes(word)
                            let starts = nonSpace & ~(nonSpace << 8 | previous << 7)
                            words &+= UTF8Scan.laneCount(starts)
                            previous = nonSpace >> 63
                            k += 8
                        }
                        inside = Int(previous)
                    }
                    while k < n {
                        let c = bytes[k]
                        if c >= 0x80 { break }
                        let space = (c == 0x20 ? 1 : 0) | (c &- 0x09 < 5 ? 1 : 0)
                        words &+= (space | inside) ^ 1
                        inside = space ^ 1
                        k += 1
                    }
                    inWord = inside == 1
                    i = k
                    continue
                }
                let (v, length) = UTF8Scan.decode(bytes, at: i)
                i += length
                if UTF8Scan.isNonASCIIWhitespace(v) {
                    inWord = false
                } else if isCJK(v) {
                    words += 1
                    inWord = false
                } else if !inWord {
                    words += 1
                    inWord = true
                }
            }
            return words
        }
    }

    static let high: UInt64 = 0x8080_8080_8080_8080

    /// For eight ASCII bytes, the high bit of each byte lane that is not a space (0x20 or
    /// 0x09…0x0D). No lane carries into the next because every lane is below 0x80.
    @inline(__always)
    static func nonSpaceLanes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let notSpace = (word ^ (ones &* 0x20)) &+ (ones &* 0x7F)  // high bit: lane != 0x20
        let atLeastTab = word &+ (ones &* (0x80 - 0x09))  // high bit: lane >= 0x09
        let atLeastSO = word &+ (ones &* (0x80 - 0x0E))  // high bit: lane >= 0x0E
        let control = atLeastTab & ~atLeastSO  // 0x09...0x0D
        return notSpace & ~control & high
    }

    /// Reading minutes for a word count, rounded up, at least 1.
    public static func readingMinutes(words: Int) -> Int {
        max(1, (words + wordsPerMinute - 1) / wordsPerMinute)
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool { isCJK(scalar.value) }

    @inline(__always)
    static func isCJK(_ v: UInt32) -> Bool {
        switch v {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF,
            0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }
}
