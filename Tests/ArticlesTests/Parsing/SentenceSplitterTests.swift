import Articles
import XCTest

final class SentenceSplitterTests: XCTestCase {
    func testSplits() {
        XCTAssertEqual(SentenceSplitter.sentences(in: "One two. Three four! Five six? Seven."),
                       ["One two.", "Three four!", "Five six?", "Seven."])
    }

    func testAbbreviationsAndInitials() {
        XCTAssertEqual(SentenceSplitter.sentences(in: "Mr. Smith met Dr. Jones in the U.S. Army. Then J. R. Hartley left."),
                       ["Mr. Smith met Dr. Jones in the U.S. Army.", "Then J. R. Hartley left."])
    }

    func testQuotesAndLowercase() {
        XCTAssertEqual(SentenceSplitter.sentences(in: "“We missed it,” she said. “Really.” It was 3 p.m. on Monday."),
                       ["“We missed it,” she said.", "“Really.”", "It was 3 p.m. on Monday."])
    }

    func testCJK() {
        XCTAssertEqual(SentenceSplitter.sentences(in: "本が好きだ。店に行く！"), ["本が好きだ。", "店に行く！"])
    }

    func testLimit() {
        XCTAssertEqual(SentenceSplitter.sentences(in: "A b. C d. E f.", limit: 2), ["A b.", "C d."])
    }
}
