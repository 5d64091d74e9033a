import XCTest

@testable import Articles

/// ``SourceExtractor/host(of:)``: the byte path for ASCII urls agrees with the `Character` one.
final class SourceExtractorHostTests: XCTestCase {
    func testHosts() {
        XCTAssertEqual(SourceExtractor.host(of: "https://www.theverge.com/x"), "theverge.com")
        XCTAssertEqual(SourceExtractor.host(of: "HTTP://WWW.Example.COM:8080/a?b#c"), "example.com")
        XCTAssertEqual(SourceExtractor.host(of: "www.harbour-ledger.org/story"), "harbour-ledger.org")
        XCTAssertNil(SourceExtractor.host(of: "https://localhost/a"))
        XCTAssertEqual(SourceExtractor.host(of: "https://café.example/a"), "café.example")
    }

    func testBytePathAgreesWithTheCharacterPath() {
        let urls = [
            "https://www.theverge.com/x", "HTTP://WWW.Example.COM:8080/a?b#c", "www.a.b", "WWW.", "www.x", "a://b.c",
            "://x.y", "https://", "", ".", "ftp://files.example.net/pub", "https://a.b/c://d.e", "x.y:80", "?a.b",
            "#frag.ment", "https://www.www.example.com", "mailto:someone@example.com", "https://Sub.Domain.Example.io/",
        ]
        for url in urls {
            let bytes = UTF8Scan.withBytes(url, SourceExtractor.asciiHost)
            XCTAssertNotNil(bytes, url)
            XCTAssertEqual(bytes!, SourceExtractor.unicodeHost(of: url), url)
        }
        XCTAssertNil(UTF8Scan.withBytes("https://café.example/a", SourceExtractor.asciiHost))
    }
}
