import Foundation

/// Finds the name of the site or publication an article comes from.
///
/// In order of trust: a source line (`Source: Reuters`, `Via The Verge`, `Originally
/// published on Grist`), a promotion line that names the site ("To not miss any news from
/// Presse-citron, follow us…"), and last the host of the article's url (`theverge.com`).
public enum SourceExtractor {
    /// A site name named by a promotion line, or `nil`: "news from Presse-citron",
    /// "follow Saltmarsh Weekly for…", "Subscribe to the Eastgate Evening News newsletter",
    /// "follow us on The Lantern Post". Social networks ("follow us on Google News") are not sites.
    public static func fromPromo(_ line: String) -> String? {
        let ascii = isASCIIForSearch(line)
        // Where each marker first ends, found in one pass over the bytes.
        let ends = ascii ? UTF8Scan.withBytes(line, markerEnds) : []
        for (index, marker) in promoMarkers.enumerated() {
            // Case-insensitive search: by bytes for ASCII lines (where it gives the same
            // matches as Foundation's), else Foundation's.
            let found: String.Index?
            if ascii {
                // A marker with bytes outside ASCII cannot match ASCII text.
                found = ends[index].map { line.utf8.index(line.utf8.startIndex, offsetBy: $0) }
            } else {
                found = line.range(of: marker, options: .caseInsensitive)?.upperBound
            }
            guard let end = found else { continue }
            if let name = capitalisedName(line[end...]), !platforms.contains(name.lowercased()) {
                return name
            }
        }
        return nil
    }

    /// The words after which a promotion line names its site, in the order they are tried.
    static let promoMarkers = [
        "news from ", "articles from ", "stories from ", "updates from ", "the latest from ",
        "newsletter from ", "l'actualité de ", "l’actualité de ", "actualités de ", "les news de ",
        "l'actu de ", "l’actu de ", "nouvelles de ", "infos de ", "articles de ", "follow us on ",
        "follow ", "subscribe to the ", "subscribe to ", "sign up for the ", "get the ", "abonnez-vous à ",
    ]

    /// Each marker's bytes in ASCII lowercase, `nil` for a marker with bytes outside ASCII.
    static let promoMarkerNeedles: [[UInt8]?] = promoMarkers.map { marker in
        let needle = marker.utf8.map(ASCIICase.lower)
        return needle.allSatisfy { $0 < 0x80 } ? needle : nil
    }

    /// For each of ``promoMarkerNeedles``, the offset just past its first occurrence in
    /// `bytes` ignoring ASCII case (``ASCIICase/firstMatchEnd(of:in:)``), or `nil`: one pass,
    /// trying at each byte only the markers that start with it.
    static func markerEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int?] {
        var ends = [Int?](repeating: nil, count: promoMarkerNeedles.count)
        var left = promoMarkerNeedles.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        let byFirst = markerNeedlesByFirstByte
        var i = 0
        while i < bytes.count && left > 0 {
            for index in byFirst[Int(ASCIICase.lower(bytes[i]))] where ends[index] == nil {
                let needle = promoMarkerNeedles[index]!
                if ASCIICase.matches(needle, in: bytes, at: i) {
                    ends[index] = i + needle.count
                    left -= 1
                }
            }
            i += 1
        }
        return ends
    }

    /// The indices of the ASCII ``promoMarkerNeedles``, by their first byte.
    static let markerNeedlesByFirstByte: [[Int]] = {
        var table = [[Int]](repeating: [], count: 256)
        for (index, needle) in promoMarkerNeedles.enumerated() {
            if let first = needle?.first { table[Int(first)].append(index) }
        }
        return table
    }()

    /// ``host(of:)`` on the bytes of an ASCII url (where Foundation's search, `Character`
    /// comparison and lowercasing all work byte by byte): `.some(nil)` for no host, `nil`
    /// when the url has a byte outside ASCII.
    static func asciiHost(_ url: UnsafeBufferPointer<UInt8>) -> String?? {
        for b in url where b >= 0x80 { return nil }
        let n = url.count
        var start = 0
        var i = 0
        while i + 3 <= n {
            if url[i] == 0x3A && url[i + 1] == 0x2F && url[i + 2] == 0x2F {
                start = i + 3
                break
            }
            i += 1
        }
        var end = start
        while end < n, url[end] != 0x2F, url[end] != 0x3F, url[end] != 0x23, url[end] != 0x3A { end += 1 }
        var host = UnsafeBufferPointer(rebasing: url[start..<end])
        if host.count >= 4, ASCIICase.matches(Array("www.".utf8), in: host, at: 0) { host = UnsafeBufferPointer(rebasing: host[4...]) }
        guard host.contains(0x2E) else { return .some(nil) }
        return .some(LineClassifier.asciiLowercased(host))
    }

    /// Whether the line is ASCII apart from punctuation, symbols and emoji that neither fold
    /// to ASCII letters nor join the characters around them, so that an ASCII case-insensitive
    /// byte search finds what Foundation's would.
    static func isASCIIForSearch(_ line: String) -> Bool {
        for scalar in line.unicodeScalars where !scalar.isASCII {
            switch scalar.value {
            case 0xA1...0xBF, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x23FF, 0x2500...0x27BF,
                0x1F300...0x1F3FA, 0x1F400...0x1FAFF:
                continue
            default:
                return false
            }
        }
        return true
    }

    static let platforms: Set<String> = [
        "google news", "google", "facebook", "twitter", "x", "instagram", "whatsapp", "telegram", "linkedin",
        "youtube", "tiktok", "threads", "bluesky", "mastodon", "flipboard", "apple news", "pinterest", "reddit",
    ]

    /// `word` without trailing `,.;:!?()`, and whether there was any.
    static func trimmingTrailingPunctuation(_ word: Substring) -> (Substring, Bool) {
        var word = word
        var trimmed = false
        while let last = word.last, ",.;:!?()".contains(last) {
            word = word.dropLast()
            trimmed = true
        }
        return (word, trimmed)
    }

    static let nameConnectors: Set<String> = ["of", "de", "du", "des", "la", "le", "di", "da", "del", "&", "and"]

    /// The leading run of capitalised words (with `of`, `de`, `du`, `la`… between them).
    static func capitalisedName(_ text: Substring) -> String? {
        // Each word read is kept or ends the loop, and six end it: the seventh piece (the rest
        // of the line) is never read, so the line is split no further than that.
        capitalisedName(pieces: SpaceWords.words(text, limit: 6)
            ?? text.split(separator: " ", maxSplits: 6, omittingEmptySubsequences: true))
    }

    /// ``capitalisedName(_:)`` read from the line's space-separated `pieces` (those it needs).
    static func capitalisedName(pieces: [Substring]) -> String? {
        let connectors = nameConnectors
        var words: [Substring] = []
        for raw in pieces {
            let (word, ends) = trimmingTrailingPunctuation(raw)
            guard let initial = word.unicodeScalars.first else { break }
            let capitalised = initial.properties.isUppercase || initial.properties.numericType != nil
            if capitalised {
                words.append(word)
            } else if !words.isEmpty && connectors.contains(word.lowercased()) && !ends {
                words.append(word)
            } else {
                break
            }
            if ends || words.count > 5 { break }
        }
        while let last = words.last, connectors.contains(last.lowercased()) { words.removeLast() }
        guard !words.isEmpty, words.count <= 5 else { return nil }
        let name = words.joined(separator: " ")
        return name.count <= 40 ? name : nil
    }

    /// A site name and/or url given by a source line, or `nil` when the line is not one.
    public static func fromSourceLine(_ line: String) -> (source: String?, url: String?)? {
        fromSourceLine(line, lower: String(line.prefix(64)).lowercased())
    }

    /// As ``fromSourceLine(_:)`` with the line's lowercased start already computed.
    static func fromSourceLine(_ line: String, lower: String) -> (source: String?, url: String?)? {
        let trimmed = line.trimmingSpaces()
        if urlStarts.matches(lower), trimmed.utf8.count <= 2048, let url = standaloneURL(trimmed) { return (nil, url) }
        if let length = labelSet.match(lower) {
            var value = String(decoding: Array(trimmed.utf8.dropFirst(length)), as: UTF8.self).trimmingSpaces()
            if value.hasPrefix(":") { value = String(value.dropFirst()).trimmingCharacters(in: .whitespaces) }
            guard !value.isEmpty, value.utf8.count <= 200 else { return nil }
            var url: String?
            var nameText = value
            let tokens = SpaceWords.words(value[...]) ?? value.split(separator: " ")
            if let token = tokens.first(where: { mayBeURL($0) && standaloneURL(String($0)) != nil }) {
                url = standaloneURL(String(token))
                nameText = value.replacingOccurrences(of: String(token), with: "")
                    .trimmingCharacters(in: CharacterSet(charactersIn: " ()[]-–—,:"))
            }
            let name = nameText.isEmpty ? nil : leadingName(Substring(nameText), maxWords: 6)
            if name == nil && url == nil { return nil }
            return (name, url)
        }
        return nil
    }

    /// `https://example.com/a` or `www.example.com/a` when the text is just a url.
    public static func standaloneURL(_ text: String) -> String? {
        var t = text
        while let last = t.last, ".,;)>]".contains(last) { t.removeLast() }
        while let first = t.first, "(<[".contains(first) { t.removeFirst() }
        let lower = t.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("www.") else { return nil }
        guard t.utf8.count > 8, !FastText.contains(t, " "), FastText.contains(t, ".") else { return nil }
        return t
    }

    /// Whether ``standaloneURL(_:)`` can accept the text: after any `(`, `<` and `[` bytes
    /// it opens with `h` or `w` in either case (the only letters its url starts open with,
    /// and no other scalar lowercases to them); `false` means it returns `nil`.
    static func mayBeURL(_ text: Substring) -> Bool {
        for b in text.utf8 where b != 0x28 && b != 0x3C && b != 0x5B {
            let lower = ASCIICase.lower(b)
            return lower == 0x68 || lower == 0x77
        }
        return false
    }

    /// The host of a url without `www.`: `https://www.theverge.com/x` → `theverge.com`.
    public static func host(of url: String) -> String? {
        if let host = UTF8Scan.withBytes(url, asciiHost) { return host }
        return unicodeHost(of: url)
    }

    /// ``host(of:)`` for any url, by `Character`s and Foundation's search.
    static func unicodeHost(of url: String) -> String? {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }.lowercased()
        let bare = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        return bare.contains(".") && !bare.isEmpty ? bare : nil
    }

    static let labelSet = PrefixSet(labels)
    static let urlStarts = PrefixSet(["http://", "https://", "www.", "(http", "<http", "[http", "(www.", "<www."])

    static let labels: [String] = [
        "source :", "source:", "sources:", "sources :", "via:", "via ", "url:", "link:", "lien :", "lien:",
        "original:", "canonical:", "originally published on ", "originally published in ",
        "originally published at ", "originally published by ", "first published on ",
        "first published in ", "first published by ", "this article first appeared on ",
        "this article first appeared in ", "this article was originally published on ",
        "this article was originally published in ", "this story originally appeared on ",
        "this story originally appeared in ", "read the original at ", "read the original on ",
        "cet article a été publié sur ", "article publié sur ", "publié initialement sur ",
    ]

    static let nameStops: Set<String> = ["on", "and", "or", "to", "in", "via", "sur", "et", "ou", "for", "with", "by", "at"]

    /// A capitalised name of at most `maxWords` words at the start of `text`, cut at
    /// punctuation or a joining word (`on`, `and`, `sur`…).
    static func leadingName(_ text: Substring, maxWords: Int = 4) -> String? {
        // Each word read is kept or ends the loop, and `maxWords + 1` end it: the line is
        // split no further than that.
        leadingName(pieces: SpaceWords.words(text, limit: maxWords + 1)
            ?? text.split(separator: " ", maxSplits: maxWords + 1, omittingEmptySubsequences: true), maxWords: maxWords)
    }

    /// ``leadingName(_:maxWords:)`` read from the text's space-separated `pieces` (those it needs).
    static func leadingName(pieces: [Substring], maxWords: Int) -> String? {
        var words: [Substring] = []
        let stops = nameStops
        for raw in pieces {
            let (word, ends) = trimmingTrailingPunctuation(raw)
            if !word.isEmpty {
                if !words.isEmpty && stops.contains(word.lowercased()) { break }
                words.append(word)
            }
            if ends || words.count > maxWords { break }
        }
        guard !words.isEmpty, words.count <= maxWords else { return nil }
        guard let initial = words[0].unicodeScalars.first,
              initial.properties.isUppercase || initial.properties.numericType != nil
        else { return nil }
        let name = words.joined(separator: " ")
        return name.count <= 40 ? name : nil
    }
}
