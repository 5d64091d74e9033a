import BulletinTestSupport
import Foundation
import XCTest

/// `bulletin refresh` whose articles cannot be saved: one line naming the folder and the
/// system's reason, a failing exit status, and a feed state that still knows only the old
/// items, so the next refresh stores the new ones (nothing lost or silently skipped).
final class RefreshSaveFailureTests: FeedCommandTestCase {
    /// The guids `feed-state.json` knows, over all feeds.
    func knownGuids() throws -> Set<String> {
        let data = try Data(contentsOf: data.appendingPathComponent("feed-state.json"))
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let feeds = try XCTUnwrap(document["feeds"] as? [String: [String: Any]])
        return Set(feeds.values.flatMap { ($0["items"] as? [String: Any])?.keys.map { $0 } ?? [] })
    }

    /// Makes `url` unwritable: chmod for normal users; as root (which ignores permission
    /// bits) the immutable attribute. Returns a function that undoes it, or nil.
    func makeReadOnly(_ url: URL) -> (() -> Void)? {
        if geteuid() != 0 {
            chmod(url.path, 0o500)
            return { chmod(url.path, 0o700) }
        }
        guard (try? ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["chattr", "+i", url.path]))?.status == 0 else { return nil }
        return { _ = try? ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["chattr", "-i", url.path]) }
    }

    func testAFailedSaveIsReportedAndTheNewItemsComeNextTime() throws {
        let url = try serve("news.xml", FeedFixtures.rss(title: "News", items: [
            (guid: "n-1", title: "Harbour opens", words: 60), (guid: "n-2", title: "Ferry returns", words: 60),
        ]))
        try expect(0, ["add", url, "--full-article", "never"])
        try expect(0, ["refresh"])
        XCTAssertEqual(try knownGuids(), ["n-1", "n-2"])
        let folders = try FileManager.default.contentsOfDirectory(atPath: articles.path).filter { !$0.hasPrefix(".") }
        XCTAssertEqual(folders.count, 1)
        let folder = articles.appendingPathComponent(folders[0])

        try serve("news.xml", FeedFixtures.rss(title: "News", items: [
            (guid: "n-1", title: "Harbour opens", words: 60), (guid: "n-2", title: "Ferry returns", words: 60),
            (guid: "n-3", title: "Bridge closes", words: 60),
        ]))
        guard let undo = makeReadOnly(folder) else {
            throw XCTSkip("cannot make a folder read-only here (root without chattr support): save-failure test skipped")
        }
        let failed = try run(["refresh"])
        undo()
        XCTAssertNotEqual(failed.status, 0, failed.stdout)
        let lines = failed.stderr.split(separator: "\n").filter { $0.contains("cannot") }
        XCTAssertEqual(lines.count, 1, failed.stderr)
        XCTAssertTrue(lines.first?.contains(folder.path) == true, failed.stderr)
        XCTAssertTrue(failed.stderr.contains("Operation not permitted") || failed.stderr.contains("Permission denied"), failed.stderr)
        XCTAssertEqual(try knownGuids(), ["n-1", "n-2"], "the feed state still names only the stored items")
        XCTAssertEqual(articleFiles().count, 2)
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: folder.path).contains { $0.hasPrefix(".") },
                       "no temporary file left")

        let again = try expect(0, ["refresh"])
        XCTAssertTrue(again.stdout.contains("1 new article"), again.stdout)
        XCTAssertEqual(try knownGuids(), ["n-1", "n-2", "n-3"])
        XCTAssertEqual(articleFiles().count, 3)
    }
}
