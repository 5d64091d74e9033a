/// The cleanup pipeline every line of an article goes through, in this order:
/// ``EntityRepair`` (entities may encode control characters), ``TextSanitizer``,
/// ``MarkdownInline`` and ``WhitespaceNormalizer``.
///
/// Plain ASCII lines with single spaces and no `&`, `#`, `*`, `_` or `]` skip the passes.
public enum TextCleaner {
    /// One clean line (no newlines, tabs or control characters).
    public static func cleanLine(_ text: String, typography: WhitespaceNormalizer.Typography = .standard) -> String {
        let bytes = Array(text.utf8)
        return cleanLine(bytes[...], typography: typography)
    }

    /// Cleans one line of UTF-8 bytes.
    static func cleanLine(_ bytes: ArraySlice<UInt8>, typography: WhitespaceNormalizer.Typography) -> String {
        if isPlain(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var work: [UInt8]
        if EntityRepair.mayContainReference(bytes) {
            work = EntityRepair.repair(bytes)
        } else {
            work = Array(bytes)
        }
        if TextSanitizer.needsSanitizing(work[...]) { work = TextSanitizer.sanitize(work[...]) }
        if MarkdownInline.needsStripping(work[...]) { work = MarkdownInline.strip(work[...]) }
        work = WhitespaceNormalizer.normalize(work[...], typography: typography)
        return String(decoding: work, as: UTF8.self)
    }

    /// Printable ASCII, no leading/trailing/double spaces, nothing that a pass would change.
    @inline(__always)
    static func isPlain(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
        var previous: UInt8 = 0
        for b in bytes {
            if b < 0x20 || b >= 0x7F { return false }
            switch b {
            case 0x26, 0x23, 0x2A, 0x5F, 0x5D: return false
            case 0x20:
                if previous == 0x20 { return false }
            case 0x2E, 0x2C, 0x3F, 0x21, 0x3A, 0x3B:
                if previous == 0x20 { return false }
            default: break
            }
            previous = b
        }
        return true
    }
}
