import Articles
import Feeds
import Foundation
import XCTest

/// Atom 1.0 and 0.3, field by field.
final class FeedParserAtomTests: XCTestCase {
    func testFeedLevelFields() throws {
        let feed = try FeedFixture.feed("atom10-quirks.xml")
        XCTAssertEqual(feed.format, .atom)
        XCTAssertEqual(feed.title, "Harbour Ledger", "xhtml title as text")
        XCTAssertEqual(feed.siteURL, "https://ledger.example/", "a link without rel is alternate")
        XCTAssertEqual(feed.selfURL, "https://ledger.example/atom")
        XCTAssertEqual(feed.author, "Ledger Desk")
        XCTAssertEqual(feed.items.count, 4)
    }

    func testInheritedAuthorRelativeLinkAndHTMLSummary() throws {
        let item = try FeedFixture.feed("atom10-quirks.xml").items[0]
        XCTAssertEqual(item.guid, "tag:ledger.example,2024:1")
        XCTAssertEqual(item.author, "Ledger Desk")
        XCTAssertEqual(item.link, "https://ledger.example/2024/quays")
        XCTAssertEqual(FeedFixture.iso(item.date), "2024-04-02T12:00:00Z", "updated when not published")
        XCTAssertNil(item.content)
        XCTAssertEqual(item.summary, .html("<p>The quays get new <i>bollards</i>.</p>"))
        XCTAssertEqual(item.article(feedURL: "f", feedTitle: nil).paragraphs, ["The quays get new bollards."])
    }

    func testAlternateLinkPublishedAndContentSrc() throws {
        let item = try FeedFixture.feed("atom10-quirks.xml").items[1]
        XCTAssertEqual(item.link, "https://ledger.example/2024/podcast", "rel=alternate, not the enclosure")
        XCTAssertEqual(FeedFixture.iso(item.date), "2024-04-01T08:00:00Z", "published before updated")
        XCTAssertEqual(item.author, "Tomas Reyes")
        XCTAssertNil(item.content, "content by src is not inline")
        XCTAssertEqual(item.summary, .text("Episode notes: the ferry timetable explained."))
    }

    func testSourceAuthorAndTextContent() throws {
        let item = try FeedFixture.feed("atom10-quirks.xml").items[2]
        XCTAssertEqual(item.author, "Guest Writer", "source/author before the feed's")
        XCTAssertEqual(FeedFixture.iso(item.date), "2024-03-30T22:00:00Z")
        XCTAssertEqual(item.content, .text("First paragraph.\n\nSecond paragraph."))
        XCTAssertEqual(item.article(feedURL: "f", feedTitle: nil).paragraphs, ["First paragraph.", "Second paragraph."])
    }

    func testDublinCoreCreatorInAtom() throws {
        let item = try FeedFixture.feed("atom10-quirks.xml").items[3]
        XCTAssertEqual(item.author, "Ana Ruiz")
        XCTAssertEqual(item.content, .html("<p>Body.</p>"))
    }

    func testSampleAtomFeed() throws {
        let feed = try FeedParser.parse(data: FeedFixture.sample("field-and-circuit.atom"), url: nil)
        XCTAssertEqual(feed.title, "Field & Circuit")
        XCTAssertEqual(feed.items.count, 3)
        let radio = feed.items[0]
        XCTAssertEqual(radio.title, "Repairing a 1970s radio without a schematic", "html title, tags removed")
        XCTAssertEqual(radio.author, "Noor Hassan")
        XCTAssertEqual(FeedFixture.iso(radio.date), "2024-05-20T06:00:00Z")
        XCTAssertEqual(radio.link, "https://www.fieldandcircuit.example/posts/radio-repair")
        let article = radio.article(feedURL: "https://www.fieldandcircuit.example/atom.xml", feedTitle: feed.title)
        XCTAssertEqual(article.sections.map(\.heading), [nil, "Following the signal"])
        XCTAssertEqual(article.source, "Field & Circuit")
        let keyboards = feed.items[1]
        XCTAssertEqual(keyboards.author, "Pavel Ondra")
        guard case .html(let xhtml)? = keyboards.content else { return XCTFail("xhtml content is markup") }
        XCTAssertTrue(xhtml.contains("<p>Buckling springs"), xhtml)
        XCTAssertEqual(keyboards.article(feedURL: "f", feedTitle: nil).paragraphs.count, 2)
        XCTAssertEqual(feed.items[2].article(feedURL: "f", feedTitle: nil).paragraphs.count, 2, "text content")
    }

    func testAtom03EscapedAndBase64Content() throws {
        let feed = try FeedFixture.feed("atom03.xml")
        XCTAssertEqual(feed.format, .atom)
        XCTAssertEqual(feed.title, "La Lanterne du Midi")
        XCTAssertEqual(feed.siteURL, "https://lanterne.example/")
        let market = feed.items[0]
        XCTAssertEqual(market.author, "Rédaction")
        XCTAssertEqual(FeedFixture.iso(market.date), "2023-11-05T08:00:00Z", "issued")
        XCTAssertEqual(market.content, .html("<p>Quarante chalets s’installent sur la place.</p>"))
        let concert = feed.items[1]
        XCTAssertEqual(FeedFixture.iso(concert.date), "2023-11-04T20:00:00Z", "modified")
        XCTAssertEqual(concert.content, .html("<p>Un quatuor joue sur le quai.</p>"))
    }
}
