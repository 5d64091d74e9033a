import XCTest

@testable import Fetching

final class ContentTypeTests: XCTestCase {
    func testMediaTypeAndCharset() {
        let type = ContentType(header: "Text/HTML; Charset=\"ISO-8859-1\"")
        XCTAssertEqual(type, ContentType(mediaType: "text/html", charset: "iso-8859-1"))
        XCTAssertEqual(type?.isHTML, true)
    }

    func testNoCharset() {
        XCTAssertEqual(ContentType(header: "application/rss+xml"), ContentType(mediaType: "application/rss+xml"))
        XCTAssertEqual(ContentType(header: "application/atom+xml; type=feed")?.charset, nil)
    }

    func testCharsetAfterOtherParameters() {
        XCTAssertEqual(ContentType(header: "text/xml;q=1; charset=utf-8 ")?.charset, "utf-8")
    }

    func testNotAType() {
        XCTAssertNil(ContentType(header: ""))
        XCTAssertNil(ContentType(header: "garbage"))
        XCTAssertNil(ContentType(header: "; charset=utf-8"))
    }

    func testFeedIsNotHTML() {
        XCTAssertEqual(ContentType(header: "application/xml")?.isHTML, false)
        XCTAssertEqual(ContentType(header: "application/xhtml+xml")?.isHTML, true)
    }
}
