import Feeds
import Foundation
import XCTest

/// OPML 1.0/2.0 import (folders become tags, duplicates skipped) and OPML 2.0 export.
final class OPMLTests: XCTestCase {
    func testFoldersBecomeTagsAndDuplicatesAreSkipped() throws {
        let outlines = try OPML.parse(data: FeedFixture.data("opml1-folders.opml"))
        XCTAssertEqual(outlines, [
            OPMLOutline(url: "https://saltmarsh.example/feed.xml", title: "Saltmarsh Weekly",
                        siteURL: "https://saltmarsh.example/", tags: ["News"]),
            OPMLOutline(url: "http://www.eastgate-news.example/rss", title: "Eastgate Evening News", tags: ["News", "Local"]),
            OPMLOutline(url: "https://www.fieldandcircuit.example/atom.xml", title: "Field & Circuit",
                        tags: ["Tech & Repair", "hardware", "radio"]),
            OPMLOutline(url: "https://old.example/rss", title: "Old style"),
            OPMLOutline(url: "https://cafe.example/feed", title: "Café notes"),
        ])
    }

    func testSampleOPML() throws {
        let data = try Data(contentsOf: FeedFixture.sampleURL("feeds.opml"))
        let outlines = try OPML.parse(data: data)
        XCTAssertEqual(outlines.count, 8)
        XCTAssertEqual(outlines[3].title, "Field & Circuit")
        XCTAssertTrue(outlines.allSatisfy { $0.url.hasPrefix("https://") && $0.tags.isEmpty })
    }

    func testRoundTrip() throws {
        let outlines = [
            OPMLOutline(url: "https://a.example/feed?x=1&y=2", title: "A \"quoted\" <feed> & more", siteURL: "https://a.example/",
                        tags: ["News", "Local"]),
            OPMLOutline(url: "https://b.example/rss", title: "B's feed", tags: []),
            OPMLOutline(url: "https://c.example/atom", title: "Ünïcödé 日本", tags: ["tech"]),
        ]
        let text = OPML.write(outlines)
        XCTAssertTrue(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"))
        XCTAssertTrue(text.contains("xmlUrl=\"https://a.example/feed?x=1&amp;y=2\""), text)
        XCTAssertTrue(text.contains("category=\"News,Local\""), text)
        XCTAssertEqual(try OPML.parse(data: Data(text.utf8)), outlines)
    }

    /// A comma followed by a combining mark is one Character; the tags around it stay two.
    func testCategoryCommaBeforeACombiningMarkSeparatesTags() throws {
        let outlines = [OPMLOutline(url: "https://a.example/feed", title: "A", tags: ["Repair", "\u{0657}mark"])]
        let text = OPML.write(outlines)
        XCTAssertTrue(text.contains("category=\"Repair,\u{0657}mark\""), text)
        XCTAssertEqual(try OPML.parse(data: Data(text.utf8)), outlines)
    }

    func testWriteEscapesEverythingXMLForbids() throws {
        let outlines = [OPMLOutline(url: "https://a.example/\u{1}feed", title: "Line\nbreak\ttab\u{0}nul\u{FFFF}", tags: ["a,b"])]
        let text = OPML.write(outlines)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        XCTAssertTrue(text.contains("Line&#10;break&#9;tabnul\""), text)
        XCTAssertTrue(text.contains("category=\"a b\""), "commas separate categories")
        let back = try OPML.parse(data: Data(text.utf8))
        XCTAssertEqual(back.first?.url, "https://a.example/feed")
        XCTAssertEqual(back.first?.title, "Line break tabnul")
    }

    func testNotOPML() throws {
        XCTAssertThrowsError(try OPML.parse(data: FeedFixture.sample("lantern-post.rss"))) { error in
            guard case .notOPML(let detail)? = error as? FeedParseError else { return XCTFail("\(error)") }
            XCTAssertTrue(detail.contains("feed"))
        }
        XCTAssertThrowsError(try OPML.parse(data: FeedFixture.data("webpage.html"))) {
            XCTAssertEqual($0 as? FeedParseError, .webPage)
        }
        XCTAssertThrowsError(try OPML.parse(data: Data())) { XCTAssertEqual($0 as? FeedParseError, .empty) }
        XCTAssertThrowsError(try OPML.parse(data: Data("hello".utf8)))
    }

    func testHostileOPMLIsRefused() throws {
        let bomb = HostileXMLTests.billionLaughs.replacingOccurrences(of: "<!DOCTYPE rss", with: "<!DOCTYPE opml")
            .replacingOccurrences(of: "<rss version=\"2.0\"><channel><title>Laughs &lol9;</title>", with: "<opml><body><outline text=\"&lol9;\" xmlUrl=\"https://x.example/\"/>")
            .replacingOccurrences(of: "</channel></rss>", with: "</body></opml>")
        XCTAssertThrowsError(try OPML.parse(data: Data(bomb.utf8))) {
            XCTAssertEqual($0 as? FeedParseError, .entityExpansion)
        }
    }
}
