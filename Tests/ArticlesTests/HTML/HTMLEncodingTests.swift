import XCTest

@testable import Articles

/// Charset detection and conversion to UTF-8 before libxml2.
final class HTMLEncodingTests: XCTestCase {
    func testDeclaredCharsetForms() {
        XCTAssertEqual(HTMLEncoding.declaredCharset(Array("<meta charset=\"Shift_JIS\">".utf8)), "shift_jis")
        XCTAssertEqual(HTMLEncoding.declaredCharset(Array("<META CHARSET=utf-8 />".utf8)), "utf-8")
        XCTAssertEqual(HTMLEncoding.declaredCharset(Array(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">".utf8)), "windows-1251")
        XCTAssertNil(HTMLEncoding.declaredCharset(Array("<p>charset=utf-8</p>".utf8)))
        // Only the first 4 KiB are read.
        XCTAssertNil(HTMLEncoding.declaredCharset(Array((String(repeating: " ", count: 5000) + "<meta charset=koi8-r>").utf8)))
    }

    func testValidUTF8WinsOverALegacyLabel() {
        let bytes = Array("<meta charset=\"gb2312\"><p>新电脑</p>".utf8)
        XCTAssertEqual(HTMLEncoding.prepare(bytes, httpCharset: nil), bytes)
    }

    func testTheHTTPCharsetComesAfterThePagesOwn() {
        // The page says Windows-1252; the HTTP header's KOI8-R is not used.
        let bytes = Array("<meta charset=windows-1252><p>".utf8) + [0xE9] + Array("</p>".utf8)
        XCTAssertEqual(String(decoding: HTMLEncoding.prepare(bytes, httpCharset: "koi8-r"), as: UTF8.self),
                       "<meta charset=windows-1252><p>é</p>")
        let unlabelled = Array("<p>".utf8) + [0xF0, 0xD2] + Array("</p>".utf8)
        XCTAssertEqual(String(decoding: HTMLEncoding.prepare(unlabelled, httpCharset: "KOI8-R"), as: UTF8.self), "<p>Пр</p>")
    }

    func testUnknownLabelsFallBackToUTF8WithWindows1252() {
        let bytes = Array("<meta charset=\"x-no-such-charset\"><p>caf".utf8) + [0xE9] + Array("</p>".utf8)
        XCTAssertEqual(String(decoding: HTMLEncoding.prepare(bytes, httpCharset: nil), as: UTF8.self),
                       "<meta charset=\"x-no-such-charset\"><p>café</p>")
        XCTAssertNil(HTMLEncoding.convert([0x41], from: "bad label; rm -rf"))
    }
}
