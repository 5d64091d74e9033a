import Foundation

/// Classifies one clean, non-empty line on its own (see ``LineKind``).
///
/// Checks run from the most specific to the most general: Markdown heading, rule, widget
/// artifact, bullet, summary and about-the-author headings, credit, url/source line,
/// byline, dateline, promotion. Lines longer than 400 bytes are body text unless they are a
/// heading or a bullet: metadata and widgets are short.
public enum LineClassifier {
    /// The kind of a clean line.
    public static func classify(_ line: String) -> LineKind {
        classify(line, promoSources: true)
    }

    /// The kind of a clean line; with `promoSources` false, promotion lines get no source
    /// (the parser looks for it later, only when the article needs one).
    static func classify(_ line: String, promoSources: Bool) -> LineKind {
        // Most lines are paragraphs, told apart on their bytes (see ``ByteLineClassifier``).
        if UTF8Scan.withBytes(line, ByteLineClassifier.isBodyText) { return .text }
        // List items and `©` credits, told apart on their first bytes.
        switch UTF8Scan.withBytes(line, ByteLineClassifier.markedKind) {
        case .bullet: return .bullet(text: FastText.trimmingWhitespace(line.dropFirst()), marker: "•")
        case .copyright: return .credit(line)
        case nil: return classifyFully(line, promoSources: promoSources)
        }
    }

    /// ``classify(_:promoSources:)`` without the byte shortcut for paragraphs: every check
    /// made on the line's strings.
    static func classifyFully(_ line: String, promoSources: Bool) -> LineKind {
        if let heading = markdownHeading(line) {
            switch headingRole(heading.text) {
            case .summary: return .summaryHeading
            case .aboutAuthor: return .aboutAuthorHeading
            case .none: return .heading(level: heading.level, text: heading.text)
            }
        }
        if let rule = rule(line) { return .rule(rule) }
        if !hasLetterOrDigit(line) { return .artifact }
        if let bullet = bullet(line) {
            return hasLetterOrDigit(bullet.text) ? .bullet(text: bullet.text, marker: bullet.marker) : .artifact
        }
        guard line.utf8.count <= 400 else { return .text }

        let length = line.utf8.count
        let stripped = strippingLeadingSymbols(line)
        // (A text of at most 64 bytes has at most 64 characters: no need to count them.)
        let head = lowerKey(stripped.utf8.count <= 64 ? stripped : stripped.prefix(64))
        if length <= 24 && widgetLines.contains(head) { return .artifact }
        if length <= 48 {
            // `head` is the line's ``matchKey(_:)`` here: the whole line is under 64 bytes.
            switch headingRole(key: head) {
            case .summary: return .summaryHeading
            case .aboutAuthor: return .aboutAuthorHeading
            case .none: break
            }
        }
        if let credit = credit(line, lower: head) { return .credit(credit) }
        // A source line opens with a url start or a label (checked first: most lines do not).
        if SourceExtractor.urlStarts.matches(head) || SourceExtractor.labelSet.matches(head),
           let reference = SourceExtractor.fromSourceLine(String(stripped), lower: head)
        {
            return .reference(source: reference.source, url: reference.url)
        }
        if length <= 160, BylineParser.prefixSet.matches(head),
           let byline = BylineParser.parse(String(stripped), lower: head)
        {
            return .byline(name: byline.name, date: byline.date)
        }
        if length <= 100, FastText.hasFourDigitRun(line), let date = DateLineParser.parse(line) { return .date(date) }
        if promoPrefixSet.matches(head) { return .promo(source: promoSources ? SourceExtractor.fromPromo(line) : nil) }
        if length <= 220 && promoPhraseSet.occurs(inLowerKeyOf: stripped) {
            return .promo(source: promoSources ? SourceExtractor.fromPromo(line) : nil)
        }
        // A short line opened by an emoji or symbol that asks to follow or subscribe.
        if length <= 220, stripped.startIndex != line.startIndex, callToActionSet.occurs(inLowerKeyOf: stripped) {
            return .promo(source: promoSources ? SourceExtractor.fromPromo(line) : nil)
        }
        return .text
    }

    // MARK: Headings

    /// `## Heading` → level 2 and the text without the markers.
    static func markdownHeading(_ line: String) -> (level: Int, text: String)? {
        guard line.utf8.first == 0x23, line.first == "#" else { return nil }
        var level = 0
        var index = line.startIndex
        while index < line.endIndex, line[index] == "#", level < 7 {
            level += 1
            index = line.index(after: index)
        }
        guard (1...6).contains(level), index < line.endIndex, line[index] == " " else { return nil }
        var text = FastText.trimmingWhitespace(line[index...])
        while text.hasSuffix("#") { text.removeLast() }
        text = FastText.trimmingWhitespace(text[...])
        return text.isEmpty ? nil : (level, text)
    }

    enum HeadingRole { case summary, aboutAuthor }

    /// Whether a short line announces the summary or the author's bio.
    static func headingRole(_ line: String) -> HeadingRole? {
        guard line.utf8.count <= 48 else { return nil }
        return headingRole(key: matchKey(line))
    }

    /// ``headingRole(_:)`` of a line of at most 48 bytes whose ``matchKey(_:)`` is `key`.
    static func headingRole(key matchKey: String) -> HeadingRole? {
        var key = matchKey
        while let last = key.last, last == ":" || last == " " || last == "." || last == "*" { key.removeLast() }
        if summaryHeadings.contains(key) { return .summary }
        if aboutAuthorHeadings.contains(key) { return .aboutAuthor }
        return nil
    }

    static let summaryHeadings: Set<String> = [
        "key points", "key takeaways", "takeaways", "key facts", "in brief", "in short", "briefly",
        "tl;dr", "tldr", "tl, dr", "tl dr", "summary", "article summary", "highlights", "what you need to know",
        "need to know", "at a glance", "the essentials", "quick read", "the short version",
        "à retenir", "a retenir", "ce qu'il faut retenir", "les points clés", "points clés", "en bref",
        "l'essentiel", "en résumé", "résumé", "das wichtigste in kürze", "in kürze", "auf einen blick",
        "lo esencial", "en resumen", "puntos clave",
    ]

    static let aboutAuthorHeadings: Set<String> = [
        "about the author", "about the authors", "about the writer", "about author", "author bio",
        "about me", "à propos de l'auteur", "a propos de l'auteur", "à propos de l'autrice",
        "l'auteur", "l'autrice", "über den autor", "über die autorin", "sobre el autor", "sobre la autora",
    ]

    /// A rule or setext underline: three or more of one of `- = * _`, spaces allowed.
    static func rule(_ line: String) -> Character? {
        guard let byte = line.utf8.first, byte == 0x2D || byte == 0x3D || byte == 0x2A || byte == 0x5F else { return nil }
        guard let first = line.first, "-=*_".contains(first) else { return nil }
        var count = 0
        for character in line where character != " " {
            guard character == first else { return nil }
            count += 1
        }
        return count >= 3 ? first : nil
    }

    // MARK: Bullets

    static let symbolMarkers: Set<Character> = ["•", "▪", "◦", "‣", "●", "■", "►", "▸", "✓", "✔", "➤", "·", "○", "□", "▫", "⁃", "∙"]

    /// `• text`, `- text`, `* text`, `+ text`, `1. text`, `2) text` → the text and marker.
    static func bullet(_ line: String) -> (text: String, marker: String)? {
        // The symbol markers are all outside ASCII; in ASCII only `- * +` and digits matter.
        guard let byte = line.utf8.first,
              byte >= 0x80 || byte == 0x2D || byte == 0x2A || byte == 0x2B || (byte >= 0x30 && byte <= 0x39)
        else { return nil }
        guard let first = line.first else { return nil }
        if symbolMarkers.contains(first) {
            let text = FastText.trimmingWhitespace(line.dropFirst())
            return (text, "•")
        }
        if first == "-" || first == "*" || first == "+" {
            let rest = line.dropFirst()
            guard rest.first == " " else { return nil }
            return (FastText.trimmingWhitespace(rest), "•")
        }
        if first.isASCII, first.isNumber {
            var digits = 0
            var index = line.startIndex
            while index < line.endIndex, line[index].isASCII, line[index].isNumber, digits < 3 {
                digits += 1
                index = line.index(after: index)
            }
            guard index < line.endIndex, line[index] == "." || line[index] == ")" else { return nil }
            let markerEnd = line.index(after: index)
            guard markerEnd < line.endIndex, line[markerEnd] == " " else { return nil }
            let text = FastText.trimmingWhitespace(line[markerEnd...])
            // "3. März 2024" is a date, not item 3.
            if DateLineParser.parse(line) != nil { return nil }
            return (text, String(line[..<markerEnd]))
        }
        return nil
    }

    // MARK: Credits

    static let creditPrefixes: [String] = [
        "photo credit", "photo :", "photo:", "photos:", "photos :", "photo by ", "photo courtesy", "photograph:",
        "photograph by ", "photography:", "photography by ", "image:", "image :", "image by ",
        "image credit", "image courtesy", "images:", "credit:", "credits:", "credit :", "crédit",
        "illustration:", "illustration :", "illustration by ", "picture:", "pic:", "foto:", "fotos:",
        "cover image", "header image", "featured image", "lead image", "top image", "main image",
        "visuel :", "visuel:", "copyright ", "(c) ", "bild:", "写真：", "写真:", "画像：", "撮影：", "图片：",
        "图片:", "照片：", "摄影：", "사진=", "사진:", "사진 :",
    ]

    static let creditPrefixSet = PrefixSet(creditPrefixes)

    static let creditInitials: Set<UInt8> = Set(creditPrefixes.compactMap { $0.utf8.first })

    /// The credit text of a credit line: a `©` line verbatim, a labelled one without its label.
    static func credit(_ line: String, lower: String) -> String? {
        guard line.utf8.count <= 240 else { return nil }
        if line.utf8.first == 0xC2, line.hasPrefix("©") { return line }
        guard let initial = lower.utf8.first, creditInitials.contains(initial) else { return nil }
        if let length = creditPrefixSet.match(lower) {
            let prefix = String(decoding: Array(lower.utf8.prefix(length)), as: UTF8.self)
            if prefix.hasSuffix(":") || prefix.hasSuffix("：") || prefix.hasSuffix("=") || prefix == "crédit" {
                if let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" || $0 == "=" }),
                   line.distance(from: line.startIndex, to: colon) <= 24
                {
                    let value = FastText.trimmingWhitespace(line[line.index(after: colon)...])
                    return value.isEmpty ? nil : value
                }
            }
            return line
        }
        return nil
    }

    // MARK: Promotion and widgets

    /// Lowercased, curly apostrophes straightened, leading symbols and emoji dropped;
    /// at most the first 160 characters.
    static func matchKey(_ line: String) -> String {
        lowerKey(strippingLeadingSymbols(line.utf8.count <= 160 ? line[...] : line.prefix(160)))
    }

    /// Lowercased with curly apostrophes straightened.
    static func lowerKey<S: StringProtocol>(_ text: S) -> String {
        // Text of known scalars (ASCII, Latin-1, caseless punctuation and emoji): one copy,
        // lowercased and straightened byte by byte.
        if let lowered = text.utf8.withContiguousStorageIfAvailable({
            KnownLowercase.lowercased($0, straighteningApostrophes: true)
        }), let lowered {
            return lowered
        }
        return FastText.straightenApostrophes(text.lowercased())
    }

    /// The ASCII bytes as a lowercase string, or `nil` when a byte is not ASCII.
    static func asciiLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        for b in bytes where b >= 0x80 { return nil }
        return ASCIICase.lowercasedString(bytes)
    }

    /// The text from its first letter, digit, `[`, `#` or `©` on.
    static func strippingLeadingSymbols<S: StringProtocol>(_ text: S) -> S.SubSequence {
        var key = text[...]
        while let first = key.unicodeScalars.first {
            if first.isASCII {  // the same test without property lookups
                let v = first.value
                if FastText.isASCIIAlphanumeric(UInt8(v)) || v == 0x5B || v == 0x23 || v == 0x28 || v == 0x3C {
                    break
                }
                key = key.dropFirst()
                continue
            }
            if first.properties.isAlphabetic || first.properties.numericType != nil || first == "©" { break }
            key = key.dropFirst()
        }
        return key
    }

    static let widgetLines: Set<String> = [
        "[x]", "[ x ]", "[…]", "[...]", "loading", "loading…", "loading...", "share", "share this",
        "shares", "tweet", "email", "e-mail", "print", "facebook", "twitter", "x", "whatsapp",
        "linkedin", "pinterest", "reddit", "telegram", "flipboard", "copy link", "copy", "save",
        "menu", "home", "search", "close", "newsletter", "top", "back to top", "next", "previous",
        "more", "comments", "comment", "reply", "like", "advertisement", "ad", "sponsored",
        "partager", "publicité", "commentaires", "retour en haut", "werbung", "anzeige", "teilen",
        "continue reading", "read more", "lire la suite", "en savoir plus", "learn more", "skip to content",
    ]

    static let promoPrefixes: [String] = [
        "spread the love", "share this", "share on ", "share:", "share via", "share the article",
        "tweet this", "follow us", "follow me", "subscribe to ", "subscribe now", "subscribe for ",
        "subscribe:", "subscribe here", "sign up for ", "sign up to ", "sign up now", "sign up here",
        "join our ", "get our newsletter", "get the newsletter", "read more:", "read more ", "read also",
        "read next", "also read", "related:", "related articles", "related posts", "related stories",
        "related reading", "see also", "you may also like", "you might also like", "recommended for you",
        "recommended:", "advertisement", "sponsored content", "click here", "tap here", "to not miss",
        "not to miss", "don't miss", "never miss", "to never miss", "download our app", "download the app",
        "leave a comment", "continue reading", "lire aussi", "à lire aussi", "a lire aussi", "lire la suite",
        "abonnez-vous", "inscrivez-vous", "suivez-nous", "partager", "partagez", "publicité",
        "pour ne rien manquer", "ne manquez", "retrouvez-nous", "like us on", "find us on",
        "this post contains affiliate", "this article contains affiliate", "we may earn", "tags:",
        "filed under", "categories:", "category:", "watch:", "listen:", "also on ", "more from ",
        "more stories", "trending:", "sponsored:", "auch interessant", "lesen sie auch", "mehr zum thema",
        "te puede interesar", "lee también", "get the latest", "stay up to date", "stay informed",
        "enjoyed this? sign up", "enjoyed this? subscribe", "enjoyed this article? sign up", "like this? sign up",
    ]

    static let promoPrefixSet = PrefixSet(promoPrefixes)

    static let promoPhrases: [String] = [
        "on google news", "follow us on", "follow us", "subscribe to our", "sign up for our", "sign up to our",
        "our newsletter", "join us on", "suivez-nous", "abonnez-vous", "sur google news", "à notre newsletter",
        "in your inbox", "share this article", "share this story", "so you never miss", "never miss a story",
        "on your favourite app", "on your favorite app", "newsletter for free",
    ]

    /// Words of a call to action, checked only on lines that open with an emoji or symbol.
    static let callToActionWords: [String] = [
        "follow ", "subscribe", "sign up", "newsletter", "never miss", "download ", "join ",
    ]

    static let promoPhraseSet = PhraseSet(promoPhrases)
    static let callToActionSet = PhraseSet(callToActionWords)

    // MARK: Helpers

    /// Whether the text has at least one letter or digit.
    static func hasLetterOrDigit(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                if FastText.isASCIIAlphanumeric(UInt8(scalar.value)) { return true }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                return true
            }
        }
        return false
    }
}
