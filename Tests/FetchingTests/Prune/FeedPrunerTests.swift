import Articles
import BulletinTestSupport
import Foundation
import XCTest

@testable import Fetching

/// The pruning rule against a temporary data folder with a real state file and article files.
final class FeedPrunerTests: XCTestCase {
    var temp: TemporaryDirectory!
    var paths: FetchingPaths {
        FetchingPaths(configDirectory: temp.url.appendingPathComponent("config"), dataDirectory: temp.url.appendingPathComponent("data"))
    }
    /// 2024-06-30T12:00:00Z.
    let now = Date(timeIntervalSince1970: 1_719_748_800)

    override func setUpWithError() throws { temp = try TemporaryDirectory(prefix: "bulletin-prune") }
    override func tearDown() { temp?.remove() }

    /// Writes `files` (relative to the articles folder) and records them in the state of `feed`.
    func store(_ feed: String, _ files: [(guid: String, id: String, file: String)], into state: inout FeedStateFile) throws {
        var feedState = state[feed]
        for entry in files {
            try temp.write("data/articles/" + entry.file, "---\nbulletin: 1\nid: \(entry.id)\ntitle: \"x\"\n---\n\nBody.\n")
            feedState.items[entry.guid] = KnownItem(id: entry.id, file: entry.file, fingerprint: "f")
        }
        state[feed] = feedState
    }

    func exists(_ file: String) -> Bool {
        FileManager.default.fileExists(atPath: paths.articlesDirectory.appendingPathComponent(file).path)
    }

    func testOnlyOldReadUnsavedArticlesGoAndTheirGuidsStayKnown() throws {
        var state = FeedStateFile()
        try store("https://a.example/feed", [
            (guid: "old-read", id: "0000000000000001", file: "a/2024-03-01-old-read.md"),
            (guid: "old-unread", id: "0000000000000002", file: "a/2024-03-02-old-unread.md"),
            (guid: "old-saved", id: "0000000000000003", file: "a/2024-03-03-old-saved.md"),
            (guid: "new-read", id: "0000000000000004", file: "a/2024-06-20-new-read.md"),
        ], into: &state)
        // A removed subscription's articles stay in the state and follow the same rule.
        try store("https://gone.example/feed", [(guid: "g", id: "0000000000000005", file: "gone/2023-01-01-g.md")], into: &state)
        // Pages stored by `fetch` are never pruned.
        try store(PageSaver.stateKey, [(guid: "page", id: "0000000000000006", file: "Saved pages/2020-01-01-page.md")], into: &state)
        try state.save(to: paths.stateFile)
        let read: Set<String> = ["0000000000000001", "0000000000000003", "0000000000000004", "0000000000000005", "0000000000000006"]
        let saved: Set<String> = ["0000000000000003"]
        let lookup = ReadingStateLookup { read.contains($0) && !saved.contains($0) }

        let dry = try FeedPruner.run(paths: paths, policy: PrunePolicy(keepDays: 30), now: now, dryRun: true) { lookup }
        XCTAssertEqual(dry.map(\.file), ["a/2024-03-01-old-read.md", "gone/2023-01-01-g.md"])
        XCTAssertTrue(exists("a/2024-03-01-old-read.md"), "a dry run removes nothing")
        XCTAssertEqual(FeedStateFile.load(paths.stateFile).feeds, state.feeds)

        let pruned = try FeedPruner.run(paths: paths, policy: PrunePolicy(keepDays: 30), now: now, dryRun: false) { lookup }
        XCTAssertEqual(pruned, dry)
        XCTAssertFalse(exists("a/2024-03-01-old-read.md"))
        XCTAssertFalse(exists("gone/2023-01-01-g.md"))
        for kept in ["a/2024-03-02-old-unread.md", "a/2024-03-03-old-saved.md", "a/2024-06-20-new-read.md", "Saved pages/2020-01-01-page.md"] {
            XCTAssertTrue(exists(kept), kept)
        }
        let after = FeedStateFile.load(paths.stateFile)
        XCTAssertEqual(after["https://a.example/feed"].items["old-read"]?.pruned, true, "the guid stays known")
        XCTAssertEqual(after["https://a.example/feed"].items["old-unread"]?.pruned, nil)
        XCTAssertEqual(after["https://gone.example/feed"].items["g"]?.pruned, true)

        // Nothing left to prune; a policy that is off never asks the reading state.
        XCTAssertEqual(try FeedPruner.run(paths: paths, policy: PrunePolicy(keepDays: 30), now: now, dryRun: false) { lookup }, [])
        XCTAssertEqual(FeedPruner.plan(after, policy: .off, now: now, articlesDirectory: paths.articlesDirectory) {
            XCTFail("the reading state was opened")
            return lookup
        }, [])
    }

    func testKeepPerFeedKeepsTheNewestAndUndatedFilesAgeByTheirWriteTime() throws {
        var state = FeedStateFile()
        try store("https://b.example/feed", [
            (guid: "1", id: "0000000000000011", file: "b/2024-06-01-one.md"),
            (guid: "2", id: "0000000000000012", file: "b/2024-06-02-two.md"),
            (guid: "3", id: "0000000000000013", file: "b/2024-06-03-three.md"),
            (guid: "u", id: "0000000000000014", file: "b/undated-four.md"),
        ], into: &state)
        let everything = ReadingStateLookup { _ in true }
        // The undated file was written just now: the newest of the four.
        let two = FeedPruner.plan(state, policy: PrunePolicy(keepDays: 0, keepPerFeed: 2), now: now,
                                  articlesDirectory: paths.articlesDirectory) { everything }
        XCTAssertEqual(two.map(\.file), ["b/2024-06-01-one.md", "b/2024-06-02-two.md"])
        // Written long ago, it is the oldest.
        let old = paths.articlesDirectory.appendingPathComponent("b/undated-four.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_600_000_000)], ofItemAtPath: old.path)
        let again = FeedPruner.plan(state, policy: PrunePolicy(keepDays: 0, keepPerFeed: 3), now: now,
                                    articlesDirectory: paths.articlesDirectory) { everything }
        XCTAssertEqual(again.map(\.file), ["b/undated-four.md"])
        // 28 days before noon on June 30 is noon on June 2: a file named June 1 is past it, June 2 is not.
        let day = FeedPruner.plan(state, policy: PrunePolicy(keepDays: 28), now: now,
                                  articlesDirectory: paths.articlesDirectory) { everything }
        XCTAssertEqual(day.map(\.file), ["b/2024-06-01-one.md", "b/undated-four.md"])
    }

    func testPathsOutsideTheArticlesFolderAreNeverRemoved() throws {
        var state = FeedStateFile()
        try temp.write("data/outside.md", "keep me")
        var feed = FeedState()
        feed.items["x"] = KnownItem(id: "0000000000000021", file: "../outside.md", fingerprint: "f")
        feed.items["y"] = KnownItem(id: "0000000000000022", file: "/etc/2020-01-01-passwd.md", fingerprint: "f")
        state["https://c.example/feed"] = feed
        let plan = FeedPruner.plan(state, policy: PrunePolicy(keepDays: 1), now: now,
                                   articlesDirectory: paths.articlesDirectory) { ReadingStateLookup { _ in true } }
        XCTAssertEqual(plan, [])
        XCTAssertTrue(FileManager.default.fileExists(atPath: temp.url.appendingPathComponent("data/outside.md").path))
    }

    func testDaysFromNamesAreUTCMidnights() {
        XCTAssertEqual(FeedPruner.day(Array("2024-03-01-x.md".utf8)), 1_709_251_200)
        XCTAssertEqual(FeedPruner.day(Array("1970-01-01-x.md".utf8)), 0)
        XCTAssertNil(FeedPruner.day(Array("2024-13-01-x.md".utf8)))
        XCTAssertNil(FeedPruner.day(Array("undated-x.md".utf8)))
    }
}
