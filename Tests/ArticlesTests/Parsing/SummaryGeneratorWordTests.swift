import XCTest

@testable import Articles

/// The word count and length limit behind generated bullets.
final class SummaryGeneratorWordTests: XCTestCase {
    func testSubstantialMeansFiveSpaceSeparatedWords() {
        XCTAssertFalse(SummaryGenerator.isSubstantial("one two three four"))
        XCTAssertTrue(SummaryGenerator.isSubstantial("one two three four five"))
        XCTAssertFalse(SummaryGenerator.isSubstantial("  one   two three    four  "), "runs of spaces are one gap")
        XCTAssertTrue(SummaryGenerator.isSubstantial(" a b c d e "))
        XCTAssertFalse(SummaryGenerator.isSubstantial(""))
        XCTAssertFalse(SummaryGenerator.isSubstantial("one\u{00A0}two\u{00A0}three\u{00A0}four\u{00A0}five"), "only U+0020 separates")
        XCTAssertTrue(SummaryGenerator.isSubstantial("東京の喫茶店は朝から"), "CJK: eight characters")
        XCTAssertFalse(SummaryGenerator.isSubstantial("東京の喫茶店"))
    }

    /// The byte count of ASCII sentences agrees with counting `Character`s, including a
    /// space that a combining mark joins (then not a separator) and CR LF pairs.
    func testSubstantialAgreesWithTheCharacterCount() {
        func byCharacters(_ sentence: String) -> Bool {
            var words = 0
            var inWord = false
            for character in sentence {
                if character == " " { inWord = false } else if !inWord { inWord = true; words += 1 }
            }
            return words >= 5
        }
        let pieces = ["a", "word", " ", "  ", "\r\n", "\t", ".", "\u{301}", "é", " \u{301}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let sentence = (0..<Int.random(in: 0..<16, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(SummaryGenerator.isSubstantial(sentence), byCharacters(sentence), sentence.debugDescription)
        }
    }

    func testShortenCountsCharactersNotBytes() {
        let accented = String(repeating: "é", count: SummaryGenerator.maximumLength)  // 480 bytes, 240 characters
        XCTAssertEqual(SummaryGenerator.shorten(accented), accented)
        let over = accented + "é"
        XCTAssertEqual(SummaryGenerator.shorten(over).count, SummaryGenerator.maximumLength)
        XCTAssertTrue(SummaryGenerator.shorten(over).hasSuffix("…"))
    }
}
