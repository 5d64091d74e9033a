/// Finds the characters (extended grapheme clusters) of UTF-8 text and their display widths,
/// the same ones `String` iteration gives, without making a `Character` for each.
///
/// Between two scalars of the common scripts (Latin, Greek, Cyrillic, general punctuation,
/// CJK, kana, hangul syllables, fullwidth forms) there is always a character boundary,
/// unless the first is CR before LF, a prepended concatenation mark, or a leading hangul
/// jamo before a syllable. Every other case (combining marks, emoji sequences, flags,
/// Indic conjuncts…) is left to the standard library.
struct CharacterSegmenter {
    /// The text (for the standard library's rules).
    let text: String
    /// Its UTF-8 bytes.
    let bytes: UnsafeBufferPointer<UInt8>

    /// One character: where it ends (byte offset) and its width in cells.
    struct Span {
        var end: Int
        var width: Int
    }

    /// Number of characters in `text`, counting no further than `limit + 1`: the exact count
    /// when it is at most `limit`, else a number greater than `limit`.
    static func count(_ text: String, limit: Int = .max) -> Int {
        UTF8Scan.withBytes(text) { bytes in
            let segmenter = CharacterSegmenter(text: text, bytes: bytes)
            let n = bytes.count
            // An ASCII byte other than CR that another such byte follows is one character:
            // skip the run of those at the start (no further than the limit needs).
            let bound = limit < n - 1 ? limit + 2 : n
            var k = asciiRunEnd(bytes, from: 0, bound: bound)
            if k == n { return n <= limit ? n : limit + 1 }
            var count = max(0, k - 1)
            var i = count
            while i < n, count <= limit {
                if bytes[i] < 0x80 {
                    // The same rule inside the text: each byte of an ASCII run but its last is a character.
                    k = asciiRunEnd(bytes, from: i, bound: n)
                    var skip = k - 1 - i
                    if skip > limit - count { skip = limit - count + 1 }  // no further than limit + 1
                    if skip > 0 {
                        count += skip
                        i += skip
                        continue
                    }
                }
                i = segmenter.end(at: i)
                count += 1
            }
            return count
        }
    }

    /// The first offset from `i` (up to `bound`) that holds a byte of 0x80 or more or a CR,
    /// eight bytes at a time.
    @inline(__always)
    static func asciiRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int, bound: Int) -> Int {
        var k = i
        if let base = bytes.baseAddress {
            while k + 8 <= bound {
                let w = UTF8Scan.load(base, k)
                if (w & UTF8Scan.highBits) | UTF8Scan.lanes(w, equalTo: 0x0D) != 0 { break }
                k += 8
            }
        }
        while k < bound, bytes[k] < 0x80, bytes[k] != 0x0D { k += 1 }
        return k
    }

    /// ``count(_:limit:)`` one character at a time (the reference its run skipping is tested against).
    static func countByCharacter(_ text: String, limit: Int = .max) -> Int {
        UTF8Scan.withBytes(text) { bytes in
            let segmenter = CharacterSegmenter(text: text, bytes: bytes)
            var count = 0
            var i = 0
            while i < bytes.count, count <= limit {
                i = segmenter.end(at: i)
                count += 1
            }
            return count
        }
    }

    /// Where the character that starts at byte offset `i` (which must start one) ends.
    @inline(__always)
    func end(at i: Int) -> Int {
        let n = bytes.count
        let b = bytes[i]
        if b < 0x80 {
            let j = i + 1
            if j == n { return j }
            let c = bytes[j]
            if c < 0x80 {
                return b == 0x0D && c == 0x0A ? slowEnd(at: i) : j
            }
            if b != 0x0D, CharacterSegmenter.alwaysBreaksBefore(decode(at: j).scalar) { return j }
            return slowEnd(at: i)
        }
        let (scalar, length) = decode(at: i)
        let j = i + length
        if j == n { return j }
        let next = decode(at: j).scalar
        guard CharacterSegmenter.alwaysBreaksBefore(next), !CharacterSegmenter.mayPrepend(scalar), scalar != 0x200D,
              !(CharacterSegmenter.isLeadingJamo(scalar) && CharacterSegmenter.isHangulSyllable(next))
        else { return slowEnd(at: i) }
        return j
    }

    /// The character that starts at byte offset `i` (which must start one): its end, and
    /// its width (that of its widest scalar).
    @inline(__always)
    func character(at i: Int) -> Span {
        let end = end(at: i)
        let b = bytes[i]
        if b < 0x80 && end == i + 1 { return Span(end: end, width: CharacterSegmenter.asciiWidth(b)) }
        var width = 0
        var k = i
        while k < end {
            let (scalar, length) = decode(at: k)
            width = max(width, DisplayWidth.of(Unicode.Scalar(scalar)!))
            k += length
        }
        return Span(end: end, width: width)
    }

    /// The first scalar of the character at `i`.
    func firstScalar(at i: Int) -> Unicode.Scalar {
        Unicode.Scalar(decode(at: i).scalar)!
    }

    /// The end of the character at `i` by the standard library's rules.
    func slowEnd(at i: Int) -> Int {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: i)
        let after = text.index(after: start)
        return utf8.distance(from: utf8.startIndex, to: after)
    }

    /// Decodes the scalar at `i` (valid UTF-8).
    @inline(__always)
    func decode(at i: Int) -> (scalar: UInt32, length: Int) { UTF8Scan.decode(bytes, at: i) }

    @inline(__always)
    static func asciiWidth(_ b: UInt8) -> Int { b < 0x20 || b == 0x7F ? 0 : 1 }

    /// Scalars that never join the character before them (not Extend, ZWJ, SpacingMark,
    /// a hangul vowel or trailing jamo, a regional indicator, LF, or an Indic consonant),
    /// except after a prepended concatenation mark, a leading jamo, or CR.
    @inline(__always)
    static func alwaysBreaksBefore(_ v: UInt32) -> Bool {
        switch v {
        case 0x20...0x7E, 0xA0...0x2FF, 0x370...0x482, 0x48A...0x52F, 0x2010...0x2027, 0x2030...0x205E,
            0x20A0...0x20C0, 0x2100...0x218B, 0x2190...0x23FF, 0x2500...0x27BF, 0x3000...0x3029, 0x3030...0x303F,
            0x3041...0x3096, 0x309B...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF9D:
            return true
        default:
            return false
        }
    }

    /// Prepended concatenation marks (which join the next character) lie in these ranges.
    @inline(__always)
    static func mayPrepend(_ v: UInt32) -> Bool {
        (v >= 0x600 && v < 0xE00) || (v >= 0x11000 && v < 0x12000)
    }

    static func isLeadingJamo(_ v: UInt32) -> Bool {
        (v >= 0x1100 && v <= 0x115F) || (v >= 0xA960 && v <= 0xA97F)
    }

    static func isHangulSyllable(_ v: UInt32) -> Bool { v >= 0xAC00 && v <= 0xD7A3 }

    /// Whether the space that ends `line` (UTF-8) is a character of its own, not joined to a
    /// prepended concatenation mark before it.
    static func spaceStandsAlone(after line: [UInt8]) -> Bool {
        var k = line.count - 2
        guard k >= 0 else { return true }
        if line[k] < 0x80 { return true }
        while k > 0, line[k] & 0xC0 == 0x80 { k -= 1 }
        let b0 = UInt32(line[k])
        var v: UInt32
        var length: Int
        if b0 < 0xE0 { v = b0 & 0x1F; length = 2 } else if b0 < 0xF0 { v = b0 & 0x0F; length = 3 } else { v = b0 & 0x07; length = 4 }
        for m in 1..<length { v = v << 6 | UInt32(line[k + m] & 0x3F) }
        return !mayPrepend(v)
    }
}
