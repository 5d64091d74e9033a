/// File names made from feed data: no `/`, no NUL or control characters, no leading dot
/// (no hidden files), no `..`, and a byte limit cut on a character boundary.
public enum SafeFileName {
    /// `text` with every unsafe character replaced by `-`, runs of `-` and spaces folded,
    /// leading dots and dashes dropped, and at most `limit` UTF-8 bytes (at most 120).
    public static func make(_ text: String, limit: Int = 120) -> String {
        let limit = min(limit, 120)
        var out = ""
        var lastWasDash = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let unsafe = v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0) || scalar == "/" || scalar == "\\"
                || scalar == ":" || scalar == "*" || scalar == "?" || scalar == "\"" || scalar == "<"
                || scalar == ">" || scalar == "|" || (v >= 0x200E && v <= 0x200F) || (v >= 0x202A && v <= 0x202E)
                || (v >= 0x2066 && v <= 0x2069) || v == 0xFEFF
            if unsafe || scalar == " " || scalar == "\t" {
                if !lastWasDash && !out.isEmpty { out += "-" }
                lastWasDash = true
                continue
            }
            if out.isEmpty && (scalar == "." || scalar == "-") { continue }
            if scalar == "." && out.hasSuffix(".") { continue }  // no `..` anywhere
            if out.utf8.count + String(scalar).utf8.count > limit { break }
            out.unicodeScalars.append(scalar)
            lastWasDash = scalar == "-"
        }
        while out.hasSuffix("-") || out.hasSuffix(".") { out.removeLast() }
        return out
    }

    /// A lowercase slug of a title: letters and digits kept, everything else a single `-`.
    public static func slug(_ title: String) -> String {
        var out = ""
        var pendingDash = false
        for character in title.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.append(character)
            } else {
                pendingDash = true
            }
        }
        return out
    }
}
