import Articles
import Feeds
import Foundation
import XCTest

/// `FeedParser.parseLazily`: the feed's fields at once and its items read a range at a
/// time, in any order, the same items as a whole parse.
final class FeedItemSourceTests: XCTestCase {
    func testItemsReadInRangesAreTheWholeFeedsItems() throws {
        for name in ["rss2-quirks.xml", "atom10-quirks.xml", "atom03.xml", "rss091.xml", "rdf.xml", "jsonfeed10.json"] {
            let data = try FeedFixture.data(name)
            let whole = try FeedParser.parse(data: data, url: "https://example.org/feed")
            let source = try FeedParser.parseLazily(data: data, url: "https://example.org/feed")
            XCTAssertGreaterThan(source.count, 1, name)
            XCTAssertEqual(source.count, whole.items.count, name)
            XCTAssertEqual(source.feed.items, [], name)
            var fields = whole
            fields.items = []
            XCTAssertEqual(source.feed, fields, name)
            // One at a time, last first: each item reads the same on its own.
            let backwards = (0..<source.count).reversed().flatMap { source.items($0..<($0 + 1)) }
            XCTAssertEqual(Array(backwards.reversed()), whole.items, name)
            XCTAssertEqual(source.items(1..<source.count), Array(whole.items.dropFirst()), name)
            XCTAssertEqual(source.items(0..<0), [], name)
        }
    }

    /// An item naming no author takes the feed's, however it is read.
    func testItemsInheritTheFeedsAuthorInEveryRange() throws {
        let rss = """
            <?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
            <title>T</title><dc:creator>Feed Writer</dc:creator>
            <item><title>A</title><guid>a</guid></item>
            <item><title>B</title><guid>b</guid><dc:creator>Own Writer</dc:creator></item>
            </channel></rss>
            """
        let source = try FeedParser.parseLazily(data: Data(rss.utf8))
        XCTAssertEqual(source.items(0..<1).map(\.author), ["Feed Writer"])
        XCTAssertEqual(source.items(1..<2).map(\.author), ["Own Writer"])
    }

    /// Every error is found before any item is read: a recovered document with nothing in
    /// it fails as a whole parse does.
    func testErrorsComeFromTheParseNotFromReadingItems() {
        let broken = Data("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>unclosed".utf8)
        let whole = Result { try FeedParser.parse(data: broken) }
        let lazy = Result { try FeedParser.parseLazily(data: broken) }
        switch (whole, lazy) {
        case (.failure(let a), .failure(let b)): XCTAssertEqual("\(a)", "\(b)")
        case (.success(let feed), .success(let source)): XCTAssertEqual(feed.items, source.all().items)
        default: XCTFail("the lazy parse and the whole parse disagree: \(whole) / \(lazy)")
        }
    }
}
