@testable import Articles
import XCTest

final class WhitespaceNormalizerTests: XCTestCase {
    func testCollapsesAndTrims() {
        XCTAssertEqual(WhitespaceNormalizer.normalize("  a   b\t\tc \n d  "), "a b c d")
        XCTAssertEqual(WhitespaceNormalizer.normalize(" \t "), "")
    }

    func testUnicodeSpacesBecomeOrdinarySpaces() {
        XCTAssertEqual(WhitespaceNormalizer.normalize("a\u{00A0}b\u{2003}c\u{2009}d\u{202F}e\u{205F}f"), "a b c d e f")
    }

    func testIdeographicSpaceIsKept() {
        XCTAssertEqual(WhitespaceNormalizer.normalize("東京\u{3000}大阪"), "東京\u{3000}大阪")
    }

    func testNoBreakSpaceBeforeHighPunctuationClosesUpInStandardText() {
        XCTAssertEqual(WhitespaceNormalizer.normalize("For what purpose\u{00A0}? Well"), "For what purpose? Well")
        XCTAssertEqual(WhitespaceNormalizer.normalize("future\u{00A0}?"), "future?")
        XCTAssertEqual(WhitespaceNormalizer.normalize("wow\u{202F}! note\u{00A0}: yes\u{00A0};"), "wow! note: yes;")
    }

    func testNoBreakSpaceBeforeHighPunctuationStaysInFrench() {
        XCTAssertEqual(WhitespaceNormalizer.normalize("Pourquoi\u{00A0}?", typography: .french), "Pourquoi ?")
        XCTAssertEqual(WhitespaceNormalizer.normalize("« Oui\u{00A0}»\u{00A0}!", typography: .french), "« Oui » !")
    }

    func testOrdinarySpaceBeforeQuestionMarkIsLeftAlone() {
        XCTAssertEqual(WhitespaceNormalizer.normalize("Really ?"), "Really ?")
    }

    func testSpaceBeforeFinalPeriodOrCommaClosesUp() {
        XCTAssertEqual(WhitespaceNormalizer.normalize("on the market . When"), "on the market. When")
        XCTAssertEqual(WhitespaceNormalizer.normalize("Thesaxon , Teilor"), "Thesaxon, Teilor")
        XCTAssertEqual(WhitespaceNormalizer.normalize("the end ."), "the end.")
        XCTAssertEqual(WhitespaceNormalizer.normalize("and so on ..."), "and so on ...")
        XCTAssertEqual(WhitespaceNormalizer.normalize("version .NET"), "version .NET")
    }
    /// The run copy (eight bytes at a time, by word test or byte table) against the byte-at-a-time
    /// walk, on lines with spaces before `. , ? ! : ;`, no-break and other Unicode spaces,
    /// controls, and multi-byte characters at every offset, in both typographies.
    func testRunCopyMatchesByteAtATime() {
        var samples = TextSamples(seed: 73)
        var random = SplitMix64(seed: 79)
        let ascii = ["lorem ipsum", "dolor", " ", "  ", " .", " ,", ". ", ", ", " ?", "\u{00A0}?", "\u{00A0}!", " (x)", " 42", "abcdefghij", "\t"]
        for _ in 0..<6000 {
            var text = ""
            for _ in 0..<random.below(30) {
                text += random.below(5) == 0 ? TextSamples.pieces[samples.below(TextSamples.pieces.count)] : ascii[random.below(ascii.count)]
            }
            let bytes = Array(text.utf8)
            for typography in [WhitespaceNormalizer.Typography.standard, .french] {
                XCTAssertEqual(WhitespaceNormalizer.normalize(bytes[...], typography: { typography }),
                               WhitespaceNormalizer.normalizeByteAtATime(bytes[...], typography: { typography }), text.debugDescription)
                XCTAssertEqual(Array(WhitespaceNormalizer.normalizedString(bytes[...], typography: { typography }).utf8),
                               WhitespaceNormalizer.normalizeByteAtATime(bytes[...], typography: { typography }), text.debugDescription)
            }
        }
    }
}

