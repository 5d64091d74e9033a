@testable import Feeds
import XCTest

/// The ASCII fast path of ``ArticleFileName/slug(_:)`` gives the same names as the general one.
final class ArticleFileNameSlugTests: XCTestCase {
    func testASCIIPathMatchesTheUnicodePath() {
        let samples = ["", "Story 12: the harbour and the ferry", "--Night  Trains--", "a\tb\nc", "ALL CAPS 2024!", "x"]
        for sample in samples {
            XCTAssertEqual(ArticleFileName.asciiSlug(sample), ArticleFileName.unicodeSlug(sample), sample.debugDescription)
        }
        var generator = SystemRandomNumberGenerator()
        let bytes = Array(0x09...0x0A) + Array(0x20...0x7E)
        for _ in 0..<2000 {
            let sample = String(decoding: (0..<Int.random(in: 0..<30, using: &generator)).map { _ in
                UInt8(bytes.randomElement(using: &generator)!)
            }, as: UTF8.self)
            XCTAssertEqual(ArticleFileName.asciiSlug(sample), ArticleFileName.unicodeSlug(sample), sample.debugDescription)
        }
    }

    func testOtherTextTakesTheUnicodePath() {
        for sample in ["caf\u{E9}", "tab\u{7F}del", "bell\u{07}", "\u{202E}evil", "\r\n"] {
            XCTAssertNil(ArticleFileName.asciiSlug(sample), sample.debugDescription)
        }
        XCTAssertEqual(ArticleFileName.slug("Caf\u{E9} Cr\u{E8}me"), "caf\u{E9}-cr\u{E8}me")
    }
}
