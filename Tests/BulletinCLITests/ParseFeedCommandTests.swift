import Articles
import BulletinTestSupport
import Foundation
import XCTest

/// `bulletin parse --json FEEDFILE`: the feed and its items in the article schema plus `guid`.
final class ParseFeedCommandTests: XCTestCase {
    private var dir: TemporaryDirectory!

    override func setUpWithError() throws { dir = try TemporaryDirectory(prefix: "parse-feed-cli") }
    override func tearDown() { dir.remove() }

    static let articleKeys: Set<String> = [
        "id", "title", "source", "author", "authorBio", "credit", "date", "url", "sections", "summary",
        "summarySource", "wordCount", "readingMinutes", "guid",
    ]

    func sample(_ name: String) -> String {
        Products.repositoryRoot.appendingPathComponent("Resources/Feeds/\(name)").path
    }

    func parse(_ arguments: [String]) throws -> [String: Any] {
        let result = try ProcessRunner.bulletin(["parse", "--json"] + arguments)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], result.stdout)
    }

    func testRSSSample() throws {
        let path = sample("lantern-post.rss")
        let object = try parse([path])
        XCTAssertEqual(Set(object.keys), ["feed", "articles"])
        let feed = try XCTUnwrap(object["feed"] as? [String: Any])
        let feedURL = URL(fileURLWithPath: path).absoluteString
        XCTAssertEqual(feed["title"] as? String, "The Lantern Post")
        XCTAssertEqual(feed["url"] as? String, feedURL)
        XCTAssertEqual(feed["siteURL"] as? String, "https://www.lanternpost.example/")
        let articles = try XCTUnwrap(object["articles"] as? [[String: Any]])
        XCTAssertEqual(articles.count, 3)
        for article in articles { XCTAssertEqual(Set(article.keys), ParseFeedCommandTests.articleKeys) }
        let first = articles[0]
        XCTAssertEqual(first["guid"] as? String, "lanternpost-2024-0311-ferries")
        XCTAssertEqual(first["url"] as? String, "https://www.lanternpost.example/2024/03/night-ferries")
        XCTAssertEqual(first["date"] as? String, "2024-03-11T06:45:00Z")
        XCTAssertEqual(first["author"] as? String, "Marta Quell")
        XCTAssertEqual(first["source"] as? String, "The Lantern Post")
        XCTAssertEqual(first["title"] as? String, "Night ferries add a fourth crossing")
        XCTAssertEqual(first["id"] as? String,
                       ArticleID.feedItem(feedURL: feedURL, key: "lanternpost-2024-0311-ferries").rawValue)
        XCTAssertEqual(first["summarySource"] as? String, "generated")
        let sections = try XCTUnwrap(first["sections"] as? [[String: Any]])
        XCTAssertEqual(sections.map { $0["heading"] as? String }, [nil, "Who asked for it"])
    }

    func testURLOptionNamesTheFeed() throws {
        let object = try parse([sample("copper-kettle.json"), "--url", "https://www.copperkettle.example/feed.json"])
        let feed = try XCTUnwrap(object["feed"] as? [String: Any])
        XCTAssertEqual(feed["url"] as? String, "https://www.copperkettle.example/feed.json")
        let articles = try XCTUnwrap(object["articles"] as? [[String: Any]])
        XCTAssertEqual(articles.count, 3)
        XCTAssertEqual(articles[0]["id"] as? String, ArticleID.feedItem(
            feedURL: "https://www.copperkettle.example/feed.json", key: "ck-2024-06-01-barley-soup").rawValue)
        XCTAssertEqual(articles[1]["author"] as? String, "Tomas Ek")
        XCTAssertEqual(articles[2]["url"] as? String, "https://www.copperkettle.example/recipes/rhubarb")
    }

    func testAtomSampleAndAnArticleTogether() throws {
        let article = try dir.write("a.txt", "Alpha title\n\nAlpha body.\n")
        let result = try ProcessRunner.bulletin(["parse", "--json", sample("field-and-circuit.atom"), article.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let array = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]])
        XCTAssertEqual(array.count, 2)
        XCTAssertEqual((array[0]["feed"] as? [String: Any])?["title"] as? String, "Field & Circuit")
        XCTAssertEqual((array[0]["articles"] as? [Any])?.count, 3)
        XCTAssertEqual(array[1]["title"] as? String, "Alpha title")
    }

    func testTextOutputListsTheItems() throws {
        let result = try ProcessRunner.bulletin(["parse", sample("lantern-post.rss")])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Night ferries add a fourth crossing"))
        XCTAssertTrue(result.stdout.contains("Tram line 3 closes for two weekends"))
    }

    func testHostileFeedIsOneLineAndExitOne() throws {
        var declarations = "<!ENTITY a0 \"ha\">"
        for level in 1...9 { declarations += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">" }
        let bomb = try dir.write("bomb.rss", "<?xml version=\"1.0\"?><!DOCTYPE rss [\(declarations)]><rss version=\"2.0\"><channel><title>&a9;</title></channel></rss>")
        let result = try ProcessRunner.bulletin(["parse", "--json", bomb.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("bomb.rss: "), result.stderr)
        XCTAssertTrue(result.stderr.contains("entity expansion"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }
}
