import Articles
import XCTest

@testable import ReaderUI

final class ArticleLayoutTests: XCTestCase {
    func testResizedLayoutIsTheLayoutMadeAfresh() {
        for article in Fixtures.all + [Fixtures.hostile] {
            for first in [30, 100] {
                let open = ArticleLayout(article: article, width: first)
                for width in [1, 12, 20, 45, 59, 60, 72, 80, 120, 200] {
                    for maximum in [40, ArticleLayout.maximumMeasure] {
                        let resized = open.resized(article, width: width, maximumMeasure: maximum)
                        let fresh = ArticleLayout(article: article, width: width, maximumMeasure: maximum)
                        XCTAssertEqual(resized, fresh, "\(article.title) from \(first) to \(width) columns")
                        XCTAssertEqual(resized.readingMinutes, article.readingMinutes)
                        XCTAssertEqual(resized.folded.bytes, fresh.folded.bytes)
                        XCTAssertEqual(resized.folded.starts, fresh.folded.starts)
                    }
                }
            }
        }
    }

    func testResizeKeepsTheReadingTimeShownInTheHeader() {
        // A long article: the reading time in the header line is the one counted at opening.
        let paragraph = String(repeating: "word ", count: WordCounter.wordsPerMinute)
        let article = Article(title: "Long", source: "Test", sections: [ArticleSection(paragraphs: Array(repeating: paragraph, count: 12))])
        let open = ArticleLayout(article: article, width: 100)
        let resized = open.resized(article, width: 50)
        XCTAssertEqual(open.readingMinutes, 12)
        XCTAssertEqual(resized.readingMinutes, 12)
        XCTAssertTrue(resized.lines.contains { $0.kind == .byline && $0.text.hasSuffix("12 min read") })
        XCTAssertEqual(resized.lines.filter { $0.kind == .byline }.map(\.text),
                       ArticleLayout(article: article, width: 50).lines.filter { $0.kind == .byline }.map(\.text))
    }
}
