/// Removes everything that could make a terminal do something other than print text.
///
/// Removed: C0 control characters except newline and tab (including CR and ESC), DEL,
/// C1 control characters (U+0080–U+009F), bidirectional overrides, embeddings and isolates
/// (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F, U+061C), the byte order mark
/// U+FEFF, the soft hyphen U+00AD and the noncharacters U+FFFE/U+FFFF.
///
/// Terminal escape sequences are removed whole, not just their ESC, so no payload is left
/// behind as visible junk: CSI (`ESC [` … final byte, or U+009B …), OSC, DCS, SOS, PM and
/// APC strings up to BEL or ST (`ESC \` or U+009C) when the terminator is on the same
/// line, and two-byte `ESC x` sequences. An unterminated string loses only its introducer.
///
/// U+2028 and U+2029 (line and paragraph separators) become newlines; vertical tab and form
/// feed become spaces so that the words they separated stay apart.
public enum TextSanitizer {
    /// The text without control characters, escape sequences or bidi controls.
    public static func sanitize(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard needsSanitizing(bytes[...]) else { return text }
        return String(decoding: sanitize(bytes[...]), as: UTF8.self)
    }

    /// Whether the text holds anything ``sanitize(_:)`` would change.
    public static func isClean(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return !needsSanitizing(bytes[...]) || sanitize(bytes[...]).elementsEqual(bytes)
    }

    /// Whether ``sanitize(_:)-swift.type.method`` would change the UTF-8 bytes: C0 controls other than tab
    /// and newline, DEL, or one of the multi-byte sequences it removes or replaces.
    @inline(__always)
    static func needsSanitizing(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        let end = bytes.endIndex
        // Skip eight ASCII bytes at a time while none is a control character.
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var k = 0
            while k + 8 <= buffer.count {
                let word = UTF8Scan.load(base, k)
                if word & UTF8Scan.highBits != 0 || UTF8Scan.hasByte(word, lessThan: 0x20)
                    || UTF8Scan.hasByte(word, equalTo: 0x7F)
                {
                    break
                }
                k += 8
            }
            i += k
        }
        while i < end {
            let b = bytes[i]
            if b < 0x20 || b == 0x7F {
                if b != 0x09 && b != 0x0A { return true }
            } else if b == 0xC2 || b == 0xD8 || b == 0xE2 || b == 0xEF, removesSequence(bytes, at: i) {
                return true
            }
            i += 1
        }
        return false
    }

    /// Whether the multi-byte sequence at `i` is one that ``sanitize(_:)-swift.type.method`` removes or
    /// replaces (the same tests as there).
    @inline(__always)
    static func removesSequence(_ bytes: ArraySlice<UInt8>, at i: Int) -> Bool {
        let end = bytes.endIndex
        let b = bytes[i]
        if b == 0xC2, i + 1 < end {
            let c = bytes[i + 1]
            return (c >= 0x80 && c <= 0x9F) || c == 0xAD
        } else if b == 0xD8, i + 1 < end {
            return bytes[i + 1] == 0x9C
        } else if b == 0xE2, i + 2 < end {
            let c = bytes[i + 1], d = bytes[i + 2]
            if c == 0x80 && (d == 0x8E || d == 0x8F || (d >= 0xAA && d <= 0xAE)) { return true }
            if c == 0x81 && d >= 0xA6 && d <= 0xA9 { return true }
            return c == 0x80 && (d == 0xA8 || d == 0xA9)
        } else if b == 0xEF, i + 2 < end {
            let c = bytes[i + 1], d = bytes[i + 2]
            return (c == 0xBB && d == 0xBF) || (c == 0xBF && (d == 0xBE || d == 0xBF))
        }
        return false
    }

    /// Sanitizes UTF-8 bytes (which must be valid UTF-8).
    static func sanitize(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x20 || b == 0x7F {
                if b == 0x09 || b == 0x0A {
                    out.append(b)
                    i += 1
                } else if b == 0x0B || b == 0x0C {
                    out.append(0x20)  // vertical tab and form feed separate words
                    i += 1
                } else if b == 0x1B {
                    i = skipEscape(bytes, at: i)
                } else {
                    i += 1
                }
                continue
            }
            if b < 0x80 {
                out.append(b)
                i += 1
                continue
            }
            // Multi-byte sequences that are removed.
            if b == 0xC2, i + 1 < end {
                let c = bytes[i + 1]
                if c >= 0x80 && c <= 0x9F {  // C1 controls
                    i = skipC1(bytes, at: i, control: c)
                    continue
                }
                if c == 0xAD {  // soft hyphen
                    i += 2
                    continue
                }
            } else if b == 0xD8, i + 1 < end, bytes[i + 1] == 0x9C {  // U+061C
                i += 2
                continue
            } else if b == 0xE2, i + 2 < end {
                let c = bytes[i + 1], d = bytes[i + 2]
                if c == 0x80 && (d == 0x8E || d == 0x8F || (d >= 0xAA && d <= 0xAE)) {
                    i += 3
                    continue
                }
                if c == 0x81 && d >= 0xA6 && d <= 0xA9 {
                    i += 3
                    continue
                }
                if c == 0x80 && (d == 0xA8 || d == 0xA9) {  // line/paragraph separator
                    out.append(0x0A)
                    i += 3
                    continue
                }
            } else if b == 0xEF, i + 2 < end {
                let c = bytes[i + 1], d = bytes[i + 2]
                if (c == 0xBB && d == 0xBF) || (c == 0xBF && (d == 0xBE || d == 0xBF)) {
                    i += 3
                    continue
                }
            }
            out.append(b)
            i += 1
        }
        return out
    }

    /// Index just past the escape sequence starting with ESC at `i`.
    static func skipEscape(_ bytes: ArraySlice<UInt8>, at i: Int) -> Int {
        let end = bytes.endIndex
        var k = i + 1
        guard k < end else { return k }
        let introducer = bytes[k]
        switch introducer {
        case 0x5B:  // [ CSI
            return skipCSIBody(bytes, at: k + 1)
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F:  // ] OSC, P DCS, X SOS, ^ PM, _ APC
            return skipString(bytes, at: k + 1) ?? (k + 1)
        case 0x20...0x2F:  // intermediates, then a final byte
            while k < end, bytes[k] >= 0x20, bytes[k] <= 0x2F { k += 1 }
            if k < end, bytes[k] >= 0x30, bytes[k] <= 0x7E { k += 1 }
            return k
        case 0x30...0x7E:
            return k + 1
        default:
            return k
        }
    }

    /// Index just past a C1 control (2 bytes) and, for CSI and string introducers, its body.
    static func skipC1(_ bytes: ArraySlice<UInt8>, at i: Int, control: UInt8) -> Int {
        switch control {
        case 0x9B: return skipCSIBody(bytes, at: i + 2)
        case 0x9D, 0x90, 0x98, 0x9E, 0x9F: return skipString(bytes, at: i + 2) ?? (i + 2)
        default: return i + 2
        }
    }

    /// Skips CSI parameter (0x30–0x3F) and intermediate (0x20–0x2F) bytes and the final byte.
    static func skipCSIBody(_ bytes: ArraySlice<UInt8>, at start: Int) -> Int {
        let end = bytes.endIndex
        var k = start
        while k < end, bytes[k] >= 0x30, bytes[k] <= 0x3F { k += 1 }
        while k < end, bytes[k] >= 0x20, bytes[k] <= 0x2F { k += 1 }
        if k < end, bytes[k] >= 0x40, bytes[k] <= 0x7E { k += 1 }
        return k
    }

    /// Index past the terminator (BEL, `ESC \` or U+009C) of a control string, or `nil`.
    static func skipString(_ bytes: ArraySlice<UInt8>, at start: Int) -> Int? {
        let end = bytes.endIndex
        var k = start
        while k < end {
            let b = bytes[k]
            if b == 0x07 { return k + 1 }
            if b == 0x0A { return nil }
            if b == 0x1B { return k + 1 < end && bytes[k + 1] == 0x5C ? k + 2 : nil }
            if b == 0xC2, k + 1 < end, bytes[k + 1] == 0x9C { return k + 2 }
            k += 1
        }
        return nil
    }
}
