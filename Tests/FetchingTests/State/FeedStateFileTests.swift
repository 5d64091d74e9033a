import BulletinTestSupport
import Foundation
import XCTest

@testable import Fetching

final class FeedStateFileTests: XCTestCase {
    func testRoundTripOfEveryField() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let url = temp.url.appendingPathComponent("data/feed-state.json")
        var file = FeedStateFile()
        var state = FeedState()
        state.etag = "\"abc\""
        state.lastModified = "Tue, 01 Oct 2024 08:00:00 GMT"
        state.lastRefresh = Date(timeIntervalSince1970: 1_700_000_000)
        state.lastStatus = .waiting(until: Date(timeIntervalSince1970: 1_700_003_600))
        state.retryAfter = Date(timeIntervalSince1970: 1_700_003_600)
        state.items["guid-1"] = KnownItem(id: "0123456789abcdef", file: "feed/2024-10-01-a.md", fingerprint: "ff", teaser: true)
        file["https://example.org/feed"] = state
        var failed = FeedState()
        failed.lastStatus = .failed("HTTP 500 Internal Server Error")
        file["https://example.org/broken"] = failed
        try file.save(to: url)
        let loaded = FeedStateFile.load(url)
        XCTAssertEqual(loaded["https://example.org/feed"], state)
        XCTAssertEqual(loaded["https://example.org/broken"].lastStatus?.description, "HTTP 500 Internal Server Error")
        XCTAssertTrue(loaded["https://example.org/feed"].lastStatus!.description.hasPrefix("server asked to wait until 2023-11-14T"))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int, 0o600)
    }

    func testDamagedFileIsMovedAsideAndStartsEmpty() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let url = try temp.write("feed-state.json", "{not json")
        XCTAssertTrue(FeedStateFile.load(url).feeds.isEmpty)
        XCTAssertTrue(FileManager.default.fileExists(atPath: url.path + ".corrupt"))
    }

    /// The one-pass writer gives the document JSONEncoder gives (same JSON values), for every
    /// field, escapes in keys and values, and pruned and teaser items.
    func testWriterMatchesJSONEncoder() throws {
        var file = FeedStateFile()
        var state = FeedState()
        state.etag = "W/\"tag\\\u{7}\""
        state.lastModified = "Tue, 01 Oct 2024 08:00:00 GMT"
        state.lastRefresh = Date(timeIntervalSince1970: 1_700_000_000.75)
        state.lastStatus = .waiting(until: Date(timeIntervalSince1970: 1_700_003_600))
        state.retryAfter = Date(timeIntervalSince1970: 1_700_003_600)
        state.title = "Ümlaut \u{2028} news / \u{1F600}"
        state.bodyHash = "abc123"
        state.items["guid \"1\""] = KnownItem(id: "0123456789abcdef", file: "feed/2024-10-01-a.md", fingerprint: "ff", teaser: true)
        state.items["failing"] = KnownItem(id: "2123456789abcdef", file: "feed/2024-10-03-c.md", fingerprint: "dd", teaser: true, pageFailures: 3)
        var pruned = KnownItem(id: "1123456789abcdef", file: "feed/2024-10-02-b.md", fingerprint: "ee")
        pruned.pruned = true
        state.items["tag:example.org,2024:\u{0}b"] = pruned
        file["https://example.org/feed?a=1&b=\u{e9}"] = state
        var failed = FeedState()
        failed.lastStatus = .failed("HTTP 500 \"Internal\" Server Error")
        file["https://example.org/broken"] = failed
        var quiet = FeedState()
        quiet.lastStatus = .notModified
        file["https://example.org/quiet"] = quiet
        var fine = FeedState()
        fine.lastStatus = .ok
        file["file:///tmp/feed.xml"] = fine

        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let reference = try encoder.encode(FeedStateFile.Document(version: 1, feeds: file.feeds))
        let written = Data(file.encoded())
        let a = try JSONSerialization.jsonObject(with: written) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: reference) as? NSDictionary
        XCTAssertNotNil(a)
        XCTAssertEqual(a, b)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(FeedStateFile.Document.self, from: written)
        XCTAssertEqual(decoded.feeds, try decoder.decode(FeedStateFile.Document.self, from: reference).feeds)
        XCTAssertEqual(decoded.feeds["https://example.org/feed?a=1&b=\u{e9}"]?.items.count, 3)
        XCTAssertEqual(decoded.feeds["https://example.org/feed?a=1&b=\u{e9}"]?.items["failing"]?.pageFailures, 3)
    }
}
