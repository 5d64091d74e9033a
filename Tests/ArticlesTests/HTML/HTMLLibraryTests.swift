import BulletinTestSupport
import Foundation
import XCTest

@testable import Articles

/// `.html`/`.htm` files in a library folder: listed, cached and opened like text articles.
final class HTMLLibraryTests: XCTestCase {
    private var dir: TemporaryDirectory!

    override func setUpWithError() throws { dir = try TemporaryDirectory(prefix: "html-library") }
    override func tearDown() { dir.remove() }

    func testHTMLFilesAreListedCachedAndOpened() throws {
        let cache = dir.file("cache")
        try dir.write("lib/canal.html", String(decoding: try Fixture.data("html/key-points.html"), as: UTF8.self))
        try dir.write("lib/old/page.htm", "<html><head><title>Small page</title></head><body><p>One paragraph of a small page, long enough to read.</p></body></html>")
        try dir.write("lib/note.txt", "A text note\n\nIts only paragraph.\n")
        let first = Library(paths: [dir.file("lib").path], cacheDirectory: cache)
        XCTAssertEqual(first.parsedCount, 3)
        XCTAssertEqual(Set(first.entries.map(\.title)), ["The canal boats that deliver bread before dawn", "Small page", "A text note"])
        XCTAssertTrue(first.notices.isEmpty, "\(first.notices)")

        let second = Library(paths: [dir.file("lib").path], cacheDirectory: cache)
        XCTAssertEqual(second.parsedCount, 0)
        XCTAssertEqual(second.entries, first.entries)

        let entry = try XCTUnwrap(second.entries.first { $0.title.hasPrefix("The canal boats") })
        XCTAssertEqual(entry.author, "Imogen Talbot")
        XCTAssertEqual(entry.summaryCount, 3)
        let article = try second.article(for: entry)
        XCTAssertEqual(article.id, entry.id)
        XCTAssertEqual(article.summarySource, .author)
        XCTAssertEqual(article.paragraphs.count, 5)
    }

    func testIndexParseAndFullParseAgreeOnHTML() throws {
        for name in ["nav", "share", "key-points", "table", "pre", "figcaption"] {
            let data = try Fixture.data("html/\(name).html")
            let full = try HTMLArticleParser.parse(data: data)
            let index = try HTMLArticleParser.parse(bytes: [UInt8](data), url: nil, httpCharset: nil, generatingSummary: false)
            XCTAssertEqual(index.id, full.id, name)
            XCTAssertEqual(index.sections, full.sections, name)
            XCTAssertEqual(index.author, full.author, name)
        }
    }
}
