import XCTest

@testable import Articles

final class ASCIICaseTests: XCTestCase {
    func testOnlyASCIILettersFold() {
        for b in 0...255 {
            let byte = UInt8(b)
            let expected = (0x41...0x5A).contains(b) ? byte + 0x20 : byte
            XCTAssertEqual(ASCIICase.lower(byte), expected, "byte \(b)")
        }
    }

    func testMatchesIgnoresASCIICaseAndStopsAtTheEnd() {
        let text = Array("Follow Us ON Mastodon".utf8)
        XCTAssertTrue(ASCIICase.matches(Array("follow us on".utf8), in: text, at: 0))
        XCTAssertTrue(ASCIICase.matches(Array("mastodon".utf8), in: text, at: 13))
        XCTAssertFalse(ASCIICase.matches(Array("mastodons".utf8), in: text, at: 13), "runs past the end")
        XCTAssertFalse(ASCIICase.matches(Array("Follow".utf8), in: text, at: 0), "needles are lowercase")
        // A slice keeps its own bounds.
        XCTAssertFalse(ASCIICase.matches(Array("us".utf8), in: text[0..<8], at: 7))
        XCTAssertTrue(ASCIICase.matches(Array("us".utf8), in: text[0..<9], at: 7))
        // Bytes outside A–Z compare as themselves.
        XCTAssertFalse(ASCIICase.matches(Array("é".utf8), in: Array("É".utf8), at: 0))
    }

    func testFirstMatchEnd() {
        let text = Array("News from the Harbour Post, news FROM me".utf8)
        XCTAssertEqual(ASCIICase.firstMatchEnd(of: Array("news from ".utf8), in: text), 10)
        XCTAssertEqual(ASCIICase.firstMatchEnd(of: Array("from me".utf8), in: text), text.count)
        XCTAssertNil(ASCIICase.firstMatchEnd(of: Array("from you".utf8), in: text))
        XCTAssertNil(ASCIICase.firstMatchEnd(of: [], in: text))
        XCTAssertEqual(ASCIICase.firstMatchEnd(of: Array("post".utf8), in: text[22...]), 26)
    }
}
