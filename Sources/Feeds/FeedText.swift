import Articles
import Foundation

/// Small text helpers shared by the feed readers: every field a reader keeps goes through
/// one of these, so that it is one clean line (Articles' ``TextCleaner``) or a clean address.
enum FeedText {
    /// One clean line (entities decoded, control and bidi characters removed, whitespace
    /// folded), or `nil` when nothing is left.
    static func line(_ text: String?) -> String? {
        guard let text else { return nil }
        let flat = flatten(text)
        let clean = TextCleaner.cleanLine(flat)
        return clean.isEmpty ? nil : clean
    }

    /// `text` sanitised (control and bidi characters removed) on one line, without the rest of
    /// the cleanup: for fields that the readers already cleaned, or that a caller built.
    static func safeLine(_ text: String?) -> String? {
        guard let text else { return nil }
        let clean = trimmed(TextSanitizer.sanitize(flatten(text)))
        return clean.isEmpty ? nil : clean
    }

    /// `text` without spaces and tabs at the ends; by bytes when the ends are ASCII (most
    /// fields), else with Foundation (which also knows the Unicode spaces).
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        if first < 0x80 && last < 0x80 {
            if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return text }
            let start = utf8.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? utf8.endIndex
            guard start != utf8.endIndex else { return "" }
            let end = utf8.lastIndex { $0 != 0x20 && $0 != 0x09 }!
            let slice = text[start...end]
            if let f = slice.utf8.first, let l = slice.utf8.last, f < 0x80, l < 0x80 { return String(slice) }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Tabs and line breaks as spaces.
    static func flatten(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0
        }))
    }

    /// A person's name from `jane@example.org (Jane Doe)`, `Jane Doe <jane@example.org>` or
    /// a plain name.
    static func person(_ text: String?) -> String? {
        guard let text = line(text) else { return nil }
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close,
            text[..<open].contains("@")
        {
            return line(String(text[text.index(after: open)..<close])) ?? text
        }
        if let open = text.firstIndex(of: "<"), text.hasSuffix(">"), open > text.startIndex {
            return line(String(text[..<open])) ?? text
        }
        return text
    }

    /// An identifier (guid, id): sanitised, whitespace removed at the ends and folded inside.
    static func identifier(_ text: String?) -> String? {
        guard let text else { return nil }
        let clean = trimmed(TextSanitizer.sanitize(flatten(text)))
        return clean.isEmpty ? nil : clean
    }

    /// An http(s) address, resolved against `base` when relative; `nil` for anything else
    /// (`javascript:`, `file:`, blank).
    static func link(_ text: String?, base: String? = nil) -> String? {
        guard let text = identifier(text) else { return nil }
        let compact = text.utf8.contains(0x20) ? text.replacingOccurrences(of: " ", with: "%20") : text
        if isWebAddress(compact) { return compact }
        if compact.contains(":") && !compact.hasPrefix("/") {
            // Another scheme (or "host:port" without one): not a link Bulletin follows.
            if let colon = compact.firstIndex(of: ":"),
                compact[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
            {
                return nil
            }
        }
        guard let base, let baseURL = URL(string: base), isWebAddress(base),
            let resolved = URL(string: compact, relativeTo: baseURL)?.absoluteURL.absoluteString,
            isWebAddress(resolved)
        else { return nil }
        return resolved
    }

    /// Whether `text` starts with `http://` or `https://` (any case).
    static func isWebAddress(_ text: String) -> Bool {
        let head = text.prefix(8).lowercased()
        return head.hasPrefix("http://") || head.hasPrefix("https://")
    }

    /// Whether `text` is empty or only whitespace.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// RSS `description` may be plain text or (escaped) HTML: HTML when it holds a tag or an
    /// entity reference.
    static func content(_ text: String) -> FeedContent {
        looksLikeMarkup(text) ? .html(text) : .text(text)
    }

    /// Whether `text` holds `<letter`, `</`, `<!` or `&name;`/`&#…;`.
    static func looksLikeMarkup(_ text: String) -> Bool {
        // Markup needs a `<` or a `&`: most plain descriptions have neither (two memchr passes).
        var copy = text
        let special = copy.withUTF8 { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, 0x3C, buffer.count) != nil || memchr(base, 0x26, buffer.count) != nil
        }
        guard special else { return false }
        var previous: UInt8 = 0
        var inEntity = false
        var entityLength = 0
        for byte in text.utf8 {
            if previous == 0x3C, isASCIILetter(byte) || byte == 0x2F || byte == 0x21 { return true }
            if inEntity {
                if byte == 0x3B, entityLength > 0 { return true }
                if isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x23 {
                    entityLength += 1
                } else {
                    inEntity = false
                }
            }
            if byte == 0x26 {
                inEntity = true
                entityLength = 0
            }
            previous = byte
        }
        return false
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// The text of an HTML snippet (a title, an Atom text construct): tags removed, entities
    /// left for the line cleanup.
    static func htmlToText(_ html: String) -> String {
        guard html.utf8.contains(0x3C) else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count)
        let bytes = Array(html.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x3C, i + 1 < bytes.count,
                isASCIILetter(bytes[i + 1]) || bytes[i + 1] == 0x2F || bytes[i + 1] == 0x21,
                let close = bytes[(i + 1)...].firstIndex(of: 0x3E)
            {
                out.append(0x20)
                i = close + 1
                continue
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Words of a feed body, markup not counted (the teaser test).
    static func wordCount(_ content: FeedContent) -> Int {
        switch content {
        case .text(let text): return WordCounter.count(text)
        case .html(let html): return WordCounter.count(htmlToText(html))
        }
    }

    /// `text`, or its first characters cut at a space with `…` when longer than `limit`.
    static func shorten(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let head = text.prefix(limit - 1)
        if let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) > limit / 2 {
            return String(head[..<space]) + "…"
        }
        return String(head) + "…"
    }
}
