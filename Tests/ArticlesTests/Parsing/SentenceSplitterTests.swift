import XCTest

@testable import Articles

final class SentenceSplitterTests: XCTestCase {
    func testSplits() {
        XCTAssertEqual(SentenceSplitter.sentences(in: "One two. Three four! Five six? Seven."),
                       ["One two.", "Three four!", "Five six?", "Seven."])
    }

    func testAbbreviationsAndInitials() {
        XCTAssertEqual(SentenceSplitter.sentences(in: "Mr. Smith met Dr. Jones in the U.S. Army. Then J. R. Hartley left."),
                       ["Mr. Smith met Dr. Jones in the U.S. Army.", "Then J. R. Hartley left."])
    }

    func testQuotesAndLowercase() {
        XCTAssertEqual(SentenceSplitter.sentences(in: "“We missed it,” she said. “Really.” It was 3 p.m. on Monday."),
                       ["“We missed it,” she said.", "“Really.”", "It was 3 p.m. on Monday."])
    }

    func testCJK() {
        XCTAssertEqual(SentenceSplitter.sentences(in: "本が好きだ。店に行く！"), ["本が好きだ。", "店に行く！"])
    }

    func testLimit() {
        XCTAssertEqual(SentenceSplitter.sentences(in: "A b. C d. E f.", limit: 2), ["A b.", "C d."])
    }

    /// The byte scan gives exactly the sentences of the scalar-by-scalar reference, on text
    /// built from every character the rule looks at (deterministic pseudo-random mixes).
    func testByteScanMatchesTheScalarReference() {
        let pieces = ["word", "Word", "e.g", "Mr", "U.S", "J", "İ", "Über", "émile", "3", "٣", "Ⅻ", "東京", "語",
                      ".", "!", "?", "…", "。", "！", "？", " ", "  ", "\"", "”", "’", "»", ")", "“", "«", "‘",
                      "\u{301}", "🙂", "x.", "a", "Ω", "ǅ"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<(1 + next() % 24) { text += pieces[next() % pieces.count] }
            for limit in [1, 4, Int.max] {
                XCTAssertEqual(SentenceSplitter.sentences(in: text, limit: limit),
                               SentenceSplitter.sentencesByScalars(in: text, limit: limit), "\(text.debugDescription) limit \(limit)")
            }
        }
    }
}
