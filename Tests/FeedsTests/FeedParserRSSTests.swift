import Articles
import Feeds
import Foundation
import XCTest

/// RSS 2.0, 0.91 and 1.0 (RDF), field by field.
final class FeedParserRSSTests: XCTestCase {
    func testRSS2QuirksFeedFields() throws {
        let feed = try FeedFixture.feed("rss2-quirks.xml")
        XCTAssertEqual(feed.format, .rss)
        XCTAssertEqual(feed.title, "Saltmarsh Weekly", "whitespace and line breaks folded")
        XCTAssertEqual(feed.siteURL, "https://saltmarsh.example/news/")
        XCTAssertEqual(feed.author, "Desk Editor", "managingEditor in `email (Name)` form")
        XCTAssertEqual(feed.items.count, 6)
    }

    func testContentEncodedCreatorAndMalformedDate() throws {
        let item = try FeedFixture.feed("rss2-quirks.xml").items[0]
        XCTAssertEqual(item.title, "Tide tables move online", "media:title is not the title")
        XCTAssertEqual(item.link, "https://saltmarsh.example/news/tides")
        XCTAssertEqual(item.guid, "sm-1001")
        XCTAssertEqual(FeedFixture.iso(item.date), "2024-03-11T11:45:00Z", "no weekday, no seconds, EST")
        XCTAssertEqual(item.author, "Rowan Pike", "dc:creator")
        guard case .html(let html)? = item.content else { return XCTFail("content:encoded is HTML: \(item)") }
        XCTAssertTrue(html.hasPrefix("<p>The printed tide tables"))
        XCTAssertEqual(item.summary, .text("Short teaser about the tide tables."))
        XCTAssertTrue(item.isTeaser, "under 60 words")
    }

    func testPlainDescriptionAuthorEmailAndTwoDigitYear() throws {
        let item = try FeedFixture.feed("rss2-quirks.xml").items[1]
        XCTAssertNil(item.guid)
        XCTAssertEqual(item.link, "https://saltmarsh.example/news/reeds")
        XCTAssertEqual(FeedFixture.iso(item.date), "2024-03-04T18:00:00Z")
        XCTAssertEqual(item.author, "Rowan Pike")
        XCTAssertEqual(item.content, .text("Cutters start on the east bank this week.\n\nBundles will dry along the sea wall until May."))
        let article = item.article(feedURL: "https://saltmarsh.example/feed", feedTitle: "Saltmarsh Weekly")
        XCTAssertEqual(article.paragraphs, [
            "Cutters start on the east bank this week.", "Bundles will dry along the sea wall until May.",
        ])
        XCTAssertEqual(item.identityKey, "https://saltmarsh.example/news/reeds", "the link when there is no guid")
    }

    func testControlAndBidiCharactersAreRemovedAndPermalinkGuidIsTheLink() throws {
        let item = try FeedFixture.feed("rss2-quirks.xml").items[2]
        XCTAssertEqual(item.title, "Warning lights on the causeway")
        XCTAssertEqual(item.guid, "https://saltmarsh.example/news/causeway-lights")
        XCTAssertEqual(item.link, item.guid)
        XCTAssertEqual(FeedFixture.iso(item.date), "2024-03-03T15:45:00Z")
        XCTAssertEqual(item.content, .html("<p>New amber lights flash when the tide covers the road.</p>"))
    }

    func testRelativeLinkDcDateAndInheritedAuthor() throws {
        let item = try FeedFixture.feed("rss2-quirks.xml").items[3]
        XCTAssertEqual(item.title, "Village hall & library reopen")
        XCTAssertEqual(item.link, "https://saltmarsh.example/news/hall")
        XCTAssertEqual(FeedFixture.iso(item.date), "2024-03-01T08:30:00Z", "fraction dropped")
        XCTAssertEqual(item.date?.timeIntervalSince1970.truncatingRemainder(dividingBy: 1), 0)
        XCTAssertEqual(item.author, "Desk Editor", "inherited from the channel")
    }

    func testItemWithoutGuidOrLinkIsKeyedByTitleAndDate() throws {
        let item = try FeedFixture.feed("rss2-quirks.xml").items[4]
        XCTAssertNil(item.link)
        XCTAssertEqual(item.identityKey, "Untracked item\n2024-02-29T08:00:00Z")
        let article = item.article(feedURL: "https://saltmarsh.example/feed", feedTitle: nil)
        XCTAssertEqual(article.paragraphs, ["Fish & chips night is back."])
    }

    func testScriptLinkIsDroppedAndUnsignedOffsetIsRead() throws {
        let item = try FeedFixture.feed("rss2-quirks.xml").items[5]
        XCTAssertNil(item.link, "javascript: is not a link")
        XCTAssertNil(item.content)
        XCTAssertEqual(FeedFixture.iso(item.date), "2024-02-28T07:00:00Z")
        XCTAssertTrue(item.isTeaser)
        XCTAssertEqual(item.article(feedURL: "u", feedTitle: nil).sections, [])
    }

    func testRSS091Latin1WithNetscapeDoctype() throws {
        let feed = try FeedFixture.feed("rss091.xml")
        XCTAssertEqual(feed.format, .rss)
        XCTAssertEqual(feed.title, "Eastgate Evening News")
        XCTAssertEqual(feed.siteURL, "http://www.eastgate-news.example/")
        XCTAssertEqual(feed.items.map(\.title), ["Café on the corner wins a prize", "Market moves indoors for winter"])
        XCTAssertEqual(feed.items[0].content, .html("The judges praised its <b>rye bread</b>."))
        XCTAssertEqual(feed.items[0].article(feedURL: "x", feedTitle: feed.title).paragraphs,
                       ["The judges praised its rye bread."])
        XCTAssertNil(feed.items[1].content)
        XCTAssertNil(feed.items[1].date)
    }

    func testRDF() throws {
        let feed = try FeedFixture.feed("rdf.xml")
        XCTAssertEqual(feed.format, .rdf)
        XCTAssertEqual(feed.title, "Northwind Review")
        XCTAssertEqual(feed.siteURL, "https://northwind.example/")
        XCTAssertEqual(feed.author, "Editors of the Review")
        XCTAssertEqual(feed.items.count, 2)
        let gale = feed.items[0]
        XCTAssertEqual(gale.guid, "https://northwind.example/essays/gale", "rdf:about")
        XCTAssertEqual(gale.title, "Reading a gale from the kitchen window")
        XCTAssertEqual(gale.author, "Liesel Varga")
        XCTAssertEqual(FeedFixture.iso(gale.date), "2024-02-14T12:00:00Z")
        XCTAssertEqual(gale.content, .text("How the trees announce the wind before the forecast does."))
        let calm = feed.items[1]
        XCTAssertEqual(calm.author, "Editors of the Review")
        XCTAssertEqual(FeedFixture.iso(calm.date), "2024-02-07T00:00:00Z")
        XCTAssertEqual(calm.content, .html("<p>A still morning is rare on the coast, and worth a walk.</p>"))
    }

    func testSampleRSSFeed() throws {
        let feed = try FeedParser.parse(data: FeedFixture.sample("lantern-post.rss"), url: nil)
        XCTAssertEqual(feed.title, "The Lantern Post")
        XCTAssertEqual(feed.selfURL, "https://www.lanternpost.example/feed.rss")
        XCTAssertEqual(feed.items.count, 3)
        XCTAssertEqual(feed.items[2].title, "A lighthouse keeper’s last logbook goes on show")
        XCTAssertEqual(FeedFixture.iso(feed.items[2].date), "2024-03-02T08:00:00Z")
        let article = feed.items[0].article(feedURL: "https://www.lanternpost.example/feed.rss", feedTitle: feed.title)
        XCTAssertEqual(article.sections.map(\.heading), [nil, "Who asked for it"])
        XCTAssertEqual(article.sections[1].paragraphs[1], "• Four crossings a night from April.")
        XCTAssertTrue(article.sections[1].paragraphs[0].contains("“We finish when the city is asleep,”"))
        XCTAssertFalse(feed.items[0].isTeaser)
        XCTAssertTrue(feed.items[1].isTeaser, "description only")
    }
}
