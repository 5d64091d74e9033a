import BulletinTestSupport
import Foundation
import XCTest

@testable import Articles

/// The parser's and word wrapper's outputs on 320 messy variants of the fixtures (and the
/// shared sample when present), compared with digests recorded from the parser as it was
/// before its performance work (commit f036b46). A mismatch means some output changed: if
/// the change is intended, print the new digests with `BULLETIN_PRINT_PARSER_DIGESTS=1`
/// and update the table.
final class ParserRegressionTests: XCTestCase {
    static let expected: [String: String] = [
        "cjk.txt": "946ad00ef6dc7e40",
        "escapes.txt": "1a18b08a36031906",
        "french.txt": "c91e6236d55c2978",
        "latin1.txt": "564879349ff9d3b2",
        "markdown.txt": "20d0a7482cbb05a0",
        "no-summary.txt": "2e6368194928bd4f",
        "quirks.txt": "ae338ea718a516f0",
        "wrapped.txt": "b65591f50b6ae163",
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
