/// The cleanup pipeline every line of an article goes through, in this order:
/// ``EntityRepair`` (entities may encode control characters), ``TextSanitizer``,
/// ``MarkdownInline`` and ``WhitespaceNormalizer``.
///
/// Lines with single spaces, no `&`, `#`, `*`, `_` or `]`, and no control, bidi or special
/// space characters (most lines of most articles) skip the passes.
public enum TextCleaner {
    /// One clean line (no newlines, tabs or control characters).
    public static func cleanLine(_ text: String, typography: WhitespaceNormalizer.Typography = .standard) -> String {
        let bytes = Array(text.utf8)
        return cleanLine(bytes[...], typography: { typography })
    }

    /// Cleans one line of UTF-8 bytes; `typography` is asked only when the line needs it.
    static func cleanLine(_ bytes: ArraySlice<UInt8>, typography: () -> WhitespaceNormalizer.Typography) -> String {
        if isPlain(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var work: [UInt8]
        if EntityRepair.mayContainReference(bytes) {
            work = EntityRepair.repair(bytes)
        } else {
            work = Array(bytes)
        }
        if TextSanitizer.needsSanitizing(work[...]) { work = TextSanitizer.sanitize(work[...]) }
        if MarkdownInline.needsStripping(work[...]) { work = MarkdownInline.strip(work[...]) }
        return WhitespaceNormalizer.normalizedString(work[...], typography: typography)
    }

    /// No control characters, no leading/trailing/double spaces, no space before punctuation,
    /// no `& # * _ ]`, and no multi-byte sequence that a pass removes or treats as a space:
    /// nothing that a pass would change.
    @inline(__always)
    static func isPlain(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
        return bytes.withUnsafeBufferPointer(plainByWords)
    }

    /// ``isPlain(_:)`` for a line whose first and last bytes are not spaces: eight ASCII bytes
    /// at a time, and a byte at a time (by the table) around each multi-byte sequence.
    static func plainByWords(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        let n = buffer.count
        /// 0x80 in each lane of `w` that holds `b`.
        @inline(__always) func lanes(_ w: UInt64, _ b: UInt8) -> UInt64 { UTF8Scan.lanes(w, equalTo: b) }
        var i = 0
        var spaceBefore: UInt64 = 0  // 0x80 when the byte before `i` is a space
        while i < n {
            if i + 8 <= n {
                let w = UTF8Scan.load(base, i)
                if w & UTF8Scan.highBits == 0 {
                    @inline(__always) func atLeast(_ a: UInt8) -> UInt64 { UTF8Scan.lanes(ascii: w, atLeast: a) }
                    // Controls.
                    var bad = ~atLeast(0x20) & UTF8Scan.highBits
                    // DEL and `& # * _ ]`, looked for only when a lane is in 0x23...0x2A,
                    // 0x5D...0x5F or is 0x7F (most blocks of prose have none).
                    let suspects = (atLeast(0x23) & ~atLeast(0x2B)) | (atLeast(0x5D) & ~atLeast(0x60)) | atLeast(0x7F)
                    if suspects & UTF8Scan.highBits != 0 {
                        bad |= lanes(w, 0x7F) | lanes(w, 0x26) | lanes(w, 0x23) | lanes(w, 0x2A) | lanes(w, 0x5F) | lanes(w, 0x5D)
                    }
                    // A space before a space or `. , ? ! : ;`, looked for only when a byte
                    // after a space is below 0x40 (a letter follows most spaces).
                    let spaces = lanes(w, 0x20)
                    let afterSpace = spaces << 8 | spaceBefore
                    if afterSpace & ~atLeast(0x40) != 0 {
                        let follows = spaces | lanes(w, 0x2E) | lanes(w, 0x2C) | lanes(w, 0x3F) | lanes(w, 0x21)
                            | lanes(w, 0x3A) | lanes(w, 0x3B)
                        bad |= afterSpace & follows
                    }
                    if bad != 0 { return false }
                    spaceBefore = spaces >> 56
                    i += 8
                    continue
                }
            }
            let f = byteFlags[Int(base[i])]
            if f & 8 != 0 {
                if isSpecialSequence(buffer, at: i) { return false }
                spaceBefore = 0
            } else {
                if f & 1 != 0 || (spaceBefore != 0 && f & 4 != 0) { return false }
                spaceBefore = f & 2 != 0 ? 0x80 : 0
            }
            i += 1
        }
        return true
    }

    /// ``isPlain(_:)`` by the byte table, for any line.
    static func isPlainByTable(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
        let flags = byteFlags
        // One branch-free pass decides ASCII lines; a line with a multi-byte sequence takes
        // the exact walk below (which gives the same answer for everything else).
        let summary = bytes.withUnsafeBufferPointer { buffer in
            flags.withUnsafeBufferPointer { table -> UInt32 in
                // Bit 0: a never-plain byte; bit 1: a space before a space or punctuation;
                // bit 3: a non-ASCII byte.
                var acc: UInt32 = 0
                var afterSpace: UInt32 = 0
                for b in buffer {
                    let f = UInt32(table[Int(b)])
                    acc |= (f & 9) | (afterSpace & (f >> 1))
                    afterSpace = f & 2
                }
                return acc
            }
        }
        if summary & 3 != 0 { return false }
        if summary == 0 { return true }
        return bytes.withUnsafeBufferPointer { buffer in
            flags.withUnsafeBufferPointer { table in
                // Without branches on ASCII: `bad` collects rejections, `afterSpace` is 1 after a space.
                var bad: UInt8 = 0
                var afterSpace: UInt8 = 0
                for i in 0..<buffer.count {
                    let f = table[Int(buffer[i])]
                    if f & 8 != 0 {
                        if isSpecialSequence(bytes, at: bytes.startIndex + i) { return false }
                        afterSpace = 0
                        continue
                    }
                    bad |= (f | afterSpace & (f >> 2)) & 1
                    afterSpace = (f >> 1) & 1
                }
                return bad == 0
            }
        }
    }

    /// For ``isPlain(_:)``, bits of each byte: 1 never plain (controls, DEL, `& # * _ ]`),
    /// 2 a space, 4 must not follow a space (a space, `. , ? ! : ;`), 8 non-ASCII.
    static let byteFlags: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
        switch b {
        case 0..<0x20, 0x7F, 0x26, 0x23, 0x2A, 0x5F, 0x5D: return 1
        case 0x20: return 2 | 4
        case 0x2E, 0x2C, 0x3F, 0x21, 0x3A, 0x3B: return 4
        case 0x80...: return 8
        default: return 0
        }
    }

    /// Whether the multi-byte sequence at `i` is one that ``TextSanitizer`` removes (an
    /// ``UnsafeCharacters`` scalar) or ``WhitespaceNormalizer`` reads as a space (a superset
    /// of both is fine; a sequence cut short counts).
    @inline(__always)
    static func isSpecialSequence<C: RandomAccessCollection>(_ bytes: C, at i: Int) -> Bool
    where C.Element == UInt8, C.Index == Int {
        let b = bytes[i]
        let end = bytes.endIndex
        switch b {
        case 0xC2:  // C1 controls, no-break space, soft hyphen
            guard i + 1 < end else { return true }
            return bytes[i + 1] == 0xA0 || UnsafeCharacters.isUnsafeMultiByte(bytes, at: i)
        case 0xD8:  // U+061C
            return i + 1 >= end || UnsafeCharacters.isUnsafeMultiByte(bytes, at: i)
        case 0xE1:  // U+1680
            return i + 2 >= end || (bytes[i + 1] == 0x9A && bytes[i + 2] == 0x80)
        case 0xE2:
            guard i + 2 < end else { return true }
            let c = bytes[i + 1], d = bytes[i + 2]
            if c == 0x80 && (d <= 0x8F || d == 0xAF) { return true }  // spaces, zero-width characters
            if c == 0x81 && d == 0x9F { return true }  // U+205F
            return UnsafeCharacters.isUnsafeMultiByte(bytes, at: i)
        case 0xEF:  // BOM, annotations, noncharacters
            return i + 2 >= end || UnsafeCharacters.isUnsafeMultiByte(bytes, at: i)
        default:
            return false
        }
    }
}
