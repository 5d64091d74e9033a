/// Makes the spacing of a single line read naturally.
///
/// - Tabs, newlines, form feeds, no-break spaces (U+00A0, U+202F, U+2007) and the other
///   Unicode spaces (U+2000–U+200A, U+205F, U+1680) become ordinary spaces.
/// - Runs of spaces collapse to one; leading and trailing spaces are trimmed.
/// - A no-break space before `?`, `!`, `:` or `;` is the French typographic convention.
///   In French text it stays as one ordinary space (`Pourquoi ?`); in other text the space
///   is closed up (`purpose ?` → `purpose?`), because that is how English reads.
/// - A space before a `.` or `,` that ends a word (`the market .`) is closed up.
///
/// The ideographic space U+3000 is kept: it is part of CJK typography.
public enum WhitespaceNormalizer {
    /// How spaces before high punctuation (`? ! : ;`) are treated.
    public enum Typography: Sendable {
        /// Close up a no-break space before `? ! : ;` (English and most languages).
        case standard
        /// Keep one space before `? ! : ;` (French).
        case french
    }

    /// The line with normalised spacing.
    public static func normalize(_ text: String, typography: Typography = .standard) -> String {
        String(decoding: normalize(Array(text.utf8)[...], typography: { typography }), as: UTF8.self)
    }

    /// Length in bytes of the whitespace character at `i`, and whether it is a no-break space.
    @inline(__always)
    static func whitespace(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (length: Int, noBreak: Bool)? {
        let b = bytes[i]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return (1, false) }
        if b < 0xC2 { return nil }
        let end = bytes.count
        if b == 0xC2 {
            return i + 1 < end && bytes[i + 1] == 0xA0 ? (2, true) : nil
        }
        if b == 0xE2, i + 2 < end {
            let c = bytes[i + 1], d = bytes[i + 2]
            if c == 0x80 {
                if d == 0xAF || d == 0x87 { return (3, true) }
                if d >= 0x80 && d <= 0x8A { return (3, false) }
            } else if c == 0x81 && d == 0x9F {
                return (3, false)
            }
            return nil
        }
        if b == 0xE1, i + 2 < end, bytes[i + 1] == 0x9A, bytes[i + 2] == 0x80 { return (3, false) }
        return nil
    }

    /// Normalises UTF-8 bytes of one line; `typography` is asked only for a no-break space
    /// before `? ! : ;`. The result is never longer than the input.
    static func normalize(_ bytes: ArraySlice<UInt8>, typography: () -> Typography) -> [UInt8] {
        bytes.withUnsafeBufferPointer { src in
            [UInt8](unsafeUninitializedCapacity: src.count) { out, count in
                count = normalize(src, into: out, typography: typography)
            }
        }
    }

    /// `normalize(_:typography:)` a byte at a time, without the run copy (the reference it is tested against).
    static func normalizeByteAtATime(_ bytes: ArraySlice<UInt8>, typography: () -> Typography) -> [UInt8] {
        bytes.withUnsafeBufferPointer { src in
            [UInt8](unsafeUninitializedCapacity: src.count) { out, count in
                count = normalize(src, into: out, typography: typography, copyingRuns: false)
            }
        }
    }

    /// The same bytes as `normalize(_:typography:)`, made straight into a `String` (no
    /// intermediate array).
    static func normalizedString(_ bytes: ArraySlice<UInt8>, typography: () -> Typography) -> String {
        bytes.withUnsafeBufferPointer { src in
            String(unsafeUninitializedCapacity: src.count) { out in
                normalize(src, into: out, typography: typography)
            }
        }
    }

    /// Writes the normalised bytes of `src` to `out` (at least as long) and returns how many.
    @inline(__always)
    static func normalize(_ src: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                          typography: () -> Typography, copyingRuns: Bool = true) -> Int
    {
        let n = src.count
        return WhitespaceNormalizer.runFlags.withUnsafeBufferPointer { flags in
            var o = 0
            var i = 0
            var pending = false
            var pendingNoBreak = false
            var slowUntil = 0
            while i < n {
                // Eight bytes that come out unchanged (see `runFlags`) are copied as they are.
                if copyingRuns && !pending && o > 0 && i >= slowUntil && i + 8 < n {
                    // Most blocks pass a word test first: ASCII, no control, and no space
                    // followed by a byte below 0x40 or a multi-byte lead (a superset of the
                    // bytes of bit 4). Others take the byte table test below.
                    let w = UTF8Scan.load(src.baseAddress!, i), x = UTF8Scan.load(src.baseAddress!, i + 1)
                    if w & UTF8Scan.highBits == 0 && !UTF8Scan.hasByte(w, lessThan: 0x20) {
                        let low = x & ~UTF8Scan.highBits
                        let mayFollow = (~UTF8Scan.lanes(ascii: low, atLeast: 0x40) | x) & UTF8Scan.highBits
                        if UTF8Scan.lanes(w, equalTo: 0x20) & mayFollow == 0 {
                            UnsafeMutableRawPointer(out.baseAddress! + o).storeBytes(of: w, as: UInt64.self)
                            o += 8
                            i += 8
                            continue
                        }
                    }
                    var reject: UInt8 = 0
                    var f = flags[Int(src[i])]
                    for j in 1...8 {
                        let g = flags[Int(src[i + j])]
                        reject |= f | (f >> 1 & g >> 2)
                        f = g
                    }
                    if reject & 1 == 0 {
                        for j in 0..<8 { out[o + j] = src[i + j] }
                        o += 8
                        i += 8
                        continue
                    }
                    slowUntil = i + 8
                }
                let b = src[i]
                // Fast path: a byte that cannot start a space, with no space pending.
                if !pending && b > 0x20 && b != 0xC2 && b != 0xE1 && b != 0xE2 {
                    out[o] = b
                    o += 1
                    i += 1
                    continue
                }
                if let ws = whitespace(src, at: i) {
                    pending = true
                    pendingNoBreak = pendingNoBreak || ws.noBreak
                    i += ws.length
                    continue
                }
                if pending && o > 0 {
                    var emit = true
                    if b == 0x3F || b == 0x21 || b == 0x3A || b == 0x3B {
                        if pendingNoBreak && typography() == .standard { emit = false }
                    } else if b == 0x2E || b == 0x2C {
                        let next = i + 1 < n ? src[i + 1] : 0x20
                        let last = out[o - 1]
                        let wordBefore = last >= 0x80 || FastText.isASCIIAlphanumeric(last)
                        if wordBefore && (next == 0x20 || next == 0x09) { emit = false }
                        if wordBefore && i + 1 == n { emit = false }
                    }
                    if emit {
                        out[o] = 0x20
                        o += 1
                    }
                }
                pending = false
                pendingNoBreak = false
                out[o] = b
                o += 1
                i += 1
            }
            return o
        }
    }

    /// For the run copy in ``normalize(_:typography:)``, bits of each byte: 1 not copied as it
    /// is (a control, a byte that may start a Unicode space), 2 a space, 4 not copied as it is
    /// after a space (and so not after a space either: `.`, `,`, a space). A space followed by a
    /// byte without bit 4, with something already written and none pending, comes out
    /// unchanged, as does any byte without bits 1 and 2 when no space is pending.
    static let runFlags: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
        switch b {
        case 0x20: return 2 | 4
        case 0..<0x20, 0xC2, 0xE1, 0xE2: return 1 | 4
        case 0x2E, 0x2C: return 4
        default: return 0
        }
    }
}
