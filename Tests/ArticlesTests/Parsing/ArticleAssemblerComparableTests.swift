import XCTest

@testable import Articles

/// ``ArticleAssembler/hasComparable(_:_:)`` answers as comparing ``ArticleAssembler/comparable(_:)`` keys.
final class ArticleAssemblerComparableTests: XCTestCase {
    func testAgreesWithComparingKeys() {
        let texts = [
            "The Harbour At Dawn", "the harbour at dawn", "  the  harbour at   dawn ", "The harbour at dusk",
            "The harbour", "The harbour at dawn.", "", " ", "THE HARBOUR AT DAWN", "The harbour at dawn ",
            "Jane Doe", "jane  doe", "Jane Doé", "İstanbul notes", "istanbul notes", "\u{212A}ey points", "key points",
            "Straße", "STRASSE", "strasse",
        ]
        for text in texts {
            for other in texts {
                let key = ArticleAssembler.comparable(other)
                XCTAssertEqual(ArticleAssembler.hasComparable(text, key), ArticleAssembler.comparable(text) == key, "\(text) / \(other)")
            }
        }
    }

    func testByteKeyIsTheCharacterKey() {
        for text in ["The Harbour  At Dawn ", "  a", "a  ", "", "   ", "A B C", "Key Points:", "x\ty", "Café  À L’Aube 📈 "] {
            let key = UTF8Scan.withBytes(text) { KnownLowercase.lowercased($0, collapsingSpaces: true) }
            XCTAssertEqual(key, text.lowercased().split(separator: " ").joined(separator: " "), text)
        }
        // A space followed by a combining mark is not a `" "` character: left to `split`.
        XCTAssertNil(UTF8Scan.withBytes("a \u{301}b") { KnownLowercase.lowercased($0, collapsingSpaces: true) })
        XCTAssertEqual(ArticleAssembler.comparable("A \u{301}B  c"), "a \u{301}b c")
    }

    func testASCIIPathDeclinesOtherText() {
        let key = ArticleAssembler.comparable("key points")
        XCTAssertNil(UTF8Scan.withBytes("\u{212A}ey points") { t in
            UTF8Scan.withBytes(key) { k in ArticleAssembler.asciiComparable(t, equals: k) }
        })
        XCTAssertEqual(UTF8Scan.withBytes("Key  Points ") { t in
            UTF8Scan.withBytes(key) { k in ArticleAssembler.asciiComparable(t, equals: k) }
        }, true)
    }
}
