import ArgumentParser
import Articles
import Feeds
import Foundation

/// `bulletin parse FILE... [--json]`
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse article files (text, Markdown or HTML pages) or feeds and print the clean result.",
        discussion: "With --json, prints one JSON object per file (an array when several files are given); the schema is in README.md. A feed file (RSS, RSS 1.0, Atom or JSON Feed, recognised by its content) prints {\"feed\": {...}, \"articles\": [...]}; its article ids derive from --url when given, else from the file's address.")

    @Argument(help: "Article files to parse.")
    var files: [String]

    @Flag(help: "Print the documented JSON schema instead of text.")
    var json = false

    @Option(help: "The address of an HTML page, to resolve its links and name its source.")
    var url: String?

    @Option(help: "Wrap text output at this many columns.")
    var width: Int = 80

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE to parse") }
        if width < 20 { throw ValidationError("--width must be at least 20") }
    }

    func run() throws {
        var results: [ParseResult] = []
        var failed = false
        for file in files {
            do {
                results.append(try ParseResult.read(file, url: url))
            } catch {
                Terminal.printError("\(file): \(ParseResult.describe(error))")
                failed = true
            }
        }
        if json {
            if results.count == 1 && files.count == 1 {
                Terminal.write(try ArticleJSON.encode(results[0]) + "\n")
            } else if !results.isEmpty || !failed {
                Terminal.write(try ArticleJSON.encode(results) + "\n")
            }
        } else {
            let articles = results.flatMap(\.articles)
            Terminal.write(articles.map { ArticleTextFormatter.format($0, width: width) }.joined(separator: "\n"))
        }
        if failed { throw ExitCode.failure }
    }
}

/// One parsed file: an article, or a feed and its items.
enum ParseResult: Encodable {
    case article(Article)
    case feed(FeedJSON)

    /// Reads `path` (`url` is its web address, if known); a feed is recognised by its content (`<rss`, `<feed`, `<rdf:RDF`, JSON Feed).
    static func read(_ path: String, url: String?) throws -> ParseResult {
        let fileURL = URL(fileURLWithPath: path)
        let data = try Data(contentsOf: fileURL)
        guard FeedSniffer.isFeed(data) else { return .article(try Library.parseFile(atPath: path, url: url)) }
        let feedURL = url ?? fileURL.standardizedFileURL.absoluteString
        return .feed(FeedJSON(try FeedParser.parse(data: data, url: feedURL), url: feedURL))
    }

    var articles: [Article] {
        switch self {
        case .article(let article): return [article]
        case .feed(let feed): return feed.articles.map(\.article)
        }
    }

    func encode(to encoder: Encoder) throws {
        switch self {
        case .article(let article): try article.encode(to: encoder)
        case .feed(let feed): try feed.encode(to: encoder)
        }
    }

    static func describe(_ error: Error) -> String {
        if let feedError = error as? FeedParseError { return feedError.description }
        return Library.describe(error)
    }
}

/// Pretty, key-sorted JSON for the command line.
enum ArticleJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
