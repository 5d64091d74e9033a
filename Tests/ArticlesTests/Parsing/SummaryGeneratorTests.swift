import Articles
import XCTest

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
}
