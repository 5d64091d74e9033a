import Feeds
import Foundation
import XCTest

/// File and folder names made from feed data are safe.
final class ArticleFileNameTests: XCTestCase {
    let day = Date(timeIntervalSince1970: 1_709_280_000)  // 2024-03-01

    func assertSafe(_ name: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(name.contains("/"), name, file: file, line: line)
        XCTAssertFalse(name.contains(".."), name, file: file, line: line)
        XCTAssertFalse(name.hasPrefix("."), name, file: file, line: line)
        XCTAssertFalse(name.hasPrefix("-"), name, file: file, line: line)
        XCTAssertFalse(name.isEmpty, file: file, line: line)
        XCTAssertLessThanOrEqual(name.utf8.count, 120, name, file: file, line: line)
        XCTAssertFalse(name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
            || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) || $0.value == 0x200E
            || $0.value == 0x200F }, name, file: file, line: line)
    }

    func testPlainTitle() {
        XCTAssertEqual(ArticleFileName.make(date: day, title: "Night Trains Return!"), "2024-03-01-night-trains-return.md")
        XCTAssertEqual(ArticleFileName.make(date: nil, title: "No date"), "undated-no-date.md")
        XCTAssertEqual(ArticleFileName.make(date: day, title: "Same", suffix: "3f2a9c0d"), "2024-03-01-same-3f2a9c0d.md")
        XCTAssertEqual(ArticleFileName.make(date: day, title: "Café à Paris — 東京"), "2024-03-01-café-à-paris-東京.md")
    }

    func testHostileTitles() {
        let hostile = [
            "../../etc/passwd", "/absolute/path", ".hidden", "..", ".", "", "   ", "a\u{0}b", "\u{1B}[31mred\u{1B}[0m",
            "evil\u{202E}gpj.exe", "tab\there\nnewline", String(repeating: "long title words ", count: 40),
            String(repeating: "日本", count: 100), "-dash-", "🚆🚆", "con", "a/b\\c:d*e?f\"g<h>i|j",
        ]
        for title in hostile {
            let name = ArticleFileName.make(date: day, title: title, suffix: "abc")
            assertSafe(name)
            XCTAssertTrue(name.hasPrefix("2024-03-01-"), name)
            XCTAssertTrue(name.hasSuffix("-abc.md"), name)
            let folder = ArticleFileName.folder(feedTitle: title, feedURL: "https://news.example.org/feed")
            assertSafe(folder)
        }
        XCTAssertEqual(ArticleFileName.make(date: day, title: "../../etc/passwd"), "2024-03-01-etc-passwd.md")
        XCTAssertEqual(ArticleFileName.make(date: day, title: "🚆🚆"), "2024-03-01-untitled.md")
        XCTAssertEqual(ArticleFileName.make(date: day, title: "evil\u{202E}gpj.exe"), "2024-03-01-evilgpj-exe.md")
    }

    func testLengthIsCutAtACharacterBoundary() {
        let name = ArticleFileName.make(date: day, title: String(repeating: "é", count: 200))
        XCTAssertLessThanOrEqual(name.utf8.count, 120)
        XCTAssertTrue(name.hasSuffix("é.md"), name)
        XCTAssertNotNil(String(data: Data(name.utf8), encoding: .utf8))
        let long = ArticleFileName.make(date: day, title: String(repeating: "word ", count: 60))
        XCTAssertFalse(long.hasSuffix("-.md"), long)
    }

    func testFolderName() {
        XCTAssertEqual(ArticleFileName.folder(feedTitle: "The Lantern Post", feedURL: nil), "the-lantern-post")
        XCTAssertEqual(ArticleFileName.folder(feedTitle: nil, feedURL: "https://www.lanternpost.example/feed"), "www-lanternpost-example")
        XCTAssertEqual(ArticleFileName.folder(feedTitle: "...", feedURL: "file:///tmp/x.rss"), "feed")
        XCTAssertEqual(ArticleFileName.folder(feedTitle: nil, feedURL: nil), "feed")
    }
}
