import Articles
import Feeds
import Foundation
import XCTest

/// RFC 822 (with its malformed forms), RFC 3339 and ISO 8601 dates.
final class FeedDateTests: XCTestCase {
    func check(_ text: String, _ expected: String?, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(FeedDate.parse(text).map(ArticleDateFormat.format), expected, text, file: file, line: line)
    }

    func testRFC822() {
        check("Mon, 11 Mar 2024 06:45:00 +0000", "2024-03-11T06:45:00Z")
        check("Mon, 11 Mar 2024 06:45:00 GMT", "2024-03-11T06:45:00Z")
        check("Mon, 11 Mar 2024 06:45:00 UT", "2024-03-11T06:45:00Z")
        check("Mon, 11 Mar 2024 06:45:00 -0500", "2024-03-11T11:45:00Z")
        check("Tue, 12 Mar 2024 23:30:00 +0930", "2024-03-12T14:00:00Z")
    }

    func testRFC822MalformedForms() {
        check("11 Mar 2024 06:45:00 GMT", "2024-03-11T06:45:00Z")  // no weekday
        check("Mon, 4 Mar 2024 10:00:00 PST", "2024-03-04T18:00:00Z")  // single-digit day, named zone
        check("Mon, 04 Mar 2024 10:00:00 EDT", "2024-03-04T14:00:00Z")
        check("Mon, 04 Mar 24 10:00:00 CST", "2024-03-04T16:00:00Z")  // two-digit year
        check("Sun, 04 Mar 98 10:00:00 GMT", "1998-03-04T10:00:00Z")
        check("Mon, 04 Mar 2024 10:00 +0100", "2024-03-04T09:00:00Z")  // no seconds
        check("Mon, 04 Mar 2024 10:00:00", "2024-03-04T10:00:00Z")  // no zone: UTC
        check("Mon, 04 Mar 2024 10:00:00 0100", "2024-03-04T09:00:00Z")  // offset without sign
        check("Mon, 04 Mar 2024 10:00:00 +01:00", "2024-03-04T09:00:00Z")  // colon in offset
        check("Monday, 04 March 2024 10:00:00 GMT", "2024-03-04T10:00:00Z")  // full names
        check("Mon, 04 Sept 2023 10:00:00 GMT", "2023-09-04T10:00:00Z")
        check("Mon,04 Mar 2024 10:00:00 GMT", "2024-03-04T10:00:00Z")  // no space after comma
        check("  Mon, 04 Mar 2024 10:00:00 Z  ", "2024-03-04T10:00:00Z")
        check("Mon, 04 mar 2024 10:00:00.250 gmt", "2024-03-04T10:00:00Z")
        check("04-Mar-2024 10:00:00 +0000", "2024-03-04T10:00:00Z")
        check("Mar 4, 2024 10:00:00 GMT", "2024-03-04T10:00:00Z")  // month first
    }

    func testRFC3339AndISO8601() {
        check("2024-03-01T09:30:00Z", "2024-03-01T09:30:00Z")
        check("2024-03-01T09:30:00.123456Z", "2024-03-01T09:30:00Z")
        check("2024-03-01T09:30:00+01:00", "2024-03-01T08:30:00Z")
        check("2024-03-01T09:30:00-0430", "2024-03-01T14:00:00Z")
        check("2024-03-01t09:30:00z", "2024-03-01T09:30:00Z")
        check("2024-03-01 09:30:00", "2024-03-01T09:30:00Z")
        check("2024-03-01T09:30Z", "2024-03-01T09:30:00Z")
        check("2024-03-01", "2024-03-01T00:00:00Z")
        check("2024-02-29T23:59:60Z", "2024-02-29T23:59:59Z")  // leap second clamped
        check("1999-12-31T23:00:00-02:00", "2000-01-01T01:00:00Z")
    }

    func testNotDates() {
        for text in ["", "soon", "Mon, 32 Mar 2024 10:00:00 GMT", "2024-13-01", "2024-03-01T25:00:00Z",
                     "Mon, 04 Foo 2024 10:00:00 GMT", "2024-03-01Tjunk", "12345", "Mon, 04 Mar 2024 10:00:00 +9999"]
        {
            XCTAssertNil(FeedDate.parse(text), text)
        }
    }
}
