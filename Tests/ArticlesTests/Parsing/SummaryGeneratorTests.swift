import XCTest

@testable import Articles

final class SummaryGeneratorTests: XCTestCase {
    func testFirstSentenceOfEachLeadParagraph() {
        let sections = [
            ArticleSection(paragraphs: [
                "The first paragraph opens with this sentence. It goes on.",
                "Short.",
                "The second useful paragraph starts right here. More.",
            ]),
            ArticleSection(heading: "Later", paragraphs: ["A third paragraph has enough words too. End."]),
        ]
        XCTAssertEqual(SummaryGenerator.bullets(for: sections).map(\.text), [
            "The first paragraph opens with this sentence.",
            "The second useful paragraph starts right here.",
            "A third paragraph has enough words too.",
        ])
    }

    func testFillsFromLaterSentencesAndSkipsListItems() {
        let sections = [ArticleSection(paragraphs: [
            "• A list item that should never be used.",
            "One sentence with five words. Another sentence with five words here. A third sentence also has words.",
        ])]
        XCTAssertEqual(SummaryGenerator.bullets(for: sections).map(\.text), [
            "One sentence with five words.", "Another sentence with five words here.",
            "A third sentence also has words.",
        ])
    }

    func testLongSentencesAreShortenedAtAWord() {
        let long = Array(repeating: "lengthy", count: 60).joined(separator: " ") + "."
        let bullet = SummaryGenerator.bullets(for: [ArticleSection(paragraphs: [long])]).first?.text ?? ""
        XCTAssertLessThanOrEqual(bullet.count, SummaryGenerator.maximumLength)
        XCTAssertTrue(bullet.hasSuffix("lengthy…"))
    }

    func testNothingToSummarise() {
        XCTAssertEqual(SummaryGenerator.bullets(for: []), [])
    }

    /// The byte path of `shorten` cuts exactly where the character path does, and steps aside
    /// for text it cannot count by bytes.
    func testShortenByBytesMatchesByCharacters() {
        let pieces = ["a", "word", " ", "  ", ".", "\n", "\t", "\r\n", "\r", "é", "e\u{301}", "🙂", "東"]
        var seed: UInt64 = 42
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<5_000 {
            var text = ""
            let asciiOnly = next() % 2 == 0
            while text.utf8.count < 200 + next() % 120 {
                text += pieces[next() % (asciiOnly ? 6 : pieces.count)]
            }
            let expected = SummaryGenerator.shortenByCharacters(text)
            if let fast = SummaryGenerator.shortenASCII(text) { XCTAssertEqual(fast, expected, text.debugDescription) }
            XCTAssertEqual(SummaryGenerator.shorten(text), expected, text.debugDescription)
        }
        // An ASCII letter whose accent comes just after the cut is not counted by bytes.
        let combining = String(repeating: "a", count: 241) + "\u{301}"
        XCTAssertNil(SummaryGenerator.shortenASCII(combining))
        XCTAssertEqual(SummaryGenerator.shorten(String(repeating: "b", count: 240)), String(repeating: "b", count: 240))
    }
}
