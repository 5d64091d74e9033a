import Foundation
import XCTest

@testable import Fetching

final class FetchErrorTests: XCTestCase {
    func testMessagesAreOneCleanLine() {
        let hostile = URL(string: "http://example.test/%1B%5B2J")!
        let location = "http://x.test/\u{1B}[31mred\nnext line\u{202E}"
        for error in [FetchError.redirectLoop(hostile), .invalidRedirect(location), .transport("a\nb\u{7}")] {
            XCTAssertFalse(error.message.contains("\n"), error.message)
            XCTAssertFalse(error.message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, error.message)
            XCTAssertFalse(error.message.contains("\u{202E}"), error.message)
        }
    }

    func testLongDetailsAreShortened() {
        let message = FetchError.transport(String(repeating: "x", count: 5000)).message
        XCTAssertEqual(message.count, 300)
        XCTAssertTrue(message.hasSuffix("…"))
    }

    func testDurationsAndSizesInWords() {
        XCTAssertEqual(FetchError.connectTimeout(.seconds(10)).message, "timed out connecting (after 10 s)")
        XCTAssertEqual(FetchError.stalled(.milliseconds(500)).message, "timed out: the server sent nothing for 0.5 s")
        XCTAssertEqual(FetchError.tooLarge(limit: 5 << 20).message, "too large: the body is over 5 MiB")
        XCTAssertEqual(FetchError.tooLarge(limit: 1000).message, "too large: the body is over 1000 bytes")
    }

    func testRetryAfterAndStatusAccessors() {
        let until = Date(timeIntervalSince1970: 784_111_777)
        let error = FetchError.retryLater(status: 503, until: until)
        XCTAssertEqual(error.retryAfter, until)
        XCTAssertEqual(error.httpStatus, 503)
        XCTAssertEqual(error.message, "HTTP 503 Service Unavailable, retry after Sun, 06 Nov 1994 08:49:37 GMT")
        XCTAssertNil(FetchError.httpStatus(404).retryAfter)
        XCTAssertEqual(FetchResult.failed(error).statusLine, error.message)
    }
}
