import Articles

/// Fitting text into a number of columns by display width.
public enum TextFit {
    /// `text` cut to at most `width` columns, ending with `…` when it was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        // Printable ASCII (most titles): one byte, one column; cut by bytes.
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return utf8.count <= width ? text : String(decoding: utf8.prefix(width - 1), as: UTF8.self) + "…"
        }
        if DisplayWidth.of(text) <= width { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = DisplayWidth.of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// `text` truncated and padded with spaces to exactly `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        let w = DisplayWidth.of(cut)
        return w < width ? cut + String(repeating: " ", count: width - w) : cut
    }
}
