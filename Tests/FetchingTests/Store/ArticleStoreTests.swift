import Articles
import BulletinTestSupport
import Foundation
import XCTest

@testable import Fetching

final class ArticleStoreTests: XCTestCase {
    func article(_ title: String, id: String, words: Int = 10) -> ArticleFile {
        let body = Array(repeating: "word", count: words).joined(separator: " ")
        let a = Article(id: ArticleID(rawValue: id), title: title, source: "Feed", date: Date(timeIntervalSince1970: 1_727_766_000),
                        url: "https://example.org/\(id)", sections: [ArticleSection(paragraphs: [body])])
        return ArticleFile(article: a, guid: id, feed: "https://example.org/feed")
    }

    func testSameTitleAndDayGetDistinctNamesAndUpdatesKeepTheirFile() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        var store = ArticleStore(root: temp.url)
        let first = try store.stage(article("Same title", id: "aaaaaaaa00000001"), folder: "feed")
        let second = try store.stage(article("Same title", id: "bbbbbbbb00000002"), folder: "feed")
        XCTAssertEqual(first, "feed/2024-10-01-same-title.md")
        XCTAssertEqual(second, "feed/2024-10-01-same-title-bbbbbbbb.md")
        try store.commit()

        var next = ArticleStore(root: temp.url)
        let updated = try next.stage(article("Same title", id: "bbbbbbbb00000002", words: 50), folder: "feed", previous: second)
        XCTAssertEqual(updated, second, "an updated item keeps its file")
        let renamed = try next.stage(article("A new title", id: "aaaaaaaa00000001"), folder: "feed", previous: first)
        XCTAssertEqual(renamed, "feed/2024-10-01-a-new-title.md")
        try next.commit()
        let names = try FileManager.default.contentsOfDirectory(atPath: temp.url.appendingPathComponent("feed").path).sorted()
        XCTAssertEqual(names, ["2024-10-01-a-new-title.md", "2024-10-01-same-title-bbbbbbbb.md"])
        let text = try String(contentsOf: temp.url.appendingPathComponent(updated), encoding: .utf8)
        XCTAssertEqual(ArticleFile.read(utf8: Array(text.utf8))?.article.wordCount, 50)
    }
}
