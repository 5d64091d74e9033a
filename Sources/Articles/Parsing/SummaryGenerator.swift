/// Makes summary bullets for an article whose author wrote none, so that every article
/// can be triaged from its summary.
///
/// The bullets are the first sentence of each of the first body paragraphs (list items
/// excluded), skipping sentences of fewer than five words, then further sentences of
/// those paragraphs, up to three bullets of at most 240 characters (cut at a word, with `…`).
public enum SummaryGenerator {
    /// Most bullets generated.
    public static let maximumBullets = 3
    /// Longest bullet, in characters.
    public static let maximumLength = 240

    /// Up to three bullets from the lead of `sections`.
    public static func bullets(for sections: [ArticleSection]) -> [SummaryBullet] {
        var paragraphs: [String] = []
        for section in sections {
            for paragraph in section.paragraphs where !isListItem(paragraph) {
                paragraphs.append(paragraph)
                if paragraphs.count == 6 { break }
            }
            if paragraphs.count == 6 { break }
        }
        // Each paragraph is split when first needed: the first three usually give the bullets.
        var perParagraph = [[String]?](repeating: nil, count: paragraphs.count)
        func sentences(_ index: Int) -> [String] {
            if let done = perParagraph[index] { return done }
            let split = SentenceSplitter.sentences(in: paragraphs[index], limit: 4).filter(isSubstantial)
            perParagraph[index] = split
            return split
        }
        var chosen: [String] = []
        for index in paragraphs.indices where chosen.count < maximumBullets {
            if let first = sentences(index).first { chosen.append(first) }
        }
        var depth = 1
        while chosen.count < maximumBullets && depth < 4 {
            for index in paragraphs.indices where chosen.count < maximumBullets {
                let split = sentences(index)
                if split.count > depth { chosen.append(split[depth]) }
            }
            depth += 1
        }
        return chosen.map { SummaryBullet(text: shorten($0)) }
    }

    static func isListItem(_ paragraph: String) -> Bool { paragraph.hasPrefix("• ") }

    static func isSubstantial(_ sentence: String) -> Bool {
        // U+3000..<U+A000 are exactly the three-byte UTF-8 sequences that lead with E3...E9.
        if sentence.utf8.contains(where: { $0 >= 0xE3 && $0 <= 0xE9 }) {
            return sentence.count >= 8  // CJK: no spaces between words
        }
        // Space-separated words, counted until the fifth (no array of substrings); by bytes
        // for ASCII, where every byte is a character.
        let ascii = sentence.utf8.withContiguousStorageIfAvailable { bytes in
            hasFiveWords(bytes) { byte in byte < 0x80 ? byte == 0x20 : nil }
        }
        if let ascii, let ascii { return ascii }
        return hasFiveWords(sentence) { $0 == " " } ?? false
    }

    /// Whether `elements` hold five words separated by runs of elements that `isSpace` says
    /// are spaces; `nil` as soon as `isSpace` gives `nil` (the elements cannot be read so).
    private static func hasFiveWords<S: Sequence>(_ elements: S, isSpace: (S.Element) -> Bool?) -> Bool? {
        var words = 0
        var inWord = false
        for element in elements {
            guard let space = isSpace(element) else { return nil }
            if space {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words == 5 { return true }
            }
        }
        return false
    }

    /// ``shorten(_:)`` by bytes when the text's first `maximumLength + 2` bytes are ASCII
    /// without CR (then each is one character: no ASCII pair but CR LF forms one, and no
    /// combining mark follows them); `nil` for other text.
    static func shortenASCII(_ text: String) -> String? {
        let utf8 = text.utf8
        guard utf8.count > maximumLength else { return text }
        let probe = min(utf8.count, maximumLength + 2)
        var bytes = [UInt8]()
        bytes.reserveCapacity(probe)
        for byte in utf8.prefix(probe) {
            if byte >= 0x80 || byte == 0x0D { return nil }
            bytes.append(byte)
        }
        // More than `maximumLength` characters: keep `maximumLength - 1`, cut at the last
        // space when it is past the middle.
        let head = bytes[..<(maximumLength - 1)]
        if let space = head.lastIndex(of: 0x20), space > maximumLength / 2 {
            return String(decoding: head[..<space], as: UTF8.self) + "…"
        }
        return String(decoding: head, as: UTF8.self) + "…"
    }

    /// `text`, or its first characters cut at a space with `…`.
    static func shorten(_ text: String) -> String {
        shortenASCII(text) ?? shortenByCharacters(text)
    }

    /// ``shorten(_:)`` character by character.
    static func shortenByCharacters(_ text: String) -> String {
        // No more bytes than the limit means no more characters either; more than the limit
        // in characters is counted only as far as the limit.
        guard text.utf8.count > maximumLength,
            text.index(text.startIndex, offsetBy: maximumLength, limitedBy: text.endIndex).map({ $0 < text.endIndex }) == true
        else { return text }
        let head = text.prefix(maximumLength - 1)
        if let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) > maximumLength / 2 {
            return String(head[..<space]) + "…"
        }
        return String(head) + "…"
    }
}
