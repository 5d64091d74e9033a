import Articles
import BulletinTestSupport
import Foundation
import XCTest

@testable import Fetching

/// The scheduler against the local server: limits, slow feeds, stored files and state.
final class RefreshRunTests: XCTestCase {
    var temp: TemporaryDirectory!
    var server: LocalHTTPServer!
    var paths: FetchingPaths {
        FetchingPaths(configDirectory: temp.url.appendingPathComponent("config"), dataDirectory: temp.url.appendingPathComponent("data"))
    }

    override func setUpWithError() throws {
        temp = try TemporaryDirectory(prefix: "bulletin-refresh")
        try FileManager.default.createDirectory(at: temp.url.appendingPathComponent("www"), withIntermediateDirectories: true)
        server = try LocalHTTPServer.start(root: temp.url.appendingPathComponent("www"))
    }

    override func tearDown() {
        server?.stop()
        temp?.remove()
    }

    func testSlowFeedDelaysNoOtherFeedBeyondItsOwnTimeout() async throws {
        let limits = HTTPLimits(lowSpeedWindow: .seconds(2), totalTimeout: .seconds(3))
        var subscriptions = [Subscription(name: "Slow", url: server.url("/stall-headers?seconds=30").absoluteString)]
        for i in 0..<6 {
            subscriptions.append(Subscription(name: "Fast \(i)", url: server.url("/feed?items=3&n=\(i)").absoluteString,
                                              fullArticle: .never))
        }
        let progress = ProgressLog()
        let started = Date()
        let summary = try await HTTPFetcher.withFetcher(limits: limits) { fetcher in
            try await RefreshRun(paths: paths, transport: fetcher).run(subscriptions) { progress.add($0) }
        }
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertLessThan(elapsed, 10, "the slow feed held the run")
        XCTAssertEqual(summary.failures.map(\.subscription.name), ["Slow"])
        XCTAssertTrue(summary.failures[0].status.description.contains("timed out"), summary.failures[0].status.description)
        // The fast feeds finished before the slow one: progress reached 6 while it was still waiting.
        XCTAssertEqual(progress.values.last, RefreshProgress(done: 7, total: 7, newArticles: 18))
        XCTAssertLessThan(progress.times[5].timeIntervalSince(started), 2.5)
    }

    func testStoredFilesAndStateRecordEveryItemOnce() async throws {
        let feed = server.url("/feed?items=25").absoluteString
        let subscriptions = [Subscription(name: "Generated / ../Feed", url: feed, fullArticle: .never)]
        let first = try await HTTPFetcher.withFetcher { fetcher in
            try await RefreshRun(paths: paths, transport: fetcher).run(subscriptions)
        }
        XCTAssertEqual(first.newArticles, 25)
        let folder = paths.articlesDirectory.appendingPathComponent("generated-feed")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        XCTAssertEqual(names.count, 25)
        let state = FeedStateFile.load(paths.stateFile)[feed]
        XCTAssertEqual(state.items.count, 25)
        XCTAssertEqual(state.lastStatus, .ok)
        for item in state.items.values {
            let text = try String(contentsOf: paths.articlesDirectory.appendingPathComponent(item.file), encoding: .utf8)
            XCTAssertTrue(text.contains("id: \(item.id)"), item.file)
        }
        // The same items again are not stored twice.
        let second = try await HTTPFetcher.withFetcher { fetcher in
            try await RefreshRun(paths: paths, transport: fetcher).run(subscriptions)
        }
        XCTAssertEqual(second.newArticles, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.count, 25)
    }

    func testPruningRunsBeforeTheFetchAndPrunedItemsAreNotStoredAgain() async throws {
        func rss(_ guids: [String]) -> String {
            var out = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Old news</title>"
            for (i, guid) in guids.enumerated() {
                out += "<item><title>Story \(guid)</title><guid isPermaLink=\"false\">\(guid)</guid>"
                out += "<pubDate>Tue, 0\(i + 1) Oct 2024 08:00:00 GMT</pubDate><description>Words about \(guid).</description></item>"
            }
            return out + "</channel></rss>"
        }
        try temp.write("www/old.xml", rss(["a", "b"]))
        let url = server.fileURL("old.xml").absoluteString
        let subscriptions = [Subscription(name: "Old news", url: url, fullArticle: .never)]
        let everythingRead: @Sendable () -> ReadingStateLookup = { ReadingStateLookup { _ in true } }
        let policy = PrunePolicy(keepDays: 30)
        let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
        func refresh() async throws -> RefreshSummary {
            try await HTTPFetcher.withFetcher { fetcher in
                try await RefreshRun(paths: paths, transport: fetcher, prune: policy, readingState: everythingRead)
                    .run(subscriptions, now: now)
            }
        }
        let first = try await refresh()
        XCTAssertEqual(first.newArticles, 2)
        XCTAssertEqual(first.pruned, [])
        let folder = paths.articlesDirectory.appendingPathComponent("old-news")
        func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted() }
        XCTAssertEqual(try files().count, 2)

        // Both are old and read: pruned before the fetch; the feed still lists them, so only c is stored.
        try temp.write("www/old.xml", rss(["a", "b", "c"]))
        let second = try await refresh()
        XCTAssertEqual(second.pruned.map(\.guid).sorted(), ["a", "b"])
        XCTAssertEqual(second.newArticles, 1)
        XCTAssertTrue(second.line.hasSuffix("; 1 new article, 2 pruned"), second.line)
        XCTAssertEqual(try files(), ["2024-10-03-story-c.md"])
        var state = FeedStateFile.load(paths.stateFile)[url]
        XCTAssertEqual(state.items["a"]?.pruned, true)
        XCTAssertEqual(state.items["c"]?.pruned, nil)

        // The feed drops a and b: they are forgotten; c is pruned in turn.
        try temp.write("www/old.xml", rss(["c"]))
        let third = try await refresh()
        XCTAssertEqual(third.pruned.map(\.guid), ["c"])
        XCTAssertEqual(third.newArticles, 0)
        XCTAssertEqual(try files(), [])
        state = FeedStateFile.load(paths.stateFile)[url]
        XCTAssertEqual(Set(state.items.keys), ["c"])
        XCTAssertEqual(state.items["c"]?.pruned, true)
    }

    /// A refresh records the new files' index entries: the library over the articles folder
    /// then parses none of them, and its entries equal those of parsing every file.
    func testRefreshRecordsIndexEntriesTheLibraryUsesWithoutParsing() async throws {
        let www = temp.url.appendingPathComponent("www")
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("FeedsTests/Fixtures")
        var subscriptions = [Subscription(name: "Generated", url: server.url("/feed?items=40").absoluteString, fullArticle: .never)]
        for name in ["rss2-quirks.xml", "atom10-quirks.xml", "atom03.xml", "rss091.xml", "rdf.xml", "jsonfeed10.json"] {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: www.appendingPathComponent(name))
            subscriptions.append(Subscription(name: name, url: server.url("/files/\(name)").absoluteString, fullArticle: .never))
        }
        let cache = temp.url.appendingPathComponent("cache")
        var paths = self.paths
        paths.indexCacheDirectory = cache
        let root = paths.articlesDirectory.path
        // An article already in the library, indexed by an earlier start, keeps its entry.
        let own = paths.articlesDirectory.appendingPathComponent("own/2024-01-02-mine.txt")
        try FileManager.default.createDirectory(at: own.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("Mine\n\nA paragraph of my own, long enough to count.\n".utf8).write(to: own)
        XCTAssertEqual(Library(paths: [root], cacheDirectory: cache).parsedCount, 1)

        let summary = try await HTTPFetcher.withFetcher { fetcher in
            try await RefreshRun(paths: paths, transport: fetcher).run(subscriptions)
        }
        XCTAssertEqual(summary.failures.count, 0)
        XCTAssertGreaterThan(summary.newArticles, 45)
        let cached = Library(paths: [root], cacheDirectory: cache)
        XCTAssertEqual(cached.parsedCount, 0, "every stored article came from the index cache")
        let parsed = Library(paths: [root], cacheDirectory: nil)
        XCTAssertEqual(parsed.parsedCount, summary.newArticles + 1)
        XCTAssertEqual(cached.entries, parsed.entries)
        XCTAssertEqual(cached.notices, parsed.notices)
    }
}

/// Progress values and when they arrived, from any task.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(RefreshProgress, Date)] = []

    func add(_ progress: RefreshProgress) { lock.withLock { entries.append((progress, Date())) } }
    var values: [RefreshProgress] { lock.withLock { entries.map(\.0) } }
    var times: [Date] { lock.withLock { entries.map(\.1) } }
}
