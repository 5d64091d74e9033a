import Articles
import XCTest

final class TextSanitizerTests: XCTestCase {
    func testKeepsNewlineAndTabSpacesVerticalTabAndFormFeedRemovesOtherC0() {
        XCTAssertEqual(TextSanitizer.sanitize("a\tb\nc\u{0}d\u{7}e\u{8}f\rg\u{0B}h\u{0C}i"), "a\tb\ncdefg h i")
    }

    func testRemovesDelAndC1() {
        XCTAssertEqual(TextSanitizer.sanitize("a\u{7F}b\u{80}c\u{85}d\u{9F}e"), "abcde")
    }

    func testRemovesCSISequencesWhole() {
        XCTAssertEqual(TextSanitizer.sanitize("\u{1B}[1;31mred\u{1B}[0m text"), "red text")
        XCTAssertEqual(TextSanitizer.sanitize("clear\u{1B}[2J\u{1B}[Hhere"), "clearhere")
        XCTAssertEqual(TextSanitizer.sanitize("c1\u{9B}31mcsi"), "c1csi")
        XCTAssertEqual(TextSanitizer.sanitize("private\u{1B}[?1049h mode"), "private mode")
    }

    func testRemovesOSCStringsWithTheirPayload() {
        XCTAssertEqual(TextSanitizer.sanitize("a\u{1B}]52;c;aGVsbG8=\u{7}b"), "ab")
        XCTAssertEqual(TextSanitizer.sanitize("a\u{1B}]0;title\u{1B}\\b"), "ab")
        XCTAssertEqual(TextSanitizer.sanitize("a\u{9D}2;title\u{9C}b"), "ab")
        XCTAssertEqual(TextSanitizer.sanitize("a\u{1B}P1$qm\u{1B}\\b"), "ab")
        XCTAssertEqual(TextSanitizer.sanitize("a\u{1B}_apc\u{7}b"), "ab")
    }

    func testUnterminatedStringLosesOnlyItsIntroducer() {
        XCTAssertEqual(TextSanitizer.sanitize("a\u{1B}]0;left open"), "a0;left open")
    }

    func testTwoByteEscapes() {
        XCTAssertEqual(TextSanitizer.sanitize("a\u{1B}cb\u{1B}7c\u{1B}(Bd"), "abcd")
        XCTAssertEqual(TextSanitizer.sanitize("end\u{1B}"), "end")
    }

    func testRemovesBidiControls() {
        let text = "a\u{202A}b\u{202B}c\u{202C}d\u{202D}e\u{202E}f\u{2066}g\u{2067}h\u{2068}i\u{2069}j\u{200E}k\u{200F}l\u{061C}m"
        XCTAssertEqual(TextSanitizer.sanitize(text), "abcdefghijklm")
    }

    func testRemovesBOMSoftHyphenAndNoncharacters() {
        XCTAssertEqual(TextSanitizer.sanitize("\u{FEFF}ab\u{AD}c\u{FFFE}d\u{FFFF}"), "abcd")
    }

    func testLineSeparatorsBecomeNewlines() {
        XCTAssertEqual(TextSanitizer.sanitize("a\u{2028}b\u{2029}c"), "a\nb\nc")
    }

    func testKeepsPrintableUnicode() {
        let text = "Ampère – “quoted” 日本語 😀👍🏽 ‘x’ © é ü ñ \u{00A0}"
        XCTAssertEqual(TextSanitizer.sanitize(text), text)
        XCTAssertTrue(TextSanitizer.isClean(text))
        XCTAssertFalse(TextSanitizer.isClean("a\u{1B}b"))
    }

    func testEveryControlScalarIsRemoved() {
        var text = ""
        for v in UInt32(0)...0x9F where !(0x20...0x7E).contains(v) {
            text.unicodeScalars.append(Unicode.Scalar(v)!)
            text += "x"
        }
        let clean = TextSanitizer.sanitize(text)
        XCTAssertFalse(clean.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        XCTAssertFalse(clean.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) })
    }
}
