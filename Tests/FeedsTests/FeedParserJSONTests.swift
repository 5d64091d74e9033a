import Articles
import Feeds
import Foundation
import XCTest

/// JSON Feed 1.0 and 1.1, field by field.
final class FeedParserJSONTests: XCTestCase {
    func testJSONFeed11Sample() throws {
        let feed = try FeedParser.parse(data: FeedFixture.sample("copper-kettle.json"), url: nil)
        XCTAssertEqual(feed.format, .jsonFeed)
        XCTAssertEqual(feed.title, "The Copper Kettle")
        XCTAssertEqual(feed.siteURL, "https://www.copperkettle.example/")
        XCTAssertEqual(feed.selfURL, "https://www.copperkettle.example/feed.json")
        XCTAssertEqual(feed.author, "Ada Lindqvist")
        XCTAssertEqual(feed.items.count, 3)
        let soup = feed.items[0]
        XCTAssertEqual(soup.guid, "ck-2024-06-01-barley-soup")
        XCTAssertEqual(soup.link, "https://www.copperkettle.example/recipes/barley-soup")
        XCTAssertEqual(soup.author, "Ada Lindqvist", "inherited authors")
        XCTAssertEqual(FeedFixture.iso(soup.date), "2024-06-01T16:30:00Z")
        XCTAssertEqual(soup.summary, .text("Toasted barley, leeks and smoked fish."))
        XCTAssertEqual(soup.article(feedURL: "f", feedTitle: nil).sections.map(\.heading), [nil, "Serving"])
        let kettle = feed.items[1]
        XCTAssertEqual(kettle.author, "Tomas Ek", "item authors")
        XCTAssertEqual(kettle.article(feedURL: "f", feedTitle: nil).paragraphs.count, 3, "content_text paragraphs")
        let rhubarb = feed.items[2]
        XCTAssertNil(rhubarb.content)
        XCTAssertEqual(rhubarb.body, .text("Compote, cordial and a crumble for the first stalks of the year."))
        XCTAssertTrue(rhubarb.isTeaser)
    }

    func testJSONFeed10() throws {
        let feed = try FeedFixture.feed("jsonfeed10.json")
        XCTAssertEqual(feed.title, "Field Notes")
        XCTAssertEqual(feed.author, "Imke Sato", "1.0 author object")
        let link = feed.items[0]
        XCTAssertEqual(link.guid, "42", "numeric id")
        XCTAssertEqual(link.link, "https://elsewhere.example/article", "external_url without url")
        XCTAssertEqual(FeedFixture.iso(link.date), "2024-01-10T10:00:00Z", "date_modified")
        XCTAssertEqual(link.content, .text("Worth reading."))
        let untitled = feed.items[1]
        XCTAssertNil(untitled.title)
        XCTAssertEqual(untitled.author, "Guest Poster")
        XCTAssertEqual(FeedFixture.iso(untitled.date), "2024-01-08T22:30:00Z")
        let article = untitled.article(feedURL: "https://notes.example/feed.json", feedTitle: feed.title)
        XCTAssertEqual(article.title, "An untitled micro post about the first frost on the allotment this morning.")
    }
}
