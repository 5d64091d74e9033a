import ArgumentParser
import Articles
import Foundation
import Storage

/// `bulletin export-saved [--format markdown|json]`
struct ExportSavedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-saved",
        abstract: "Write every favorite with its full text to stdout.",
        discussion: "markdown: one section per article (title, byline, summary, body, bio), separated by '---'. json: an array of {id, savedAt, article} where article has the schema of 'bulletin parse --json'.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    @Option(help: "Output format: markdown or json.")
    var format: Format = .markdown

    @OptionGroup var state: StateOptions

    func run() throws {
        let store = StateCommandSupport.open(state, mode: .readOnly)
        let saved = store.savedArticles
        switch format {
        case .json:
            Terminal.write(try ArticleJSON.encode(saved.map(ExportedFavorite.init)) + "\n")
        case .markdown:
            Terminal.write(saved.map(MarkdownExport.render).joined(separator: "\n---\n\n"))
        }
    }
}

/// One entry of `export-saved --format json`.
struct ExportedFavorite: Encodable {
    var favorite: SavedArticle

    init(_ favorite: SavedArticle) { self.favorite = favorite }

    func encode(to encoder: Encoder) throws {
        enum K: String, CodingKey { case id, savedAt, article }
        var c = encoder.container(keyedBy: K.self)
        try c.encode(favorite.article.id.rawValue, forKey: .id)
        try c.encode(StateTime(favorite.savedAt).description, forKey: .savedAt)
        try c.encode(favorite.article, forKey: .article)
    }
}

/// A favorite as Markdown.
enum MarkdownExport {
    static func render(_ favorite: SavedArticle) -> String {
        let article = favorite.article
        var out = "# \(article.title)\n\n"
        var byline: [String] = []
        if let author = article.author { byline.append("By \(author)") }
        if let source = article.source { byline.append(source) }
        if let date = article.date { byline.append(ArticleDateFormat.day(date)) }
        if !byline.isEmpty { out += "*" + byline.joined(separator: " · ") + "*\n\n" }
        if let credit = article.credit { out += "Image: \(credit)\n\n" }
        if let url = article.url { out += "<\(url)>\n\n" }
        if !article.summary.isEmpty {
            out += article.summarySource == .generated ? "**Summary (generated)**\n\n" : "**Summary**\n\n"
            for bullet in article.summary { out += "- \(bullet.text)\n" }
            out += "\n"
        }
        for section in article.sections {
            if let heading = section.heading { out += "## \(heading)\n\n" }
            for paragraph in section.paragraphs { out += paragraph + "\n\n" }
        }
        if let bio = article.authorBio { out += "*About the author:* \(bio)\n\n" }
        out += "*Saved \(StateTime(favorite.savedAt)) · id \(article.id) · \(article.wordCount) words*\n"
        return out
    }
}
