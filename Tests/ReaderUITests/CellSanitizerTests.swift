import Articles
import ReaderUI
import XCTest

/// The cell sanitiser drops exactly the parser's unsafe characters, over every scalar.
final class CellSanitizerTests: XCTestCase {
    func testEveryScalarAloneIsKeptOrDroppedByTheSharedList() {
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let character = Character(scalar)
            let cleaned = CellSanitizer.clean(character)
            if scalar == "\t" || scalar == "\n" {
                XCTAssertEqual(cleaned, " ")
            } else if UnsafeCharacters.isUnsafe(scalar) {
                XCTAssertNil(cleaned, "U+\(String(v, radix: 16)) reaches a cell")
            } else {
                XCTAssertEqual(cleaned, character, "U+\(String(v, radix: 16)) is dropped")
            }
        }
    }

    /// Every unsafe scalar breaks grapheme clusters (Grapheme_Cluster_Break=Control), so it
    /// is always a character of its own; clusters around it are kept whole.
    func testClustersAreKeptAndLineBreaksBecomeSpaces() {
        XCTAssertEqual(CellSanitizer.clean("e\u{301}"), "e\u{301}")
        XCTAssertEqual(CellSanitizer.clean("👍🏽"), "👍🏽")
        XCTAssertEqual(Array("a\u{200F}\u{301}b").count, 4, "the mark stands alone, its combining mark too")
        XCTAssertEqual(CellSanitizer.clean("\r\n"), " ")
        XCTAssertNil(CellSanitizer.clean("\u{1B}"))
        XCTAssertNil(CellSanitizer.clean("\u{9B}"))
    }
}
