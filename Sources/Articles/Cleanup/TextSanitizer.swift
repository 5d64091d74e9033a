/// Removes everything that could make a terminal do something other than print text.
///
/// Removed: every scalar in ``UnsafeCharacters`` except newline and tab (C0 and C1
/// controls, ESC, DEL, bidirectional marks, embeddings, overrides and isolates, the
/// interlinear annotation controls, the byte order mark, the soft hyphen and the
/// noncharacters U+FFFE/U+FFFF).
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

    /// The text sanitized as one line: as ``sanitize(_:)`` with tabs and line breaks made
    /// spaces. For text that did not come through the parser (JSON read back from a file).
    public static func sanitizeLine(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard UnsafeCharacters.containsUnsafe(bytes[...]) else { return text }
        let clean = sanitize(bytes[...]).map { $0 == 0x09 || $0 == 0x0A ? 0x20 : $0 }
        return String(decoding: clean, as: UTF8.self)
    }

    /// Whether the text holds anything ``sanitize(_:)`` would change.
    public static func isClean(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return !needsSanitizing(bytes[...]) || sanitize(bytes[...]).elementsEqual(bytes)
    }

    /// Whether ``sanitize(_:)-swift.type.method`` would change the UTF-8 bytes: an unsafe
    /// character other than tab and newline (``UnsafeCharacters``).
    @inline(__always)
    static func needsSanitizing(_ bytes: ArraySlice<UInt8>) -> Bool {
        UnsafeCharacters.containsUnsafeExceptTabAndNewline(bytes)
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
            if b < 0x80 || !UnsafeCharacters.isUnsafeMultiByte(bytes, at: i) {
                out.append(b)
                i += 1
                continue
            }
            // An unsafe multi-byte scalar (lead byte C2, D8, E2 or EF).
            if b == 0xC2, bytes[i + 1] <= 0x9F {  // C1 controls, with the body of CSI and strings
                i = skipC1(bytes, at: i, control: bytes[i + 1])
            } else if b == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                out.append(0x0A)  // line/paragraph separator
                i += 3
            } else {
                i += b < 0xE0 ? 2 : 3
            }
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
