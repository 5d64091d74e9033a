import Articles
import Foundation

/// Safe file and folder names made from feed data, for the articles Bulletin stores.
///
/// A name is built from letters and digits (any script, lowercased, NFC) with every other
/// run of characters turned into one `-`: so no `/`, `..`, NUL, control or bidi characters,
/// no leading dot, no leading or trailing `-`; and at most ``maximumBytes`` UTF-8 bytes,
/// cut at a character boundary.
public enum ArticleFileName {
    /// Longest name, in UTF-8 bytes.
    public static let maximumBytes = 120

    /// `<date>-<slug>.md`, e.g. `2024-03-01-night-trains-return.md` (`undated-…` without a
    /// date). `suffix` (such as the first digits of the article id) tells apart items that
    /// share a title and day.
    public static func make(date: Date?, title: String, suffix: String? = nil) -> String {
        let day = date.map(ArticleDateFormat.day) ?? "undated"
        let tail = suffix.map(slug).flatMap { $0.isEmpty ? nil : "-" + $0 } ?? ""
        let room = maximumBytes - day.utf8.count - 1 - tail.utf8.count - 3
        var name = truncated(slug(title), bytes: max(room, 0))
        if name.isEmpty { name = "untitled" }
        return "\(day)-\(name)\(tail).md"
    }

    /// The name of a feed's folder: its title as a slug, else its address's host, else `feed`.
    public static func folder(feedTitle: String?, feedURL: String?) -> String {
        if let title = feedTitle.map(slug), !title.isEmpty { return truncated(title, bytes: maximumBytes) }
        if let url = feedURL, let host = URLComponents(string: url)?.host.map(slug), !host.isEmpty {
            return truncated(host, bytes: maximumBytes)
        }
        return "feed"
    }

    /// Letters and digits lowercased, everything else folded into single `-`.
    public static func slug(_ text: String) -> String {
        asciiSlug(text) ?? unicodeSlug(text)
    }

    /// The slug of printable ASCII text (tab and newline allowed) by bytes: the same name as
    /// ``unicodeSlug(_:)`` (which the text would pass through unchanged but for case), a
    /// tenth of the cost; `nil` for any other text.
    static func asciiSlug(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            guard byte < 0x7F, byte >= 0x20 || byte == 0x09 || byte == 0x0A else { return nil }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if pendingDash && !out.isEmpty { out.append(0x2D) }
                pendingDash = false
                out.append(lower)
            } else {
                pendingDash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The slug of any text, `Character` by `Character`.
    static func unicodeSlug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for character in TextSanitizer.sanitize(text).precomposedStringWithCanonicalMapping.lowercased() {
            let keep = character.unicodeScalars.allSatisfy { scalar in
                let p = scalar.properties
                return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
                    || p.generalCategory == .spacingMark
            } && (character.isLetter || character.isNumber)
            if keep {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.append(character)
            } else {
                pendingDash = true
            }
        }
        return out
    }

    /// `text` cut to at most `bytes` UTF-8 bytes at a character boundary, without a final `-`.
    static func truncated(_ text: String, bytes: Int) -> String {
        guard text.utf8.count > bytes else { return text }
        var out = ""
        var count = 0
        for character in text {
            let size = character.utf8.count
            if count + size > bytes { break }
            out.append(character)
            count += size
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
