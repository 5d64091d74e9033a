/// Removes inline Markdown markup that would otherwise show as punctuation:
/// `[text](url)` → `text`, `![alt](url)` → nothing, `**strong**` and `__strong__` → `strong`,
/// and a whole line in emphasis (`*Photo: X*`, `_Photo: X_`) → its text.
public enum MarkdownInline {
    /// The text without inline link, image and strong markup.
    public static func strip(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard needsStripping(bytes[...]) else { return text }
        return String(decoding: strip(bytes[...]), as: UTF8.self)
    }

    @inline(__always)
    static func needsStripping(_ bytes: ArraySlice<UInt8>) -> Bool {
        if isWholeLineEmphasis(bytes) { return true }
        return bytes.withUnsafeBufferPointer(hasMarkupPair)
    }

    /// Whether `](`, `**` or `__` occurs, eight pairs of bytes at a time.
    static func hasMarkupPair(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        let n = buffer.count
        var i = 0
        while i + 9 <= n {
            // The pairs that start at i..<i+8: each byte with the one after it.
            let w = UTF8Scan.load(base, i), x = UTF8Scan.load(base, i + 1)
            let link = UTF8Scan.lanes(w, equalTo: 0x5D) & UTF8Scan.lanes(x, equalTo: 0x28)
            let stars = UTF8Scan.lanes(w, equalTo: 0x2A) & UTF8Scan.lanes(x, equalTo: 0x2A)
            let underscores = UTF8Scan.lanes(w, equalTo: 0x5F) & UTF8Scan.lanes(x, equalTo: 0x5F)
            if link | stars | underscores != 0 { return true }
            i += 8
        }
        var previous: UInt8 = i > 0 ? base[i - 1] : 0
        while i < n {
            let b = base[i]
            if (b == 0x28 && previous == 0x5D) || (b == 0x2A && previous == 0x2A) || (b == 0x5F && previous == 0x5F) {
                return true
            }
            previous = b
            i += 1
        }
        return false
    }

    /// `*text*` or `_text_` around the whole line (not a `* ` list marker).
    static func isWholeLineEmphasis(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 3, let first = bytes.first, let last = bytes.last,
              first == 0x2A || first == 0x5F, last == first
        else { return false }
        let second = bytes[bytes.startIndex + 1]
        let beforeLast = bytes[bytes.endIndex - 2]
        return second != 0x20 && second != first && beforeLast != 0x20 && beforeLast != first
    }

    static func strip(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        if isWholeLineEmphasis(bytes) {
            return strip(bytes[(bytes.startIndex + 1)..<(bytes.endIndex - 1)])
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b == 0x5B || (b == 0x21 && i + 1 < end && bytes[i + 1] == 0x5B) {  // [ or ![
                let image = b == 0x21
                let open = image ? i + 1 : i
                if let link = linkEnd(bytes, openBracket: open) {
                    if !image { out.append(contentsOf: bytes[(open + 1)..<link.closeBracket]) }
                    i = link.end
                    continue
                }
            }
            if (b == 0x2A || b == 0x5F), i + 1 < end, bytes[i + 1] == b {
                i += 2  // strong markers
                continue
            }
            out.append(b)
            i += 1
        }
        return out
    }

    /// For `[text](target)` starting at `openBracket`: the `]` index and the index past `)`.
    static func linkEnd(_ bytes: ArraySlice<UInt8>, openBracket: Int) -> (closeBracket: Int, end: Int)? {
        let end = bytes.endIndex
        var k = openBracket + 1
        while k < end, bytes[k] != 0x5D, bytes[k] != 0x5B { k += 1 }
        guard k + 1 < end, bytes[k] == 0x5D, bytes[k + 1] == 0x28 else { return nil }
        let close = k
        var j = k + 2
        while j < end, bytes[j] != 0x29, bytes[j] != 0x20 { j += 1 }
        guard j < end, bytes[j] == 0x29 else { return nil }
        return (close, j + 1)
    }
}
