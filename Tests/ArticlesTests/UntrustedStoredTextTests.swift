@testable import Articles
import Foundation
import XCTest

/// Text read back from files Bulletin did not necessarily write (saved JSON, the index
/// cache) never carries control, escape or bidi characters.
final class UntrustedStoredTextTests: XCTestCase {
    func testDecodedArticleFieldsAreCleanLines() throws {
        let json = #"""
            {"title": "Harbour \u001b]0;pwned\u0007ferries", "author": "Ana\u202e Lima\tjr", "source": "Post\u009b31m",
             "url": "https://example.org/\u001b[2J", "credit": "\u0085Agency", "authorBio": "Line\none",
             "sections": [{"heading": "Head\u2066ing", "paragraphs": ["One\u0000.", "Two\r\nthree"]}],
             "summary": [{"text": "Point\u001bP$q\u001b\\ made"}], "summarySource": "author"}
            """#
        let article = try JSONDecoder().decode(Article.self, from: Data(json.utf8))
        XCTAssertEqual(article.title, "Harbour ferries")
        XCTAssertEqual(article.author, "Ana Lima jr")
        XCTAssertEqual(article.source, "Post")
        XCTAssertEqual(article.url, "https://example.org/")
        XCTAssertEqual(article.credit, "Agency")
        XCTAssertEqual(article.authorBio, "Line one")
        XCTAssertEqual(article.sections, [ArticleSection(heading: "Heading", paragraphs: ["One.", "Two three"])])
        XCTAssertEqual(article.summary, [SummaryBullet(text: "Point made")])
        let again = try JSONDecoder().decode(Article.self, from: JSONEncoder().encode(article))
        XCTAssertEqual(again, article)
    }

    func testIndexCacheSkipsLinesWithUnsafeCharactersOrImpossibleDates() {
        let text = "bulletin-index 1\n"
            + "10\t5\t0123456789abcdef\t100\t0\t\t/lib/a.txt\tClean title\tSource\tAuthor\n"
            + "10\t5\t0123456789abcdef\t100\t0\t\t/lib/b.txt\tEvil \u{1B}]0;x\u{7} title\tSource\tAuthor\n"
            + "10\t5\t0123456789abcdef\t100\t0\t\t/lib/c.txt\tTitle\tSource\tAu\u{202E}thor\n"
            + "10\t5\t0123456789abcdef\t100\t0\t9223372036854775807\t/lib/d.txt\tTitle\tSource\tAuthor\n"
            + "10\t5\t0123456789abcdef\t100\t0\t\t/lib/e.txt\tTitle\tSource\tAuthor\tan eleventh field\n"
        let records = IndexCache.parse(Array(text.utf8))
        XCTAssertEqual(records.map(\.entry.path), ["/lib/a.txt"])
        let again = IndexCache.parse(IndexCache(records: records).encoded())
        XCTAssertEqual(again.map(\.entry), records.map(\.entry))
    }
}
