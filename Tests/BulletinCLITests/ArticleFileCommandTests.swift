import Articles
import BulletinTestSupport
import Foundation
import XCTest

/// Bulletin article files in a library: `list` and `show` treat them like any article,
/// through the index cache too.
final class ArticleFileCommandTests: XCTestCase {
    private var dir: TemporaryDirectory!

    override func setUpWithError() throws { dir = try TemporaryDirectory(prefix: "article-file-cli") }
    override func tearDown() { dir.remove() }

    func testListAndShowArticleFiles() throws {
        let article = Article(
            id: ArticleID.feedItem(feedURL: "https://www.lanternpost.example/feed.rss", key: "lp-1"),
            title: "Night ferries add a fourth crossing", source: "The Lantern Post", author: "Marta Quell",
            date: Date(timeIntervalSince1970: 1_710_139_500), url: "https://www.lanternpost.example/2024/03/night-ferries",
            sections: [ArticleSection(paragraphs: ["The harbour authority will run a fourth night ferry from April."]),
                       ArticleSection(heading: "Who asked for it", paragraphs: ["Hospital and bakery staff signed a petition."])],
            summary: [SummaryBullet(text: "Four crossings a night from April.")], summarySource: .generated)
        let library = dir.url.appendingPathComponent("library")
        try dir.write("library/the-lantern-post/2024-03-11-night-ferries-add-a-fourth-crossing.md",
                      ArticleFile.write(article, guid: "lp-1", feed: "https://www.lanternpost.example/feed.rss"))
        let cache = dir.url.appendingPathComponent("cache").path
        for run in ["cold", "warm"] {
            let list = try ProcessRunner.bulletin(["list", "--json", "--cache-dir", cache, library.path])
            XCTAssertEqual(list.status, 0, list.stderr)
            XCTAssertEqual(list.stderr, "", run)
            let entries = try XCTUnwrap(try JSONSerialization.jsonObject(with: list.stdoutData) as? [[String: Any]])
            XCTAssertEqual(entries.count, 1, run)
            XCTAssertEqual(entries.first?["id"] as? String, article.id.rawValue, run)
            XCTAssertEqual(entries.first?["title"] as? String, article.title, run)
            XCTAssertEqual(entries.first?["source"] as? String, "The Lantern Post", run)
            XCTAssertEqual(entries.first?["date"] as? String, "2024-03-11T06:45:00Z", run)
        }
        let show = try ProcessRunner.bulletin(["show", article.id.rawValue, "--library", library.path, "--width", "80",
                                               "--state-dir", dir.url.appendingPathComponent("state").path])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("Night ferries add a fourth crossing"), show.stdout)
        XCTAssertTrue(show.stdout.contains("Who asked for it"), show.stdout)
        XCTAssertFalse(show.stdout.contains("bulletin: 1"), "the front matter is not body text")
        let parse = try ProcessRunner.bulletin(["parse", "--json", library.appendingPathComponent(
            "the-lantern-post/2024-03-11-night-ferries-add-a-fourth-crossing.md").path])
        XCTAssertEqual(parse.status, 0, parse.stderr)
        let decoded = try JSONDecoder().decode(Article.self, from: parse.stdoutData)
        XCTAssertEqual(decoded, article, "parse --json gives back the article that was written")
    }
}
