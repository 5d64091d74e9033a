import XCTest

@testable import Articles

final class ArticleIDTests: XCTestCase {
    /// The documented normalization, written the slow and obvious way.
    private func reference(title: String, sections: [ArticleSection]) -> String {
        var parts = [title]
        for section in sections {
            if let heading = section.heading { parts.append(heading) }
            parts += section.paragraphs
        }
        let normalized = parts.map { part in
            part.unicodeScalars.map { $0.properties.lowercaseMapping }.joined()
                .split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) })
                .joined(separator: " ")
        }.joined(separator: "\n")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in normalized.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    func testMatchesTheDocumentedDerivation() {
        let sections = [
            ArticleSection(paragraphs: ["  The Quick  brown\tfox — ÉTÉ à Paris ", "ΣΟΦΊΑ and 東京 🚆"]),
            ArticleSection(heading: "A Heading\u{00A0}?", paragraphs: ["Last\n line."]),
        ]
        let id = ArticleID.derive(title: "Night Trains Return", sections: sections)
        XCTAssertEqual(id.rawValue, reference(title: "Night Trains Return", sections: sections))
        XCTAssertEqual(id.rawValue.count, 16)
    }

    func testCaseAndWhitespaceDoNotChangeTheID() {
        let a = ArticleID.derive(title: "Harbour News", sections: [ArticleSection(paragraphs: ["One  two three."])])
        let b = ArticleID.derive(title: " harbour   NEWS", sections: [ArticleSection(paragraphs: ["one two\nthree."])])
        let c = ArticleID.derive(title: "Harbour News", sections: [ArticleSection(paragraphs: ["One two four."])])
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
    }

    func testParsingUserInput() {
        XCTAssertEqual(ArticleID(parsing: "0123456789ABCDEF")?.rawValue, "0123456789abcdef")
        XCTAssertNil(ArticleID(parsing: "0123"))
        XCTAssertNil(ArticleID(parsing: "0123456789abcdeg"))
    }

    func testWordCountCountsCJKPerCharacter() {
        XCTAssertEqual(WordCounter.count("Three plain words"), 3)
        XCTAssertEqual(WordCounter.count("  spaced\u{00A0}out\ttext\n"), 3)
        XCTAssertEqual(WordCounter.count("東京の喫茶店"), 6)
        XCTAssertEqual(WordCounter.readingMinutes(words: 0), 1)
        XCTAssertEqual(WordCounter.readingMinutes(words: 231), 2)
    }
    /// Long ASCII runs (plain, and with double spaces, tabs and newlines) between non-ASCII
    /// scalars (no-break and other Unicode spaces, accents, combining marks, CJK, emoji,
    /// characters whose lowercase mapping is longer): the run-at-a-time hash must equal the
    /// scalar-by-scalar one and the documented derivation.
    func testRunHashMatchesScalarHash() {
        let ascii = ["The", "quick", "BROWN", "fox", ".", ",", "x", "42", "(a)", " ", " ", " ", "  ", "\t", "\n", " \r\n "]
        var samples = TextSamples(seed: 17)
        var random = SplitMix64(seed: 19)
        for round in 0..<4000 {
            var text = ""
            for _ in 0..<random.below(round % 100 == 0 ? 400 : 30) {
                if random.below(5) == 0 {
                    text += TextSamples.pieces[samples.below(TextSamples.pieces.count)]
                } else {
                    text += ascii[random.below(ascii.count)]
                }
            }
            let start: UInt64 = random.below(2) == 0 ? 0xcbf2_9ce4_8422_2325 : random.next()
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { FNV1a64.hashNormalized($0, from: start) }
            let slow = bytes.withUnsafeBufferPointer { FNV1a64.hashNormalizedByScalar($0, from: start) }
            XCTAssertEqual(fast, slow, text.debugDescription)
            if round % 10 == 0 {
                let id = ArticleID.derive(title: text, sections: [ArticleSection(paragraphs: [text, "Ünïcode " + text])])
                XCTAssertEqual(id.hexValue, WordCounterTests.referenceHash([text, text, "Ünïcode " + text]))
            }
        }
    }

    func testRunHashHandlesSpacesAtRunEnds() {
        let texts = ["a\u{00A0} b", "a \u{00A0}b", " \u{3000} a ", "é  b", "a  é", "\u{2003}", "  ", "a\u{0301} B\tc \u{2028}",
                     "x’ ", " ’x", "ΣΑ  ΣΑ Σ"]
        for text in texts {
            let bytes = Array(text.utf8)
            XCTAssertEqual(bytes.withUnsafeBufferPointer { FNV1a64.hashNormalized($0, from: 7) },
                           bytes.withUnsafeBufferPointer { FNV1a64.hashNormalizedByScalar($0, from: 7) }, text.debugDescription)
        }
    }
}

