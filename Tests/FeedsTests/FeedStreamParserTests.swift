import Articles
import Feeds
import Foundation
import XCTest

/// `FeedStreamParser`: items handed over while the document is parsed are exactly the whole
/// parse's, in chunks of any size; any document where they might not be gives `nil`.
final class FeedStreamParserTests: XCTestCase {
    static let url = "https://example.org/feed"

    /// The streamed feed with its items (`nil` when refused) and how many deliveries it made.
    func stream(_ data: Data, chunk: Int = FeedStreamParser.chunkBytes) -> (feed: ParsedFeed?, deliveries: Int) {
        var items: [FeedItem] = []
        var deliveries = 0
        var fields: [ParsedFeed] = []
        let feed = FeedStreamParser.parse(data: data, url: Self.url, chunkBytes: chunk) { feed, batch in
            XCTAssertFalse(batch.isEmpty)
            items += batch
            deliveries += 1
            fields.append(feed)
        }
        guard var feed else { return (nil, deliveries) }
        // Every delivery was read with the fields the feed ends with.
        XCTAssertTrue(fields.allSatisfy { $0.title == feed.title && $0.author == feed.author })
        feed.items = items
        return (feed, deliveries)
    }

    func testFixturesStreamAsTheyParseWholeInChunksOfAnySize() throws {
        var samples: [(String, Data)] = []
        for name in ["rss2-quirks.xml", "atom10-quirks.xml", "atom03.xml", "rss091.xml", "rdf.xml"] {
            samples.append((name, try FeedFixture.data(name)))
        }
        for name in ["lantern-post.rss", "field-and-circuit.atom"] {
            samples.append((name, try FeedFixture.sample(name)))
        }
        for (name, data) in samples {
            let whole = try FeedParser.parse(data: data, url: Self.url)
            XCTAssertGreaterThan(whole.items.count, 1, name)
            for chunk in [1, 7, 100, 4096, FeedStreamParser.chunkBytes] {
                XCTAssertEqual(stream(data, chunk: chunk).feed, whole, "\(name) in chunks of \(chunk)")
            }
        }
    }

    /// Items come out while the rest is parsed: many deliveries, the first long before the end.
    func testItemsAreHandedOverAsTheParserPassesThem() throws {
        var rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title><link>https://example.org/</link>"
        for i in 0..<2_000 {
            rss += "<item><title>Item \(i)</title><link>/items/\(i)</link><guid>g\(i)</guid><description>Text of item \(i).</description></item>\n"
        }
        rss += "</channel></rss>"
        let data = Data(rss.utf8)
        let (feed, deliveries) = stream(data, chunk: 4096)
        XCTAssertEqual(feed, try FeedParser.parse(data: data, url: Self.url))
        XCTAssertGreaterThan(deliveries, 20)
        XCTAssertEqual(feed?.items.first?.link, "https://example.org/items/0")
        XCTAssertEqual(feed?.items.last?.guid, "g1999")
    }

    /// What the items were read with changes after them: refused, for a whole parse.
    func testFeedFieldsAfterTheItemsAreRefused() {
        let item = "<item><title>A</title><link>/a</link><guid>a</guid></item><item><title>B</title><link>/b</link><guid>b</guid></item>"
        let lateLink = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\(item)<link>https://other.example/</link></channel></rss>"
        let lateAuthor = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\(item)<managingEditor>Ed</managingEditor></channel></rss>"
        let lateTitle = """
            <?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>a</id><title>A</title></entry>
            <entry><id>b</id><title>B</title></entry><title>Late</title></feed>
            """
        for text in [lateLink, lateAuthor, lateTitle] {
            XCTAssertNoThrow(try FeedParser.parse(data: Data(text.utf8), url: Self.url))
            XCTAssertNil(stream(Data(text.utf8), chunk: 16).feed, text)
        }
        // A link after the items that changes nothing (the first one wins) is fine.
        let sameLink = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><link>https://example.org/</link>\(item)<link>https://other.example/</link></channel></rss>"
        XCTAssertEqual(stream(Data(sameLink.utf8), chunk: 16).feed, try FeedParser.parse(data: Data(sameLink.utf8), url: Self.url))
    }

    /// Documents the whole parse reads in its own way are refused: recovered, mis-encoded,
    /// items outside their channel, not RSS or Atom at all.
    func testDocumentsReadOtherwiseAreRefused() {
        let item = "<item><title>A</title><guid>a</guid></item>"
        var latin1 = Data("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Caf".utf8)
        latin1.append(0xE9)
        latin1.append(contentsOf: Data("</title>\(item)</channel></rss>".utf8))
        let refused: [(String, Data)] = [
            ("unclosed", Data("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>\(item)<item><title>B".utf8)),
            ("bare ampersand", Data("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>\(item)<item><title>B & C</title></item></channel></rss>".utf8)),
            ("invalid UTF-8", latin1),
            ("item outside the channel", Data("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>\(item)</channel><item><title>B</title></item></rss>".utf8)),
            ("JSON Feed", Data(#"{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [{"id": "1"}]}"#.utf8)),
            ("web page", Data("<!DOCTYPE html><html><head><title>Page</title></head><body><p>Hi</p></body></html>".utf8)),
            ("UTF-16", Data([0xFF, 0xFE]) + "<rss version=\"2.0\"><channel>\(item)</channel></rss>".data(using: .utf16LittleEndian)!),
            ("OPML", Data("<?xml version=\"1.0\"?><opml version=\"2.0\"><body><outline xmlUrl=\"https://a.example/\"/></body></opml>".utf8)),
            ("empty", Data()),
        ]
        for (name, data) in refused {
            XCTAssertNil(stream(data, chunk: 8).feed, name)
            XCTAssertNil(stream(data).feed, name)
        }
    }

    /// A feed with no items streams as its fields alone.
    func testAFeedWithoutItemsGivesItsFields() throws {
        let data = Data("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>".utf8)
        let (feed, deliveries) = stream(data, chunk: 5)
        XCTAssertEqual(deliveries, 0)
        XCTAssertEqual(feed, try FeedParser.parse(data: data, url: Self.url))
        XCTAssertEqual(feed?.title, "Quiet")
    }
}
