import Articles
import Foundation

/// HTML pages: extraction never traps, every field is a clean line, and the article
/// survives JSON and the Bulletin article file.
enum HTMLFuzzCheck {
    static func check(_ data: [UInt8]) throws {
        let article: Article
        do {
            article = try HTMLArticleParser.parse(data: Data(data), url: "https://example.org/news/page.html")
        } catch is ArticleParseError {
            return
        }
        try ArticleRoundTrip.check(article, "html article")
        _ = HTMLArticleParser.feedLinks(data: Data(data), url: "https://example.org/")
    }
}
