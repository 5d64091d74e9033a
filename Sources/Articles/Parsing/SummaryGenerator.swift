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
        let perParagraph = paragraphs.map { SentenceSplitter.sentences(in: $0, limit: 4).filter(isSubstantial) }
        var chosen: [String] = []
        for sentences in perParagraph where chosen.count < maximumBullets {
            if let first = sentences.first { chosen.append(first) }
        }
        var depth = 1
        while chosen.count < maximumBullets && depth < 4 {
            for sentences in perParagraph where chosen.count < maximumBullets && sentences.count > depth {
                chosen.append(sentences[depth])
            }
            depth += 1
        }
        return chosen.map { SummaryBullet(text: shorten($0)) }
    }

    static func isListItem(_ paragraph: String) -> Bool { paragraph.hasPrefix("• ") }

    static func isSubstantial(_ sentence: String) -> Bool {
        if sentence.unicodeScalars.contains(where: { $0.value >= 0x3000 && $0.value < 0xA000 }) {
            return sentence.count >= 8  // CJK: no spaces between words
        }
        // Space-separated words, counted until the fifth (no array of substrings).
        var words = 0
        var inWord = false
        for character in sentence {
            if character == " " {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words == 5 { return true }
            }
        }
        return false
    }

    /// `text`, or its first characters cut at a space with `…`.
    static func shorten(_ text: String) -> String {
        // No more bytes than the limit means no more characters either.
        guard text.utf8.count > maximumLength, text.count > maximumLength else { return text }
        let head = text.prefix(maximumLength - 1)
        if let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) > maximumLength / 2 {
            return String(head[..<space]) + "…"
        }
        return String(head) + "…"
    }
}
