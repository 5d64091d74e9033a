import ArgumentParser
import Articles
import Foundation
import Storage

/// `bulletin saved [--json]`
struct SavedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "saved",
        abstract: "List saved favorites, most recently saved first.",
        discussion: "Favorites are kept with a full copy of the article, so they are listed (and readable with 'bulletin show ID') even when their source file is gone.")

    @Flag(help: "Print a JSON array of {id, title, source, author, date, url, savedAt, wordCount, readingMinutes}.")
    var json = false

    @OptionGroup var state: StateOptions

    func run() throws {
        let store = StateCommandSupport.open(state, mode: .readOnly)
        let saved = store.savedArticles
        if json {
            Terminal.write(try ArticleJSON.encode(saved.map(SavedRow.init)) + "\n")
            return
        }
        var out = ""
        for favorite in saved {
            let article = favorite.article
            let who = [article.source, article.author].compactMap { $0 }.joined(separator: " · ")
            out += "\(article.id)  \(article.title)"
            if !who.isEmpty { out += "  (\(who))" }
            out += "  \(article.readingMinutes) min  saved \(ArticleDateFormat.day(favorite.savedAt))\n"
        }
        Terminal.write(out)
    }
}

/// One entry of `saved --json`.
struct SavedRow: Encodable {
    var favorite: SavedArticle

    init(_ favorite: SavedArticle) { self.favorite = favorite }

    func encode(to encoder: Encoder) throws {
        enum K: String, CodingKey { case id, title, source, author, date, url, savedAt, wordCount, readingMinutes }
        let article = favorite.article
        var c = encoder.container(keyedBy: K.self)
        try c.encode(article.id.rawValue, forKey: .id)
        try c.encode(article.title, forKey: .title)
        try c.encode(article.source, forKey: .source)
        try c.encode(article.author, forKey: .author)
        try c.encode(article.date.map(ArticleDateFormat.format), forKey: .date)
        try c.encode(article.url, forKey: .url)
        try c.encode(StateTime(favorite.savedAt).description, forKey: .savedAt)
        try c.encode(article.wordCount, forKey: .wordCount)
        try c.encode(article.readingMinutes, forKey: .readingMinutes)
    }
}
