import Articles
import Foundation

/// Deterministic messy variants of the parser fixtures, and a digest of everything the
/// parser and the word wrapper make of them, so that performance work can be checked to
/// leave every output unchanged (see ``ParserRegressionTests``).
enum ParserRegressionCorpus {
    /// Pieces inserted at random places: entities (whole and broken), control and bidi
    /// characters, Unicode spaces before punctuation, Markdown, combining marks, emoji
    /// sequences, CJK, line breaks, and the metadata and promotion lines the parser knows.
    static let pieces: [String] = [
        "\u{00A0}", "\u{202F}", "\u{2007}", " ", "  ", "\t", "’", "“", "”", "—", "–", "…", "&amp;", "&#8217;",
        ";#8217;", "&# 8211;", "&nbsp;", "&amp;amp;", "\u{1B}[31m", "\u{200E}", "\u{202E}", "\u{00AD}", "\u{FEFF}",
        "\u{0301}", "e\u{0301}", "日本語", "한국어", "😀", "👍🏽", "🇫🇷", "👩‍💻", "**", "__", "[link](http://x.example/a)",
        "![img](a.png)", "*", "_", "]", "#", "?", "!", ":", ";", ".", ",", " ?", "\u{00A0}?", "\u{00A0}!", " .",
        "\r", "\u{0C}", "\u{2028}", "İ", "ß", "Σ", "ﬁ", "\u{3000}", "é", "à", "Ç", "\u{0085}", "©", "•", "- ",
        "1. ", "\n", "\n\n", "\n\n", "\nShare\n", "\nBy Jane Doe\n", "\nPar Jean Dupont\n", "\nPhoto: Ana Lee\n",
        "\nKey points\n", "\n• A bullet point here\n", "\nFollow us on X\n", "\nSource: Harbour Ledger\n",
        "\n🔔 Follow Harbour Ledger on your favourite app so you never miss a story.\n",
        "\nhttps://www.example.com/a/b\n", "\n2024-03-05\n", "le la les des est une et ", "\u{200D}", "\u{FE0F}",
        "Ａ", "。", "！", "\u{0600}", "\u{1100}", "\u{AC00}", "\n## A heading\n", "\n---\n", "\n# Title\n",
    ]

    /// The fixtures used, each with its seed.
    static let fixtures: [(name: String, seed: UInt64)] = [
        ("cjk.txt", 1), ("escapes.txt", 2), ("french.txt", 3), ("latin1.txt", 4), ("markdown.txt", 5),
        ("no-summary.txt", 6), ("quirks.txt", 7), ("wrapped.txt", 8),
    ]

    /// Variants made of each fixture.
    static let variantsPerFixture = 40


    /// The original bytes and `count` variants: pieces inserted at line or word boundaries,
    /// every fourth variant with CRLF line ends, every fifth with stray Latin-1 bytes.
    static func variants(of original: [UInt8], count: Int, seed: UInt64) -> [[UInt8]] {
        var random = SplitMix64(seed: seed)
        let text = String(decoding: original, as: UTF8.self)
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var result: [[UInt8]] = [original]
        for v in 0..<count {
            var parts = words
            for _ in 0..<(1 + random.below(40)) {
                let at = random.below(parts.count + 1)
                parts.insert(pieces[random.below(pieces.count)], at: at)
            }
            var variant = parts.joined(separator: " ")
            if v % 4 == 3 { variant = variant.replacingOccurrences(of: "\n", with: "\r\n") }
            var bytes = Array(variant.utf8)
            if v % 5 == 4 {
                for _ in 0..<3 { bytes.insert([0xE9, 0x92, 0xA0, 0xFF][random.below(4)], at: random.below(bytes.count + 1)) }
            }
            result.append(bytes)
        }
        return result
    }

    /// 64-bit FNV-1a over the parts, each followed by a 0xFF separator.
    struct Digest {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func add(_ text: String) {
            for byte in text.utf8 { mix(byte) }
            mix(0xFF)
        }
        mutating func mix(_ byte: UInt8) {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    /// Everything the parser gives for `bytes` (or its error), and the text wrapped at two widths.
    static func digest(_ bytes: [UInt8], into digest: inout Digest) {
        let article: Article
        do {
            article = try ArticleParser.parse(data: Data(bytes))
        } catch {
            digest.add("error: \(error)")
            return
        }
        digest.add(article.id.rawValue)
        digest.add(article.title)
        for field in [article.source, article.author, article.authorBio, article.credit, article.url] {
            digest.add(field ?? "<nil>")
        }
        digest.add(article.date.map { String($0.timeIntervalSince1970) } ?? "<nil>")
        for section in article.sections {
            digest.add(section.heading ?? "<nil>")
            for paragraph in section.paragraphs { digest.add(paragraph) }
            digest.add("<end of section>")
        }
        for bullet in article.summary { digest.add(bullet.text) }
        digest.add(article.summarySource?.rawValue ?? "<nil>")
        digest.add(String(article.wordCount))
        for width in [13, 61] {
            for line in WordWrap.lines(article.title, width: width) { digest.add(line) }
            for paragraph in article.paragraphs {
                for line in WordWrap.lines(paragraph, width: width) { digest.add(line) }
            }
        }
        digest.add(ArticleTextFormatter.format(article, width: 44))
    }

    /// The digest of a fixture and its variants, as 16 hex digits.
    static func digest(of original: [UInt8], variants count: Int, seed: UInt64) -> String {
        var digest = Digest()
        for bytes in variants(of: original, count: count, seed: seed) { Self.digest(bytes, into: &digest) }
        let hex = String(digest.value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
