import Articles
import Feeds
import Foundation
import XCTest

/// A 10,000-item feed: parsed whole, in order, with the time measured (printed, not asserted;
/// the speed comparison lives in `make bench`).
final class LargeFeedTests: XCTestCase {
    static func rss(items: Int) -> Data {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Large feed</title><link>https://large.example/</link>

            """
        text.reserveCapacity(items * 700)
        for i in 0..<items {
            text += """
                <item><title>Item number \(i) about tides &amp; boats</title>
                <link>https://large.example/items/\(i)</link><guid isPermaLink="false">large-\(i)</guid>
                <pubDate>Mon, \(i % 28 + 1) Jan 2024 \(String(format: "%02d", i % 24)):15:00 +0000</pubDate>
                <dc:creator>Writer \(i % 17)</dc:creator>
                <description>&lt;p&gt;Paragraph one of item \(i) says that the tide came in early and the boats waited at the quay for the pilot.&lt;/p&gt;&lt;p&gt;Paragraph two adds that the harbour master will publish new tables next week.&lt;/p&gt;</description>
                </item>

                """
        }
        text += "</channel></rss>\n"
        return Data(text.utf8)
    }

    func testTenThousandItems() throws {
        let data = LargeFeedTests.rss(items: 10_000)
        let clock = ContinuousClock()
        var feed: ParsedFeed!
        let parse = try clock.measure { feed = try FeedParser.parse(data: data, url: "https://large.example/feed") }
        XCTAssertEqual(feed.items.count, 10_000)
        XCTAssertEqual(feed.items[9_999].guid, "large-9999")
        XCTAssertEqual(feed.items[9_999].author, "Writer \(9_999 % 17)")
        XCTAssertEqual(feed.items[42].title, "Item number 42 about tides & boats")
        XCTAssertEqual(FeedFixture.iso(feed.items[42].date), "2024-01-15T18:15:00Z")
        var articles: [Article] = []
        let convert = clock.measure { articles = feed.articles(feedURL: "https://large.example/feed") }
        XCTAssertEqual(Set(articles.map(\.id)).count, 10_000)
        XCTAssertEqual(articles, feed.items.map { $0.article(feedURL: "https://large.example/feed", feedTitle: feed.title) },
                       "the concurrent conversion gives the items' articles in order")
        XCTAssertEqual(articles[7].paragraphs.count, 2)
        print("LargeFeedTests: \(data.count / 1024) KiB, 10,000 items: parse \(parse), to articles \(convert)")
    }
}
