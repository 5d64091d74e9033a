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
}
