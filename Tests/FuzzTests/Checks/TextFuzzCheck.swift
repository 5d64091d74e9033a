@testable import Articles
import Foundation

/// Scraped text and Markdown: the parser never traps, every field is one clean line, the
/// JSON form reads back as the same article, the index parse agrees with the full parse,
/// and the plain-text rendering fits its width.
enum TextFuzzCheck {
    static func check(_ data: [UInt8]) throws {
        let article: Article
        do {
            article = try ArticleParser.parse(data: Data(data))
        } catch is ArticleParseError {
            return
        }
        try FuzzInvariants.requireCleanArticle(article)

        let json = try JSONEncoder().encode(article)
        let back = try JSONDecoder().decode(Article.self, from: json)
        try FuzzInvariants.require(back == article, "parse → JSON → parse changed the article")

        let indexed = try ArticleParser.parseForIndex(bytes: data)
        try FuzzInvariants.require(
            LibraryEntry(article: article, path: "a.txt", fileDate: Date(timeIntervalSince1970: 0))
                == LibraryEntry(article: indexed, path: "a.txt", fileDate: Date(timeIntervalSince1970: 0)),
            "the index parse and the full parse give different entries")

        let width = 20 + data.count % 60  // the formatter's narrowest is 20
        for line in ArticleTextFormatter.format(article, width: width).split(separator: "\n", omittingEmptySubsequences: false) {
            try FuzzInvariants.requireCleanLine(String(line), "formatted line")
            try WrapFuzzCheck.requireFits(String(line), width: width, "formatted line")
        }
    }
}
