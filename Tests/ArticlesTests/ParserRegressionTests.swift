import BulletinTestSupport
import Foundation
import XCTest

@testable import Articles

/// The parser's and word wrapper's outputs on 320 messy variants of the fixtures (and the
/// shared sample when present), compared with digests recorded from the parser as it was
/// before its performance work (commit f036b46); the digests were re-recorded once when
/// `DisplayWidth.of(String)` began counting grapheme clusters, which changes only the length
/// of the `===`/`---` underlines that ``ArticleTextFormatter`` draws under titles and
/// headings holding combining marks or joined emoji (the parser's own output and the
/// wrapped lines are unchanged: checked with the old width, the old digests still matched).
/// A mismatch means some output changed: if
/// the change is intended, print the new digests with `BULLETIN_PRINT_PARSER_DIGESTS=1`
/// and update the table.
final class ParserRegressionTests: XCTestCase {
    static let expected: [String: String] = [
        "cjk.txt": "cec37e2ea095ef56",
        "escapes.txt": "e113b1657f3adece",
        "french.txt": "b951fa89894a6c84",
        "latin1.txt": "3a4b777fc7248dcf",
        "markdown.txt": "f1073ea363317c41",
        "no-summary.txt": "2e6368194928bd4f",
        "quirks.txt": "0b3610ef87eee84c",
        "wrapped.txt": "85bd09f501df16e1",
    ]
    static let expectedSharedSample = "2c2791ea5862eea5"

    func testOutputsOnFixtureVariantsAreUnchanged() throws {
        let printing = ProcessInfo.processInfo.environment["BULLETIN_PRINT_PARSER_DIGESTS"] != nil
        for (name, seed) in ParserRegressionCorpus.fixtures {
            let bytes = [UInt8](try Fixture.data(name))
            let digest = ParserRegressionCorpus.digest(
                of: bytes, variants: ParserRegressionCorpus.variantsPerFixture, seed: seed)
            if printing { print("\"\(name)\": \"\(digest)\",") }
            XCTAssertEqual(digest, Self.expected[name], "parser or wrapping output changed for variants of \(name)")
        }
    }

    func testOutputsOnSharedSampleVariantsAreUnchanged() throws {
        guard let url = Products.sharedSample else { throw XCTSkip("shared sample not present") }
        let bytes = [UInt8](try Data(contentsOf: url))
        let digest = ParserRegressionCorpus.digest(of: bytes, variants: ParserRegressionCorpus.variantsPerFixture, seed: 9)
        XCTAssertEqual(digest, Self.expectedSharedSample)
    }

    func testIndexParseGivesTheSameEntryAsAFullParse() throws {
        for (name, seed) in ParserRegressionCorpus.fixtures {
            for bytes in ParserRegressionCorpus.variants(of: [UInt8](try Fixture.data(name)), count: 10, seed: seed) {
                let data = Data(bytes)
                guard let full = try? ArticleParser.parse(data: data) else {
                    XCTAssertThrowsError(try ArticleParser.parseForIndex(data: data))
                    continue
                }
                let indexed = try ArticleParser.parseForIndex(data: data)
                let date = Date(timeIntervalSince1970: 0)
                XCTAssertEqual(LibraryEntry(article: indexed, path: name, fileDate: date),
                               LibraryEntry(article: full, path: name, fileDate: date))
            }
        }
    }
}
