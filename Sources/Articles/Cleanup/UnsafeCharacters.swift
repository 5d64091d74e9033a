/// The one list of characters that must never reach a terminal: the parser's
/// ``TextSanitizer`` removes them from articles and the reader's cell sanitiser drops them
/// from every cell, so both use these tests.
///
/// Unsafe scalars:
/// - C0 controls U+0000–U+001F (ESC, BEL, CR, backspace… and tab and newline, which the
///   callers treat as structure before asking), DEL U+007F and the C1 controls
///   U+0080–U+009F (8-bit CSI, OSC, DCS, ST, NEL…): a terminal reads them as commands;
/// - bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
///   U+202A–U+202E, U+2066–U+2069): they reorder what is displayed ("Trojan Source");
/// - the line and paragraph separators U+2028 and U+2029 (some terminals break the line);
/// - the interlinear annotation controls U+FFF9–U+FFFB;
/// - the soft hyphen U+00AD and the byte order mark U+FEFF (zero width here, one cell in
///   some terminals, so they shift the rest of the row), and the noncharacters U+FFFE and
///   U+FFFF.
public enum UnsafeCharacters {
    /// Whether `scalar` must never reach the terminal.
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { isUnsafe(value: scalar.value) }

    /// Whether the scalar with this value must never reach the terminal.
    @inline(__always)
    public static func isUnsafe(value v: UInt32) -> Bool {
        if v < 0xA0 { return v < 0x20 || v >= 0x7F }
        switch v {
        case 0xAD, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069,
            0xFEFF, 0xFFF9...0xFFFB, 0xFFFE, 0xFFFF:
            return true
        default:
            return false
        }
    }

    /// Whether `text` holds an unsafe scalar (tab and newline included).
    public static func occur(in text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains(where: isUnsafe)
    }

    /// `text` with each unsafe scalar written as a visible escape (`\u{1B}`), for messages
    /// that must name something as it is, such as a file name; with `keepingLineBreaks`,
    /// tab and newline stay as they are.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        let bytes = Array(text.utf8)
        let needsEscapes = keepingLineBreaks ? containsUnsafeExceptTabAndNewline(bytes) : containsUnsafe(bytes)
        guard needsEscapes else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) && !(keepingLineBreaks && (scalar == "\n" || scalar == "\t")) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether the UTF-8 sequence whose lead byte is at `i` encodes an unsafe scalar: the
    /// byte-level form of ``isUnsafe(_:)`` for the parser's fast paths. The bytes must be
    /// valid UTF-8; a sequence cut short by the end of `bytes` is not unsafe.
    @inline(__always)
    public static func isUnsafeSequence<C: RandomAccessCollection>(_ bytes: C, at i: Int) -> Bool
    where C.Element == UInt8, C.Index == Int {
        let b = bytes[i]
        if b < 0x80 { return b < 0x20 || b == 0x7F }
        return isUnsafeMultiByte(bytes, at: i)
    }

    /// As ``isUnsafeSequence(_:at:)`` for a lead byte of 0x80 or more.
    @inline(__always)
    public static func isUnsafeMultiByte<C: RandomAccessCollection>(_ bytes: C, at i: Int) -> Bool
    where C.Element == UInt8, C.Index == Int {
        let end = bytes.endIndex
        switch bytes[i] {
        case 0xC2:  // C1 controls, soft hyphen
            guard i + 1 < end else { return false }
            let c = bytes[i + 1]
            return c <= 0x9F || c == 0xAD
        case 0xD8:  // U+061C
            return i + 1 < end && bytes[i + 1] == 0x9C
        case 0xE2:
            guard i + 2 < end else { return false }
            let c = bytes[i + 1], d = bytes[i + 2]
            if c == 0x80 { return d == 0x8E || d == 0x8F || (d >= 0xA8 && d <= 0xAE) }  // marks, separators, bidi
            if c == 0x81 { return d >= 0xA6 && d <= 0xA9 }  // isolates
            return false
        case 0xEF:  // BOM, annotations, noncharacters
            guard i + 2 < end else { return false }
            let c = bytes[i + 1], d = bytes[i + 2]
            return (c == 0xBB && d == 0xBF) || (c == 0xBF && ((d >= 0xB9 && d <= 0xBB) || d >= 0xBE))
        default:
            return false
        }
    }

    /// Whether `bytes` (valid UTF-8) hold an unsafe scalar, tab and newline included.
    public static func containsUnsafe<C: RandomAccessCollection>(_ bytes: C) -> Bool
    where C.Element == UInt8, C.Index == Int {
        bytes.contains { $0 == 0x09 || $0 == 0x0A } || containsUnsafeExceptTabAndNewline(bytes)
    }

    /// Whether `bytes` (valid UTF-8) hold an unsafe scalar other than tab and newline, eight
    /// plain ASCII bytes at a time (also after a multi-byte sequence, not only before the first;
    /// tabs and newlines, such as an index-cache line's separators, pass with their word).
    public static func containsUnsafeExceptTabAndNewline<C: RandomAccessCollection>(_ bytes: C) -> Bool
    where C.Element == UInt8, C.Index == Int {
        if let found = bytes.withContiguousStorageIfAvailable(containsUnsafeExceptTabAndNewline(buffer:)) { return found }
        return containsUnsafeExceptTabAndNewlineByteAtATime(bytes)
    }

    /// ``containsUnsafeExceptTabAndNewline(_:)`` over contiguous bytes.
    static func containsUnsafeExceptTabAndNewline(buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        let n = buffer.count
        var i = 0
        while i < n {
            if i + 8 <= n {
                let word = UTF8Scan.load(base, i)
                if word & UTF8Scan.highBits == 0 && !UTF8Scan.hasByte(word, equalTo: 0x7F)
                    && (!UTF8Scan.hasByte(word, lessThan: 0x20) || !hasControlOtherThanTabAndNewline(word))
                {
                    i += 8
                    continue
                }
            }
            let b = base[i]
            if b < 0x80 {
                if (b < 0x20 || b == 0x7F) && b != 0x09 && b != 0x0A { return true }
            } else if isUnsafeMultiByte(buffer, at: i) {
                return true
            }
            i += 1
        }
        return false
    }

    /// Whether `word` (eight plain ASCII bytes) holds a control byte other than tab and
    /// newline: per byte, exact, since setting each high bit first stops borrows between bytes.
    @inline(__always)
    private static func hasControlOtherThanTabAndNewline(_ word: UInt64) -> Bool {
        let controls = ~((word | UTF8Scan.highBits) &- UTF8Scan.ones &* 0x20) & UTF8Scan.highBits
        let allowed = UTF8Scan.lanes(word, equalTo: 0x09) | UTF8Scan.lanes(word, equalTo: 0x0A)
        return controls & ~allowed != 0
    }

    /// ``containsUnsafeExceptTabAndNewline(_:)`` one byte at a time (the reference the word
    /// scan is tested against, and the path for bytes that are not contiguous).
    static func containsUnsafeExceptTabAndNewlineByteAtATime<C: RandomAccessCollection>(_ bytes: C) -> Bool
    where C.Element == UInt8, C.Index == Int {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b < 0x80 {
                if (b < 0x20 || b == 0x7F) && b != 0x09 && b != 0x0A { return true }
            } else if isUnsafeMultiByte(bytes, at: i) {
                return true
            }
            i += 1
        }
        return false
    }
}
