import Foundation
import XCTest

@testable import Fetching

final class RetryAfterTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func testDelaySecondsCountFromNow() {
        XCTAssertEqual(RetryAfter.parse("120", now: now), now.addingTimeInterval(120))
        XCTAssertEqual(RetryAfter.parse(" 0 ", now: now), now)
    }

    func testIMFFixdate() {
        let date = RetryAfter.parse("Wed, 21 Oct 2026 07:28:00 GMT", now: Date(timeIntervalSince1970: 1_792_500_000))
        XCTAssertEqual(date, Date(timeIntervalSince1970: 1_792_567_680))
    }

    func testObsoleteRFC850AndAsctimeForms() {
        let base = Date(timeIntervalSince1970: 784_000_000)
        let expected = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
        XCTAssertEqual(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", now: base), expected)
        XCTAssertEqual(RetryAfter.parse("Sun Nov  6 08:49:37 1994", now: base), expected)
    }

    func testGarbageIsNil() {
        XCTAssertNil(RetryAfter.parse("", now: now))
        XCTAssertNil(RetryAfter.parse("-5", now: now))
        XCTAssertNil(RetryAfter.parse("soon", now: now))
        XCTAssertNil(RetryAfter.parse("1.5", now: now))
    }

    func testHugeWaitsAreClamped() {
        let limit = now.addingTimeInterval(RetryAfter.longestWait)
        XCTAssertEqual(RetryAfter.parse("999999999999999999999999", now: now), limit)
        XCTAssertEqual(RetryAfter.parse("Fri, 01 Jan 2100 00:00:00 GMT", now: now), limit)
    }

    func testHTTPDateRoundTrips() {
        let text = RetryAfter.httpDate(Date(timeIntervalSince1970: 784_111_777))
        XCTAssertEqual(text, "Sun, 06 Nov 1994 08:49:37 GMT")
        XCTAssertEqual(RetryAfter.parse(text, now: Date(timeIntervalSince1970: 784_000_000)),
                       Date(timeIntervalSince1970: 784_111_777))
    }
}
