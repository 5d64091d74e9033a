@testable import Articles
import Foundation

/// Bulletin article files (front matter + Markdown): reading never traps, every field is a
/// clean line, and write → read gives the same article, guid and feed. The input is read
/// as a whole file by ``ArticleParser`` and also directly by ``ArticleFile``.
enum FrontMatterFuzzCheck {
    static func check(_ data: [UInt8]) throws {
        if let file = ArticleFile.read(String(decoding: data, as: UTF8.self)) {
            try FuzzInvariants.requireCleanLine(file.guid, "guid")
            try FuzzInvariants.requireCleanLine(file.feed, "feed")
            try ArticleRoundTrip.check(file.article, guid: file.guid, feed: file.feed, "article file")
        }
        if let article = try? ArticleParser.parse(data: Data(data)) {
            try FuzzInvariants.requireCleanArticle(article)
        }
    }
}
