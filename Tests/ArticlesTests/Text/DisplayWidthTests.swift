import XCTest

@testable import Articles

/// `DisplayWidth.of(String)` counts grapheme clusters as the screen's cells do.
final class DisplayWidthTests: XCTestCase {
    func testJoinedEmojiAndFlagsAreTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("🇫🇷"), 2)  // two regional indicators, one flag
        XCTAssertEqual(DisplayWidth.of("👩‍💻"), 2)  // woman, ZWJ, laptop
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧"), 2)
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2)  // skin tone modifier
        XCTAssertEqual(DisplayWidth.of("❤️"), DisplayWidth.of("❤"))  // VS16 adds no column (as wcwidth and tmux)
        XCTAssertEqual(DisplayWidth.of("Vive la 🇫🇷 !"), 12)
        XCTAssertEqual(DisplayWidth.of("🇫🇷🇩🇪"), 4)
    }

    func testOtherTextKeepsItsWidth() {
        XCTAssertEqual(DisplayWidth.of("plain text"), 10)
        XCTAssertEqual(DisplayWidth.of("a\tb\u{7F}"), 2)  // controls take no column
        XCTAssertEqual(DisplayWidth.of("e\u{0301}té"), 3)
        XCTAssertEqual(DisplayWidth.of("東京 tokyo"), 10)
        XCTAssertEqual(DisplayWidth.of("한국어"), 6)
        XCTAssertEqual(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}"), 2)  // one syllable of jamo
        XCTAssertEqual(DisplayWidth.of(""), 0)
        XCTAssertEqual(DisplayWidth.of("ab"[...]), 2)
    }

    func testStringWidthIsTheSumOfItsCharactersOnRandomText() {
        var samples = TextSamples(seed: 11)
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(samples.next() % 12) {
                text += TextSamples.pieces[Int(samples.next() % UInt64(TextSamples.pieces.count))]
            }
            XCTAssertEqual(DisplayWidth.of(text), text.reduce(0) { $0 + DisplayWidth.of($1) }, text.debugDescription)
        }
    }
}
