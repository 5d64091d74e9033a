import BulletinTestSupport
import Foundation
import XCTest

@testable import Fetching

final class SubscriptionFileTests: XCTestCase {
    func testAppendedBlocksLoadBackAndKeepComments() throws {
        let folder = try TemporaryDirectory()
        let file = folder.url.appendingPathComponent("bulletin/feeds.toml")
        let first = Subscription(name: "Quote \"Me\" \\ here", url: "https://example.com/feed.xml", tags: ["news", "world"])
        let second = Subscription(name: "Local", url: "file:///tmp/a.xml", fullArticle: .never)
        try SubscriptionFile.append([first], to: file)
        var text = try String(contentsOf: file, encoding: .utf8)
        text = "# my own comment\n" + text
        try text.write(to: file, atomically: true, encoding: .utf8)
        try SubscriptionFile.append([second], to: file)
        XCTAssertEqual(try SubscriptionFile.load(file), [first, second])
        XCTAssertTrue(try String(contentsOf: file, encoding: .utf8).hasPrefix("# my own comment\n"))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testHandWrittenFileWithDefaults() throws {
        let folder = try TemporaryDirectory()
        let file = folder.url.appendingPathComponent("feeds.toml")
        try """
        [[feed]]
        url = "https://example.org/atom"

        [[feed]]
        name = "Two"
        url = "https://example.org/two"
        tags = ["a"]
        full-article = "always"
        """.write(to: file, atomically: true, encoding: .utf8)
        let loaded = try SubscriptionFile.load(file)
        XCTAssertEqual(loaded.count, 2)
        XCTAssertEqual(loaded[0].name, "https://example.org/atom")
        XCTAssertEqual(loaded[0].fullArticle, .auto)
        XCTAssertEqual(loaded[1].fullArticle, .always)
        XCTAssertEqual(loaded[1].tags, ["a"])
    }

    func testSyntaxErrorNamesLine() throws {
        let folder = try TemporaryDirectory()
        let file = folder.url.appendingPathComponent("feeds.toml")
        try "[[feed]]\nname = \"x\"\nurl = \n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SubscriptionFile.load(file)) { error in
            XCTAssertTrue((error as? FetchFailure)?.message.contains("feeds.toml:3:") == true, "\(error)")
        }
    }

    func testMissingFileIsEmpty() throws {
        let folder = try TemporaryDirectory()
        XCTAssertEqual(try SubscriptionFile.load(folder.url.appendingPathComponent("none.toml")), [])
    }

    func testMatchesByURLOrName() {
        let s = Subscription(name: "Example", url: "https://Example.com/feed/")
        XCTAssertTrue(s.matches("https://example.com/feed"))
        XCTAssertTrue(s.matches("example"))
        XCTAssertFalse(s.matches("https://example.com/other"))
    }
}
