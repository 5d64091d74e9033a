import Feeds
import Foundation
import XCTest

/// Telling feeds, OPML, web pages and other documents apart by their first bytes.
final class FeedSnifferTests: XCTestCase {
    func kind(_ text: String) -> FeedSniffer.Kind { FeedSniffer.kind(of: Data(text.utf8)) }

    func testKinds() {
        XCTAssertEqual(kind("<rss version=\"2.0\">"), .rss)
        XCTAssertEqual(kind("\u{FEFF}<?xml version=\"1.0\"?>\n<!-- a comment with <feed> inside -->\n<rss>"), .rss)
        XCTAssertEqual(kind("<?xml version=\"1.0\"?><!DOCTYPE rss [ <!ENTITY a \"<feed>\"> ]><rss>"), .rss)
        XCTAssertEqual(kind("<rdf:RDF xmlns:rdf=\"x\">"), .rdf)
        XCTAssertEqual(kind("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), .atom)
        XCTAssertEqual(kind("<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">"), .atom)
        XCTAssertEqual(kind("<opml version=\"2.0\">"), .opml)
        XCTAssertEqual(kind("<!DOCTYPE html><p>"), .html)
        XCTAssertEqual(kind("  <html lang=\"en\">"), .html)
        XCTAssertEqual(kind("<svg/>"), .otherXML("svg"))
        XCTAssertEqual(kind("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"), .jsonFeed)
        XCTAssertEqual(kind("{\"items\": [], \"version\": \"https://jsonfeed.org/version/1\"}"), .jsonFeed)
        XCTAssertEqual(kind("{\"version\": 2}"), .unknown)
        XCTAssertEqual(kind("plain words"), .unknown)
        XCTAssertEqual(kind(""), .unknown)
        XCTAssertEqual(kind("<?xml version=\"1.0\""), .unknown, "unterminated declaration")
        XCTAssertEqual(kind("<!-- never closed"), .unknown)
    }

    func testIsFeed() {
        XCTAssertTrue(FeedSniffer.isFeed(Data("<rss>".utf8)))
        XCTAssertTrue(FeedSniffer.isFeed(Data("<feed>".utf8)))
        XCTAssertFalse(FeedSniffer.isFeed(Data("<opml>".utf8)))
        XCTAssertFalse(FeedSniffer.isFeed(Data("<html>".utf8)))
        XCTAssertFalse(FeedSniffer.isFeed(Data("Title\n\nBody.".utf8)))
        XCTAssertFalse(FeedSniffer.isFeed(Data("---\nbulletin: 1\n---\n".utf8)))
    }
}
