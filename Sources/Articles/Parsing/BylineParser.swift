import Foundation

/// Reads an author's name from a byline such as `By Jane Doe`, `Par Jean Dupont`,
/// `Written by Jane Doe`, `Words by Jane Doe`, `Author: Jane Doe`, `Von Max Muster`,
/// `Por Ana García`, optionally followed by a role or a date after `|`, `·`, `,` or a dash
/// (`By Jane Doe | March 3, 2024`).
///
/// The name must look like one: one to six words, each capitalised (or a particle such as
/// `de`, `van`, `von`, `and`), no digits. That keeps sentences like "By the end of the year…"
/// or "Par ailleurs, …" out. A one-word name (`By Reuters`) must stand alone on the line.
public enum BylineParser {
    /// The name and, when the byline has one, the date; `nil` when the line is not a byline.
    public static func parse(_ line: String) -> (name: String, date: Date?)? {
        parse(line, lower: String(line.prefix(24)).lowercased())
    }

    /// As ``parse(_:)``, with the line's lowercased start already computed.
    static func parse(_ line: String, lower: String) -> (name: String, date: Date?)? {
        guard line.utf8.count <= 160 else { return nil }
        guard let rest = afterPrefix(line, lower: lower) else { return nil }
        let (namePart, tail) = splitName(rest)
        let words = SpaceWords.words(namePart[...]) ?? namePart.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...6).contains(words.count), namePart.count <= 60 else { return nil }
        for (index, word) in words.enumerated() {
            guard isNameWord(word, first: index == 0, last: index == words.count - 1) else { return nil }
        }
        let date = tail.isEmpty ? nil : DateLineParser.parse(tail)
        if words.count == 1 {
            guard tail.isEmpty || date != nil else { return nil }
            let lower = namePart.lowercased()
            if DateLineParser.weekdays.contains(lower) || DateLineParser.months[lower] != nil { return nil }
        }
        if date == nil && !tail.isEmpty {
            let tailWords = tail.split(separator: " ").count
            if tailWords > 8 || (tailWords > 4 && tail.hasSuffix(".")) { return nil }
        }
        var name = namePart
        while let last = name.last, last == "," || last == ":" { name.removeLast() }
        return (name, date)
    }

    /// The text after a byline prefix, or `nil`.
    static func afterPrefix(_ line: String, lower head: String) -> String? {
        guard let length = prefixSet.match(head) else { return nil }
        let rest = String(decoding: Array(line.utf8.dropFirst(length)), as: UTF8.self).trimmingSpaces()
        return rest.isEmpty ? nil : rest
    }

    static let prefixSet = PrefixSet(prefixes)

    static let prefixes: [String] = [
        "written by ", "words by ", "story by ", "text by ", "reporting by ", "posted by ",
        "article by ", "by: ", "by ", "par : ", "par: ", "par ", "écrit par ", "ecrit par ",
        "un article de ", "texte de ", "texte : ", "texte: ", "von ", "por ", "author: ", "author : ",
        "authors: ", "words: ", "auteur : ", "auteur: ", "autor: ", "autora: ", "autor : ",
    ]

    /// Splits `Jane Doe | March 3, 2024` into the name and what follows it.
    static func splitName(_ rest: String) -> (String, String) {
        let separators = [" | ", "|", " · ", " • ", ", ", " - ", " – ", " — ", " / ", " on ", " le ", " am ", " el "]
        var cut: Range<String.Index>?
        for separator in separators {
            guard FastText.contains(rest, separator) else { continue }
            if let range = rest.range(of: separator), cut == nil || range.lowerBound < cut!.lowerBound {
                cut = range
            }
        }
        guard let cut else { return (rest, "") }
        let name = String(rest[..<cut.lowerBound]).trimmingCharacters(in: .whitespaces)
        let tail = String(rest[cut.upperBound...]).trimmingCharacters(in: .whitespaces)
        return (name, tail)
    }

    static let particles: Set<String> = [
        "de", "du", "des", "da", "di", "do", "dos", "van", "von", "der", "den", "ter", "le", "la",
        "y", "e", "bin", "al", "el", "and", "et", "und", "&", "st.", "ibn", "d'", "of",
    ]

    static func isNameWord(_ word: Substring, first: Bool, last: Bool) -> Bool {
        if let fast = word.utf8.withContiguousStorageIfAvailable({ asciiIsNameWord($0, first: first, last: last) }),
           let fast
        {
            return fast
        }
        return isNameWordByCharacters(word, first: first, last: last)
    }

    /// ``isNameWord(_:first:last:)`` by `Character`s and scalars, for any word.
    static func isNameWordByCharacters(_ word: Substring, first: Bool, last: Bool) -> Bool {
        let lower = word.lowercased()
        if !first && particles.contains(lower) { return true }
        if lower.hasPrefix("d'") || lower.hasPrefix("d’") || lower.hasPrefix("o'") || lower.hasPrefix("o’") {
            return word.count > 2
        }
        guard let initial = word.unicodeScalars.first, FastText.isUppercase(initial) else { return false }
        for scalar in word.unicodeScalars {
            if FastText.isAlphabetic(scalar) { continue }
            if scalar == "." || scalar == "-" || scalar == "'" || scalar == "’" { continue }
            return false
        }
        if word.hasSuffix(".") && word.count > 4 && !last { return false }
        return true
    }

    /// ``isNameWord(_:first:last:)`` on the bytes of a word of printable ASCII other than the
    /// space (one `Character` per byte, lowercased byte by byte); `nil` for any other word.
    static func asciiIsNameWord(_ w: UnsafeBufferPointer<UInt8>, first: Bool, last: Bool) -> Bool? {
        guard let b0 = w.first else { return nil }
        for b in w where b &- 0x21 >= 0x5E { return nil }
        if !first {
            if particles.contains(ASCIICase.lowercasedString(w)) { return true }
        }
        // `d'…` and `o'…` (the curly forms are not ASCII).
        let l0 = ASCIICase.lower(b0)
        if (l0 == 0x64 || l0 == 0x6F) && w.count >= 2 && w[1] == 0x27 { return w.count > 2 }
        guard b0 &- 0x41 < 26 else { return false }
        for b in w where !(FastText.isASCIILetter(b) || b == 0x2E || b == 0x2D || b == 0x27) { return false }
        if w[w.count - 1] == 0x2E && w.count > 4 && !last { return false }
        return true
    }
}
