@testable import Articles
import XCTest

/// The checks themselves fail on broken invariants (so a clean fuzz run means something).
final class FuzzChecksTests: XCTestCase {
    func testUnsafeFieldsFail() {
        XCTAssertThrowsError(try FuzzInvariants.requireCleanLine("a\u{1B}]0;x\u{7}", "title"))
        XCTAssertThrowsError(try FuzzInvariants.requireCleanLine("a\u{202E}b", "title"))
        XCTAssertThrowsError(try FuzzInvariants.requireCleanLine("two\nlines", "title"))
        XCTAssertNoThrow(try FuzzInvariants.requireCleanLine("plain · 喫茶店", "title"))
        let article = Article(title: "ok", author: "Eve\u{9B}31m", sections: [ArticleSection(paragraphs: ["fine"])])
        XCTAssertThrowsError(try FuzzInvariants.requireCleanArticle(article))
    }

    func testTooWideLinesFail() {
        XCTAssertThrowsError(try WrapFuzzCheck.requireFits("喫茶店", width: 5, "line"))
        XCTAssertNoThrow(try WrapFuzzCheck.requireFits("喫茶", width: 4, "line"))
        XCTAssertNoThrow(try WrapFuzzCheck.requireFits("喫", width: 1, "line"), "one wide character alone is kept")
        XCTAssertNoThrow(try WrapFuzzCheck.requireFits("\u{1199}真", width: 1, "line"), "with a zero-width character before it")
        XCTAssertThrowsError(try WrapFuzzCheck.requireFits("a真", width: 1, "line"))
    }

    func testEachTargetAcceptsItsSeedsAndEmptyInput() throws {
        for target in FuzzTarget.allCases {
            XCTAssertNoThrow(try target.check([]), target.rawValue)
        }
        try FuzzTarget.text.check(Array("A title\n\nBy Ana Lima\n\nA paragraph of text.\n".utf8))
        try FuzzTarget.wrap.check([12] + Array("Wrap this text, 喫茶店 and all, at twelve cells.".utf8))
    }
}
