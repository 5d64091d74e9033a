import BulletinTestSupport
import Foundation
import XCTest

@testable import Articles

/// ``ByteLineClassifier`` may call a line body text only where the full classifier would.
final class ByteLineClassifierTests: XCTestCase {
    private func isBodyText(_ line: String) -> Bool {
        UTF8Scan.withBytes(line, ByteLineClassifier.isBodyText)
    }

    /// Filler that no prefix, phrase or year is made of.
    private static let filler = "the harbour crew painted every quiet lantern beside a meadow while the tide turned slowly"

    private static func line(_ start: String, length: Int) -> String {
        var text = start
        while text.utf8.count < length { text += " " + filler }
        return String(decoding: Array(text.utf8.prefix(length)), as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }

    func testParagraphsAreBodyText() {
        let paragraph = "A visible tram refused no resident beside their bakery, because this model barely lifted its pantry."
        XCTAssertTrue(isBodyText(paragraph))
        XCTAssertTrue(isBodyText(Self.line("Every green island", length: 300)))
        XCTAssertTrue(isBodyText(Self.line("Long lines", length: 500) + " and a year 2024 with 日本語 past the head"))
        XCTAssertTrue(isBodyText("The harbour at dawn"))
        XCTAssertTrue(isBodyText("What the teacher doubled: a short subheading"))
    }

    func testLinesTheClassifierLooksAtAreLeftToIt() {
        // Widgets, summary and bio headings; lines not opened by a letter.
        XCTAssertFalse(isBodyText("Share this"))
        XCTAssertFalse(isBodyText("Key Points:"))
        XCTAssertFalse(isBodyText("About the author *"))
        XCTAssertFalse(isBodyText("TL;DR."))
        XCTAssertFalse(isBodyText("Café culture"))
        XCTAssertFalse(isBodyText("# " + Self.line("Heading", length: 80)))
        XCTAssertFalse(isBodyText("• " + Self.line("Bullet", length: 80)))
        XCTAssertFalse(isBodyText("1. " + Self.line("Item", length: 80)))
        XCTAssertFalse(isBodyText("“" + Self.line("Quoted", length: 80)))
        // Metadata and promotion prefixes, in any case.
        XCTAssertFalse(isBodyText(Self.line("Photo by Ana Cruz on Unsplash", length: 120)))
        XCTAssertFalse(isBodyText(Self.line("By Jane Doe", length: 120)))
        XCTAssertFalse(isBodyText(Self.line("SOURCE: Harbour Ledger", length: 120)))
        XCTAssertFalse(isBodyText(Self.line("https://www.example.com/a", length: 120)))
        XCTAssertFalse(isBodyText(Self.line("Subscribe to our newsletter", length: 390)))
        // A year in a short line; a promotion phrase anywhere in a line of 220 bytes or less.
        XCTAssertFalse(isBodyText(Self.line("Published on the third of March 2024", length: 90)))
        XCTAssertFalse(isBodyText(Self.line("Every week", length: 100) + " follow us on X"))
        // Outside ASCII in the head, or anywhere in a line short enough for the phrases.
        XCTAssertFalse(isBodyText(Self.line("Élodie wrote", length: 120)))
        XCTAssertFalse(isBodyText(Self.line("Every week", length: 150) + " café"))
    }

    /// Lines opened by every prefix and phrase the classifier knows, at every length where
    /// one of its limits changes, in three cases: never body text when the classifier
    /// says otherwise.
    func testAgreesWithTheClassifierAroundEveryPrefixAndLimit() {
        let starts = LineClassifier.creditPrefixes + SourceExtractor.labels + BylineParser.prefixes
            + LineClassifier.promoPrefixes + ["http://", "https://", "www.", "Via", "Published", "Updated 2024"]
        let phrases = LineClassifier.promoPhrases + LineClassifier.callToActionWords
        var lines: [String] = []
        for heading in LineClassifier.widgetLines.sorted() + LineClassifier.summaryHeadings.sorted()
            + LineClassifier.aboutAuthorHeadings.sorted()
        {
            for text in [heading, heading.capitalized, heading.uppercased()] {
                lines += [text, text + ":", text + " :", text + ".", text + " *", text + " now"]
            }
        }
        for length in [5, 12, 24, 25, 40, 48, 49, 64, 65, 100, 101, 160, 161, 220, 221, 240, 241, 400, 401] {
            for start in starts {
                lines += [start, start.capitalized, start.uppercased()].map { Self.line($0, length: length) }
            }
            for phrase in phrases {
                let body = Self.line("Every week", length: max(1, length - phrase.utf8.count - 1))
                lines += [body + " " + phrase, body + " " + phrase.uppercased()]
            }
            lines.append(Self.line("In 2024 the harbour", length: length))
        }
        var taken = 0
        for line in lines where isBodyText(line) {
            taken += 1
            XCTAssertEqual(LineClassifier.classifyFully(line, promoSources: false), .text, line)
        }
        XCTAssertGreaterThan(taken, 0)
    }

    /// Every clean line of the fixtures, of their messy variants and of the shared sample.
    func testAgreesWithTheClassifierOnFixtureLines() throws {
        var texts: [[UInt8]] = []
        for (name, seed) in ParserRegressionCorpus.fixtures {
            texts += ParserRegressionCorpus.variants(of: [UInt8](try Fixture.data(name)), count: 20, seed: seed)
        }
        if let url = Products.sharedSample {
            texts += ParserRegressionCorpus.variants(of: [UInt8](try Data(contentsOf: url)), count: 20, seed: 9)
        }
        var taken = 0
        for raw in texts {
            guard let bytes = try? TextDecoder.decode(bytes: raw) else { continue }
            for range in LineSplitter.lines(bytes) {
                let line = TextCleaner.cleanLine(bytes[range], typography: { .standard })
                guard !line.isEmpty, isBodyText(line) else { continue }
                taken += 1
                XCTAssertEqual(LineClassifier.classifyFully(line, promoSources: false), .text, line)
            }
        }
        XCTAssertGreaterThan(taken, 0)
    }
}

/// The classifier's lowercase key: one lowercased copy for ASCII, the same as before for the rest.
final class LineClassifierLowerKeyTests: XCTestCase {
    func testLowerKeyAgreesWithLowercasing() {
        for text in ["Share This", "ABC def 123 ~!", "", "L’Actualité De Lyon", "İstanbul", "Straße ’s", "Already lower"] {
            XCTAssertEqual(LineClassifier.lowerKey(text), FastText.straightenApostrophes(text.lowercased()), text)
            XCTAssertEqual(LineClassifier.lowerKey(text.dropFirst()), FastText.straightenApostrophes(text.dropFirst().lowercased()), text)
        }
    }
}
