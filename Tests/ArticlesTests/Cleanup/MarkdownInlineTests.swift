import Articles
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
}
