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

    func testShortenCountsCharactersNotBytes() {
        let accented = String(repeating: "é", count: SummaryGenerator.maximumLength)  // 480 bytes, 240 characters
        XCTAssertEqual(SummaryGenerator.shorten(accented), accented)
        let over = accented + "é"
        XCTAssertEqual(SummaryGenerator.shorten(over).count, SummaryGenerator.maximumLength)
        XCTAssertTrue(SummaryGenerator.shorten(over).hasSuffix("…"))
    }
}
