import BulletinTestSupport
import Foundation
import XCTest

/// `bulletin prune` and the pruning step of `refresh`, end to end with real state files.
final class PruneCommandTests: FeedCommandTestCase {
    func testPruneRemovesOnlyOldReadUnsavedArticlesAndTheyAreNotDownloadedAgain() throws {
        // FeedFixtures dates are October 2024: older than the default 90 days.
        let items: [(guid: String, title: String, words: Int)] = [
            (guid: "p-1", title: "Read and old", words: 80), (guid: "p-2", title: "Read and saved", words: 80),
            (guid: "p-3", title: "Still unread", words: 80),
        ]
        let url = try serve("prune.xml", FeedFixtures.rss(title: "Prunable", items: items))
        try expect(0, ["add", url])
        try expect(0, ["refresh"])
        XCTAssertEqual(articleFiles().count, 3)
        let ids = Dictionary(uniqueKeysWithValues: try listed().map { ($0["title"] as? String ?? "", $0["id"] as? String ?? "") })
        let readID = try XCTUnwrap(ids["Read and old"])
        let savedID = try XCTUnwrap(ids["Read and saved"])
        let unreadID = try XCTUnwrap(ids["Still unread"])
        try expect(0, ["mark-read", readID])
        try expect(0, ["mark-read", savedID])
        try expect(0, ["save", savedID])

        // A dry run lists the read, unsaved one and removes nothing.
        let dry = try expect(0, ["prune", "--dry-run", "--json"])
        let planned = try XCTUnwrap(try JSONSerialization.jsonObject(with: dry.stdoutData) as? [String: Any])
        XCTAssertEqual(planned["count"] as? Int, 1)
        XCTAssertEqual(planned["dryRun"] as? Bool, true)
        let entries = try XCTUnwrap(planned["pruned"] as? [[String: Any]])
        XCTAssertEqual(entries.first?["id"] as? String, readID)
        let file = try XCTUnwrap(entries.first?["file"] as? String)
        XCTAssertEqual(articleFiles().count, 3)

        // A longer keep-days keeps it.
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let settings = config.appendingPathComponent("config.toml")
        try "[feeds]\nkeep-days = 36500\n".write(to: settings, atomically: true, encoding: .utf8)
        XCTAssertTrue(try expect(0, ["prune"]).stdout.contains("0 articles pruned"))
        try FileManager.default.removeItem(at: settings)

        let pruned = try expect(0, ["prune"])
        XCTAssertTrue(pruned.stdout.contains("removed  \(file)"), pruned.stdout)
        XCTAssertTrue(pruned.stdout.contains("1 article pruned"), pruned.stdout)
        XCTAssertFalse(articleFiles().contains(file))
        XCTAssertEqual(articleFiles().count, 2)
        XCTAssertEqual(try feeds().first?["articles"] as? Int, 2)
        XCTAssertEqual(Set(try listed().compactMap { $0["id"] as? String }), [savedID, unreadID])

        // The feed still lists the pruned item and gains one: only the new one is stored.
        try serve("prune.xml", FeedFixtures.rss(title: "Prunable", items: items + [(guid: "p-4", title: "Brand new", words: 80)]))
        let again = try expect(0, ["refresh"])
        XCTAssertTrue(again.stdout.contains("1 new article"), again.stdout)
        XCTAssertFalse(articleFiles().contains(file), "a pruned item was downloaded again")
        XCTAssertEqual(articleFiles().count, 3)

        // Refresh prunes too, and says so; a removed subscription's articles follow the same rule.
        try expect(0, ["mark-read", unreadID])
        try expect(0, ["remove", url])
        let refresh = try run(["refresh", "--json"])
        XCTAssertTrue(refresh.stderr.contains("no subscriptions yet"), refresh.stderr)
        let otherURL = try serve("other.xml", FeedFixtures.rss(title: "Other", items: [(guid: "o-1", title: "Other item", words: 80)]))
        try expect(0, ["add", otherURL])
        let json = try expect(0, ["refresh", "--json"])
        let summary = try XCTUnwrap(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        XCTAssertEqual(summary["pruned"] as? Int, 1)
        XCTAssertEqual(Set(try listed().compactMap { $0["title"] as? String }), ["Read and saved", "Brand new", "Other item"])
        try expect(0, ["mark-read", try XCTUnwrap(try listed().first { ($0["title"] as? String) == "Other item" }?["id"] as? String)])
        let line = try expect(0, ["refresh"])
        XCTAssertTrue(line.stdout.contains("1 feed: 0 ok, 1 not modified, 0 failed; 0 new articles, 1 pruned"), line.stdout)
        XCTAssertTrue(try expect(0, ["saved"]).stdout.contains(savedID))
    }

    func testInvalidKeepDaysIsAnErrorWithItsPosition() throws {
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "[feeds]\nkeep-days = -1\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let result = try run(["prune"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("config.toml:2:13: keep-days: expected an integer from 0 to 36500, found -1"), result.stderr)
    }
}
