import Foundation
import XCTest

@testable import Articles

final class FastTextTests: XCTestCase {
    func testTrimmingWhitespaceMatchesFoundation() {
        let cases = ["  a b  ", "\tx\t", "", "   ", "a", " é ", "\u{3000}a\u{3000}", " \u{00A0}b ", "c\u{2003}", " 東京 ",
                     "x \u{0301}", "• item", " a\u{202F}"]
        for text in cases {
            XCTAssertEqual(FastText.trimmingWhitespace(text[...]), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
        }
        var samples = TextSamples(seed: 31)
        for _ in 0..<2000 {
            let text = samples.text(maxPieces: 8)
            XCTAssertEqual(FastText.trimmingWhitespace(text[...]), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
        }
    }

    /// The end of the first match of `marker` in `line` by ``ASCIICase/firstMatchEnd(of:in:)``
    /// (the search ``SourceExtractor/markerEnds(_:)`` makes for every marker), as an index.
    private func asciiCaseInsensitiveEnd(of marker: String, in line: String) -> String.Index? {
        let needle = marker.utf8.map(ASCIICase.lower)
        guard needle.allSatisfy({ $0 < 0x80 }) else { return nil }  // cannot match ASCII text
        guard let end = ASCIICase.firstMatchEnd(of: needle, in: Array(line.utf8)) else { return nil }
        return line.utf8.index(line.utf8.startIndex, offsetBy: end)
    }

    func testPromoSourceSearchMatchesFoundationOnASCIILines() {
        let lines = [
            "To not miss any NEWS FROM Harbour Ledger, follow us", "Follow Saltmarsh Weekly for more", "follow us on X",
            "Subscribe To The Eastgate Evening News newsletter", "sign up for the Lantern Post daily", "nothing here",
            "Get the Morning Brief", "FOLLOW US ON The Lantern Post",
        ]
        for line in lines {
            let markers = ["news from ", "follow us on ", "follow ", "subscribe to the ", "sign up for the ", "get the "]
            for marker in markers {
                XCTAssertEqual(asciiCaseInsensitiveEnd(of: marker, in: line),
                               line.range(of: marker, options: .caseInsensitive)?.upperBound, "\(marker) in \(line)")
            }
        }
        XCTAssertNil(asciiCaseInsensitiveEnd(of: "l’actu de ", in: "l'actu de Paris"))
        // Lines with emoji and punctuation around ASCII words search the same way.
        var random = SplitMix64(seed: 17)
        let parts = ["🔔", "📰", "✉", "—", "’", "«", "»", "©", " ", "Follow", "news FROM", "Harbour", "Ledger", "SUBSCRIBE to the",
                     "get the", "x", ".", "!", "k", "s"]
        for _ in 0..<500 {
            let line = (0..<random.below(12)).map { _ in parts[random.below(parts.count)] }.joined(separator: random.below(2) == 0 ? " " : "")
            guard SourceExtractor.isASCIIForSearch(line) else { continue }
            for marker in ["news from ", "follow ", "subscribe to the ", "get the "] {
                XCTAssertEqual(asciiCaseInsensitiveEnd(of: marker, in: line),
                               line.range(of: marker, options: .caseInsensitive)?.upperBound, "\(marker) in \(line)")
            }
        }
        XCTAssertFalse(SourceExtractor.isASCIIForSearch("Stra\u{017F}se"))  // long s folds to s
        XCTAssertFalse(SourceExtractor.isASCIIForSearch("e\u{0301}"))
        XCTAssertEqual(SourceExtractor.fromPromo("To never miss news from Presse-citron, follow us"), "Presse-citron")
    }

    func testLanguageGuessMatchesWordSetCounting() {
        func reference(_ bytes: [UInt8]) -> Bool {
            var french = 0, english = 0
            var word: [UInt8] = []
            func finish() {
                if word.count >= 2 && word.count <= 5 {
                    let w = String(decoding: word, as: UTF8.self)
                    if LanguageGuess.frenchWords.contains(w) { french += 1 } else if LanguageGuess.englishWords.contains(w) { english += 1 }
                }
                word.removeAll()
            }
            for b in bytes.prefix(16 * 1024) {
                if (b >= 0x61 && b <= 0x7A) || b >= 0x80 { word.append(b) } else if b >= 0x41 && b <= 0x5A { word.append(b | 0x20) } else { finish() }
            }
            finish()
            return french >= 5 && french > english
        }
        let french = "Le chat est dans la maison et les enfants sont très contents pour cette raison. Elle a été là."
        let english = "The cat is in the house and the children were happy with this, as it has been."
        XCTAssertTrue(LanguageGuess.isFrench(Array(french.utf8)))
        XCTAssertFalse(LanguageGuess.isFrench(Array(english.utf8)))
        var random = SplitMix64(seed: 5)
        let words = (french + " " + english).split(separator: " ").map(String.init)
        for _ in 0..<500 {
            let text = (0..<random.below(60)).map { _ in words[random.below(words.count)] }.joined(separator: " ")
            XCTAssertEqual(LanguageGuess.isFrench(Array(text.utf8)), reference(Array(text.utf8)), text)
        }
    }

    /// The word-at-a-time scan against the byte-at-a-time one on text where word ends fall at
    /// every offset of an eight-byte block: mixed case, digits and punctuation as separators,
    /// non-ASCII words and separators, words of every length, and texts past the 16 KiB limit.
    func testLanguageGuessWordScanMatchesByteScan() {
        let pieces = ["le", "LA", "Les", "des", "est", "et", "été", "ÉTÉ", "très", "pour", "cette", "the", "The", "AND", "of",
                      "were", "their", "a", "x", "elles", "sontx", "thé", "l’été", "d'une", "qu'il", "chat", "é", "’",
                      "\u{00A0}", "日本", "😀", "e\u{0301}t", "1", "42", "-", ",", ".", "?", " ", " ", " ", "  ", "\n", "\t"]
        var random = SplitMix64(seed: 11)
        var compared = 0, french = 0
        for round in 0..<3000 {
            var bytes: [UInt8] = []
            let target = round % 50 == 0 ? 15_000 + random.below(4000) : random.below(400)
            while bytes.count < target {
                bytes += Array(pieces[random.below(pieces.count)].utf8)
                if random.below(3) != 0 { bytes.append(0x20) }
            }
            // Cut at any byte (a word, or a multi-byte sequence, may end the text).
            if !bytes.isEmpty && random.below(2) == 0 { bytes.removeLast(random.below(min(bytes.count, 9))) }
            let fast = LanguageGuess.isFrench(bytes)
            XCTAssertEqual(fast, LanguageGuess.isFrenchByteAtATime(bytes), String(decoding: bytes, as: UTF8.self))
            compared += 1
            if fast { french += 1 }
        }
        XCTAssertEqual(compared, 3000)
        XCTAssertGreaterThan(french, 100)  // both answers are exercised
        XCTAssertLessThan(french, 2900)
    }

    func testLanguageGuessWordScanCountsEachWordOnce() {
        // Five French words, each ending at a different block offset, and the last one at the end of the text.
        XCTAssertTrue(LanguageGuess.isFrench(Array("xx le yyy la zzzzz les qq et des".utf8)))
        XCTAssertFalse(LanguageGuess.isFrench(Array("xx le yyy la zzzzz les qq et desx".utf8)))
        XCTAssertFalse(LanguageGuess.isFrench(Array("le la les et des the and of to is in".utf8)))
        XCTAssertTrue(LanguageGuess.isFrench(Array("LE,LA;LES.ET-DES".utf8)))
    }
}

final class PhraseSetTests: XCTestCase {
    func testOccursMatchesSearchingEachPhrase() {
        let phrases = ["follow us", "our newsletter", "in your inbox", "x"]
        let set = PhraseSet(phrases)
        var random = SplitMix64(seed: 3)
        let parts = ["follow", " us", "our", " news", "letter", "in your", " inbox", "é", "😀", " ", "x", "y"]
        for _ in 0..<1000 {
            let text = (0..<random.below(10)).map { _ in parts[random.below(parts.count)] }.joined()
            XCTAssertEqual(set.occurs(in: text), phrases.contains { FastText.contains(text, $0) }, text)
        }
    }

    func testSanitizerCheckMatchesWhatSanitizingChanges() {
        var samples = TextSamples(seed: 77)
        let extra = ["\u{202E}", "\u{2066}", "\u{200E}", "\u{FEFF}", "\u{FFFE}", "\u{0085}", "\u{009B}", "\u{00AD}", "\u{061C}",
                     "\u{2029}", "’", "«", "\u{1B}", "\u{7F}"]
        for _ in 0..<5000 {
            var text = samples.text(maxPieces: 10)
            if samples.below(2) == 0 { text += extra[samples.below(extra.count)] }
            let bytes = Array(text.utf8)
            XCTAssertEqual(TextSanitizer.needsSanitizing(bytes[...]), TextSanitizer.sanitize(bytes[...]) != bytes, text.debugDescription)
        }
    }
}

final class ASCIIShortcutTests: XCTestCase {
    func testWordCountMatchesSplit() {
        var samples = TextSamples(seed: 123)
        for _ in 0..<3000 {
            let text = samples.text(maxPieces: 30)
            let count = text.split(separator: " ").count
            let fast = FastText.wordCount(text, limit: 16)
            if count <= 16 { XCTAssertEqual(fast, count, text.debugDescription) } else { XCTAssertGreaterThan(fast, 16) }
        }
    }

    func testCaseInsensitivePhraseSearchMatchesTheLowerKey() {
        let set = LineClassifier.promoPhraseSet
        var random = SplitMix64(seed: 8)
        let parts = ["Follow Us", " ON ", "Google News", "our NEWSLETTER", "In Your Inbox", "Suivez-Nous", "x", " ", "’", "À notre newsletter"]
        for _ in 0..<2000 {
            let text = (0..<random.below(8)).map { _ in parts[random.below(parts.count)] }.joined()
            XCTAssertEqual(set.occurs(inLowerKeyOf: text[...]), set.occurs(in: LineClassifier.lowerKey(text)), text)
        }
    }
}
