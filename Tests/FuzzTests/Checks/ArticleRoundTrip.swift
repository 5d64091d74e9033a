@testable import Articles
import Foundation

/// Invariants every parsed article meets, whatever parser made it.
enum ArticleRoundTrip {
    /// Every field is one clean line, the JSON form reads back as the same article, and the
    /// Bulletin article file (front matter + Markdown) reads back as the same article,
    /// guid and feed.
    static func check(_ article: Article, guid: String? = nil, feed: String? = nil, _ what: String = "article") throws {
        try FuzzInvariants.requireCleanArticle(article, what)
        let json = try JSONEncoder().encode(article)
        let back = try JSONDecoder().decode(Article.self, from: json)
        try FuzzInvariants.require(back == article, "\(what): parse → JSON → parse changed the article")

        let text = ArticleFile.write(article, guid: guid, feed: feed)
        guard let file = ArticleFile.read(utf8: Array(text.utf8)) else {
            throw FuzzFailure("\(what): Bulletin cannot read the article file it wrote:\n\(text.prefix(400))")
        }
        try FuzzInvariants.require(file.article == article, "\(what): parse → article file → parse changed the article:\n\(describeDifference(article, file.article))\nfile:\n\(text.prefix(600))")
        try FuzzInvariants.require(file.guid == guid && file.feed == feed,
                                   "\(what): the article file changed guid \(String(describing: guid)) → \(String(describing: file.guid)) or feed \(String(describing: feed)) → \(String(describing: file.feed))")
    }

    /// The first field that differs, for the failure message.
    static func describeDifference(_ a: Article, _ b: Article) -> String {
        if a.id != b.id { return "id \(a.id.rawValue) ≠ \(b.id.rawValue)" }
        if a.title != b.title {
            func tail(_ s: String) -> String { s.unicodeScalars.suffix(3).map { String($0.value, radix: 16) }.joined(separator: " ") }
            return "title \(a.title.debugDescription) ≠ \(b.title.debugDescription) (ends \(tail(a.title)) / \(tail(b.title)))"
        }
        if a.source != b.source { return "source \(String(describing: a.source)) ≠ \(String(describing: b.source))" }
        if a.author != b.author { return "author \(String(describing: a.author)) ≠ \(String(describing: b.author))" }
        if a.authorBio != b.authorBio { return "authorBio \(String(describing: a.authorBio)) ≠ \(String(describing: b.authorBio))" }
        if a.credit != b.credit { return "credit \(String(describing: a.credit)) ≠ \(String(describing: b.credit))" }
        if a.date != b.date { return "date \(String(describing: a.date)) ≠ \(String(describing: b.date))" }
        if a.url != b.url { return "url \(String(describing: a.url)) ≠ \(String(describing: b.url))" }
        if a.summary != b.summary { return "summary \(a.summary) ≠ \(b.summary)" }
        if a.summarySource != b.summarySource { return "summarySource \(String(describing: a.summarySource)) ≠ \(String(describing: b.summarySource))" }
        if a.sections != b.sections { return "sections \(String(describing: a.sections).prefix(300)) ≠ \(String(describing: b.sections).prefix(300))" }
        return "no field differs"
    }
}
