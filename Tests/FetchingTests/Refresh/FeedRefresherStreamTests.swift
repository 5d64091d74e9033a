import Articles
import BulletinTestSupport
import Foundation
import XCTest

@testable import Fetching

/// A feed's refresh hands its items to the writer a slice at a time, in feed order, as they
/// are converted; from the first item that waits for its page on, items are held until the
/// pages are in.
final class FeedRefresherStreamTests: XCTestCase {
    var temp: TemporaryDirectory!
    var server: LocalHTTPServer!

    override func setUpWithError() throws {
        temp = try TemporaryDirectory(prefix: "bulletin-refresh-stream")
        try FileManager.default.createDirectory(at: temp.url.appendingPathComponent("www"), withIntermediateDirectories: true)
        server = try LocalHTTPServer.start(root: temp.url.appendingPathComponent("www"))
    }

    override func tearDown() {
        server?.stop()
        temp?.remove()
    }

    /// An RSS feed of `count` items of 70 words, but the item at `teaser` (if any) has 5
    /// words and a link to a page the server does not have.
    func feed(count: Int, teaser: Int? = nil) -> String {
        let long = Array(repeating: "The ferry crossed the harbour at dawn.", count: 10).joined(separator: " ")
        var text = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Stream</title><link>http://127.0.0.1/</link>"
        for i in 0..<count {
            let body = i == teaser ? "A short teaser, nothing more." : long
            text += "<item><title>Item \(i)</title><guid>g-\(i)</guid><link>\(server.url("/missing/\(i)").absoluteString)</link>"
            text += "<pubDate>Mon, 07 Oct 2024 10:00:00 GMT</pubDate><description>\(body)</description></item>"
        }
        return text + "</channel></rss>"
    }

    /// Refreshes `subscription` with a fresh state and returns the slices it sent.
    func slices(_ subscription: Subscription) async throws -> (work: FeedWork, slices: [[StagedItem]]) {
        let stream = StagedItemStream()
        let work = try await HTTPFetcher.withFetcher { fetcher in
            await FeedRefresher(transport: fetcher, limiter: FetchLimiter())
                .refresh(subscription, state: FeedState(), now: Date(), sink: stream)
        }
        stream.finish()
        var slices: [[StagedItem]] = []
        while let slice = stream.receive() { slices.append(slice) }
        return (work, slices)
    }

    func testSlicesDoubleUpToTheLargest() {
        var sizes: [Int] = []
        var size: Int?
        for _ in 0..<6 {
            size = ItemPipeline.sliceSize(after: size)
            sizes.append(size!)
        }
        XCTAssertEqual(sizes, [256, 512, 1024, 2048, 2048, 2048])
    }

    func testItemsArriveInSlicesInFeedOrder() async throws {
        let count = 256 + 512 + 76
        _ = try temp.write("www/feed.xml", feed(count: count))
        let url = server.fileURL("feed.xml").absoluteString
        let (work, slices) = try await slices(Subscription(name: "Stream", url: url, fullArticle: .never))
        XCTAssertEqual(work.result.newCount, count)
        XCTAssertEqual(slices.map(\.count), [256, 512, 76])
        let items = slices.flatMap { $0 }
        XCTAssertEqual(items.map(\.guid), (0..<count).map { "g-\($0)" })
        // Rendered and named on the way.
        XCTAssertTrue(items.allSatisfy { item in
            guard let rendered = item.stored.rendered else { return false }
            return rendered.bytes == item.stored.file.renderedBytes() && rendered.plainName.hasSuffix(".md")
        })
    }

    func testItemsFromTheFirstTeaserOnWaitForThePages() async throws {
        let count = 256 + 512 + 76
        let teaser = 256 + 188
        _ = try temp.write("www/feed.xml", feed(count: count, teaser: teaser))
        let url = server.fileURL("feed.xml").absoluteString
        let (work, slices) = try await slices(Subscription(name: "Stream", url: url, fullArticle: .auto))
        XCTAssertEqual(work.result.newCount, count)
        // The first slice went at once; the rest waited for the teaser's page (missing: it
        // stays a teaser).
        XCTAssertEqual(slices.map(\.count), [256, count - 256])
        let items = slices.flatMap { $0 }
        XCTAssertEqual(items.map(\.guid), (0..<count).map { "g-\($0)" })
        XCTAssertEqual(items.filter(\.teaser).map(\.guid), ["g-\(teaser)"])
    }

    /// A feed read while it is parsed but whose link (the base of its relative item links)
    /// comes after the items is read again whole: the items are the whole parse's, sent once.
    func testAFeedWhoseLinkFollowsItsItemsIsReadWhole() async throws {
        var rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Late</title>"
        for i in 0..<300 { rss += "<item><title>Item \(i)</title><guid>g-\(i)</guid><link>/items/\(i)</link><description>Words.</description></item>" }
        rss += "<link>https://site.example/</link></channel></rss>"
        _ = try temp.write("www/feed.xml", rss)
        let (work, slices) = try await slices(Subscription(name: "Late", url: server.fileURL("feed.xml").absoluteString, fullArticle: .never))
        XCTAssertEqual(work.result.newCount, 300)
        XCTAssertEqual(slices.map(\.count), [256, 44])
        let items = slices.flatMap { $0 }
        XCTAssertEqual(items.map(\.guid), (0..<300).map { "g-\($0)" })
        XCTAssertEqual(items.last?.stored.file.article.url, "https://site.example/items/299")
    }

    /// A feed libxml2 has to recover (a bare `&`) is still read, whole, as before.
    func testARecoveredFeedIsStillRead() async throws {
        _ = try temp.write("www/feed.xml", feed(count: 3).replacingOccurrences(of: "<title>Item 1</title>", with: "<title>Item 1 & more</title>"))
        let (work, slices) = try await slices(Subscription(name: "Amp", url: server.fileURL("feed.xml").absoluteString, fullArticle: .never))
        XCTAssertEqual(work.result.status, .ok)
        XCTAssertEqual(slices.flatMap { $0 }.map(\.guid), ["g-0", "g-1", "g-2"])
    }

    /// The writer's side: `receive` waits for a slice sent from another thread, gives the
    /// slices in order, and ends once the stream is finished and drained.
    func testReceiveWaitsForSlicesAndEndsAfterFinish() {
        let stream = StagedItemStream()
        let received = expectation(description: "slices received")
        final class Box: @unchecked Sendable { var guids: [[String]] = [] }
        let box = Box()
        Thread {
            while let slice = stream.receive() { box.guids.append(slice.map(\.guid)) }
            received.fulfill()
        }.start()
        func item(_ guid: String) -> StagedItem {
            StagedItem(guid: guid, stored: ArticleStore.Item(file: ArticleFile(
                article: Article(id: ArticleID(rawValue: "0123456789abcdef"), title: guid), guid: guid, feed: "f")),
                       fingerprint: "0", teaser: false)
        }
        Thread.sleep(forTimeInterval: 0.05)  // the reader is waiting now, most likely
        stream.send([item("a"), item("b")])
        stream.send([item("c")])
        stream.finish()
        wait(for: [received], timeout: 10)
        XCTAssertEqual(box.guids, [["a", "b"], ["c"]])
        XCTAssertNil(stream.receive())
    }
}
