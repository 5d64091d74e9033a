@testable import Feeds
import XCTest

/// The byte-scanning line split of plain-text item bodies against the `Character` split it
/// replaced.
final class FeedPlainTextTests: XCTestCase {
    private func characterLines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    func testLinesMatchTheCharacterSplit() {
        let samples = [
            "", "one", "\n", "\r", "\r\n", "\n\r", "a\nb", "a\r\nb", "a\rb", "a\r\r\nb", "a\n\n\nb",
            "trailing\n", "\r\nleading", "caf\u{E9}\ne\u{301}\r\n\u{301}after", "\u{1F1EB}\u{1F1F7}\r\u{1F600}\n",
            "  \n\t\n x \r\n\r\n y", "\u{2028}line separator\u{2029}paragraph\u{85}next",
        ]
        for sample in samples {
            XCTAssertEqual(FeedPlainText.lines(sample), characterLines(sample), sample.debugDescription)
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", " ", "\n", "\r", "\r\n", "\u{301}", "é", "\t", "\u{A0}", "word"]
        for _ in 0..<500 {
            let sample = (0..<Int.random(in: 0..<20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(FeedPlainText.lines(sample), characterLines(sample), sample.debugDescription)
        }
    }

    func testParagraphsAreSeparatedByBlankLines() {
        let sections = FeedPlainText.sections("First line\r\nstill first.\r\n \r\nSecond.\rThird\n\n\n")
        XCTAssertEqual(sections.first?.paragraphs, ["First line still first.", "Second. Third"])
    }
}
