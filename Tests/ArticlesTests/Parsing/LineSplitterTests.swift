import Articles
import XCTest

final class LineSplitterTests: XCTestCase {
    private func split(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return LineSplitter.lines(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    func testLFCRLFAndCR() {
        XCTAssertEqual(split("a\nb\r\nc\rd"), ["a", "b", "c", "d"])
    }

    func testBlankLinesAreKept() {
        XCTAssertEqual(split("a\n\nb\r\n\r\nc\r\rd"), ["a", "", "b", "", "c", "", "d"])
    }

    func testFinalNewlineDoesNotAddALine() {
        XCTAssertEqual(split("a\n"), ["a"])
        XCTAssertEqual(split("a\r\n"), ["a"])
        XCTAssertEqual(split(""), [])
    }
}
