@testable import Articles
import XCTest

final class MarkdownInlineTests: XCTestCase {
    func testLinksKeepTheirText() {
        XCTAssertEqual(MarkdownInline.strip("the [low-cost airlines](https://x.example/a) took"), "the low-cost airlines took")
    }

    func testImagesDisappear() {
        XCTAssertEqual(MarkdownInline.strip("before ![a train](t.png) after"), "before  after")
    }

    func testStrongMarkersDisappear() {
        XCTAssertEqual(MarkdownInline.strip("say **demand** and __supply__"), "say demand and supply")
    }

    func testWholeLineEmphasis() {
        XCTAssertEqual(MarkdownInline.strip("*Photo: Lena Brandt*"), "Photo: Lena Brandt")
        XCTAssertEqual(MarkdownInline.strip("_Image: Archive_"), "Image: Archive")
    }

    func testPlainTextIsKept() {
        for text in ["a * b * c", "snake_case_name", "[ ]", "[1] note", "2 * 3 = 6", "* item"] {
            XCTAssertEqual(MarkdownInline.strip(text), text)
        }
    }
    /// The pair search eight bytes at a time against a byte loop, with `](`, `**` and `__`
    /// (and their halves) at every offset, in slices that do not start at 0.
    func testPairSearchMatchesByteLoop() {
        func reference(_ bytes: ArraySlice<UInt8>) -> Bool {
            var previous: UInt8 = 0
            for b in bytes {
                if (b == 0x28 && previous == 0x5D) || (b == 0x2A && previous == 0x2A) || (b == 0x5F && previous == 0x5F) { return true }
                previous = b
            }
            return false
        }
        let pieces = ["](", "]", "(", "*", "**", "_", "__", "word", "a b", " ", "é", "’", "x"]
        var random = SplitMix64(seed: 53)
        var found = 0
        for _ in 0..<5000 {
            var bytes: [UInt8] = Array(repeating: 0x61, count: random.below(9))
            let skip = bytes.count
            for _ in 0..<random.below(16) { bytes += Array(pieces[random.below(pieces.count)].utf8) }
            let slice = bytes[skip...]
            let fast = slice.withUnsafeBufferPointer(MarkdownInline.hasMarkupPair)
            XCTAssertEqual(fast, reference(slice), String(decoding: slice, as: UTF8.self))
            if fast { found += 1 }
        }
        XCTAssertGreaterThan(found, 500)
        XCTAssertLessThan(found, 4500)
    }
}

