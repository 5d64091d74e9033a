import Articles
import Feeds
import Foundation
import XCTest

/// Feed items survive being written as Bulletin article files and read back.
final class FeedArticleFileTests: XCTestCase {
    func testEveryFixtureItemRoundTrips() throws {
        var feeds: [(String, ParsedFeed)] = []
        for name in ["rss2-quirks.xml", "rss091.xml", "rdf.xml", "atom10-quirks.xml", "atom03.xml", "jsonfeed10.json"] {
            feeds.append((name, try FeedFixture.feed(name)))
        }
        for name in ["lantern-post.rss", "field-and-circuit.atom", "copper-kettle.json"] {
            feeds.append((name, try FeedParser.parse(data: FeedFixture.sample(name), url: nil)))
        }
        var count = 0
        for (name, feed) in feeds {
            let feedURL = "https://example.org/\(name)"
            for item in feed.items {
                let article = item.article(feedURL: feedURL, feedTitle: feed.title)
                let text = ArticleFile.write(article, guid: item.guid, feed: feedURL)
                let read = try XCTUnwrap(ArticleFile.read(text), name)
                XCTAssertEqual(read.article, article, "\(name)\n\(text)")
                XCTAssertEqual(read.guid, item.guid, name)
                XCTAssertEqual(read.feed, feedURL, name)
                XCTAssertEqual(try ArticleParser.parse(data: Data(text.utf8)), article, name)
                count += 1
            }
        }
        XCTAssertGreaterThanOrEqual(count, 20)
    }
}
