import Feeds
import Foundation
import XCTest

/// Bad input gives one clear error and never a trap.
final class FeedParserErrorTests: XCTestCase {
    func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> FeedParseError? {
        parseError(Data(text.utf8), file: file, line: line)
    }

    func parseError(_ data: Data, file: StaticString = #filePath, line: UInt = #line) -> FeedParseError? {
        do {
            let feed = try FeedParser.parse(data: data, url: nil)
            XCTFail("parsed: \(feed)", file: file, line: line)
            return nil
        } catch {
            guard let feedError = error as? FeedParseError else {
                XCTFail("not a FeedParseError: \(error)", file: file, line: line)
                return nil
            }
            XCTAssertFalse(feedError.description.contains("\n"), file: file, line: line)
            return feedError
        }
    }

    func testWebPageSaysSo() throws {
        let error = parseError(try FeedFixture.data("webpage.html"))
        XCTAssertEqual(error, .webPage)
        XCTAssertEqual(error?.description, "this is a web page, not a feed")
        XCTAssertEqual(parseError("<html><body><p>hi</p></body></html>"), .webPage)
        XCTAssertEqual(parseError("\n\n  <HTML>\n<p>hi"), .webPage)
    }

    func testEmptyAndWhitespace() {
        XCTAssertEqual(parseError(""), .empty)
        XCTAssertEqual(parseError(" \n\t "), .empty)
    }

    func testNotAFeed() {
        guard case .notAFeed(let detail)? = parseError("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>") else {
            return XCTFail("svg is not a feed")
        }
        XCTAssertTrue(detail.contains("svg"), detail)
        guard case .notAFeed? = parseError("{\"version\": 1, \"items\": []}") else { return XCTFail("plain JSON") }
        guard case .notAFeed? = parseError("just some words") else { return XCTFail("text") }
        guard case .notAFeed? = parseError(Data([0x00, 0xFF, 0x13, 0x37])) else { return XCTFail("binary") }
        guard case .notAFeed? = parseError("<opml version=\"2.0\"><body/></opml>") else { return XCTFail("OPML") }
    }

    func testMalformedJSON() {
        guard case .malformedJSON? = parseError("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [") else {
            return XCTFail("truncated JSON")
        }
    }

    func testGarbageXMLGivesOneError() {
        guard case .malformedXML(let message)? = parseError("<rss version=\"2.0\"><<<<\u{1B}[31m") else {
            return XCTFail("garbage")
        }
        XCTAssertFalse(message.contains("\u{1B}"))
    }

    func testTruncatedFeedKeepsCompleteItems() throws {
        let text = String(decoding: try FeedFixture.sample("lantern-post.rss"), as: UTF8.self)
        let cut = text.range(of: "<title>A lighthouse")!.lowerBound
        let feed = try FeedParser.parse(data: Data(text[..<cut].utf8), url: nil)
        XCTAssertGreaterThanOrEqual(feed.items.count, 2)
        XCTAssertEqual(feed.items[0].title, "Night ferries add a fourth crossing")
    }

    func testLatin1DeclaredAsUTF8IsReadAsWindows1252() throws {
        var bytes = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Caf".utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Data(" du port </title><item><title>Cr".utf8))
        bytes.append(0xE8)
        bytes.append(contentsOf: Data("me br".utf8))
        bytes.append(0xFB)
        bytes.append(contentsOf: Data("l".utf8))
        bytes.append(0xE9)
        bytes.append(contentsOf: Data("e ".utf8))
        bytes.append(0x96)  // Windows-1252 en dash
        bytes.append(contentsOf: Data(" 3 ".utf8))
        bytes.append(0x80)  // Windows-1252 euro sign
        bytes.append(contentsOf: Data("</title><guid>1</guid></item></channel></rss>".utf8))
        let feed = try FeedParser.parse(data: bytes, url: nil)
        XCTAssertEqual(feed.title, "Café du port")
        XCTAssertEqual(feed.items.first?.title, "Crème brûlée – 3 €")
    }

    func testTooLarge() {
        XCTAssertEqual(FeedParseError.tooLarge(bytes: 70 << 20).description,
                       "the feed is too large (73400320 bytes, the limit is 64 MiB)")
    }

    /// Random mutations of a real feed never trap and give a feed or one error.
    func testMutatedFeedsNeverTrap() throws {
        let original = [UInt8](try FeedFixture.data("rss2-quirks.xml"))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...20, using: &generator) {
                let i = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[i] = UInt8.random(in: 0...255, using: &generator)
            }
            if Bool.random(using: &generator) { bytes.removeLast(Int.random(in: 0..<bytes.count, using: &generator)) }
            do {
                let feed = try FeedParser.parse(data: Data(bytes), url: "https://saltmarsh.example/feed")
                for item in feed.items { _ = item.article(feedURL: "https://saltmarsh.example/feed", feedTitle: feed.title) }
            } catch is FeedParseError {
            }
        }
    }
}
