import ArgumentParser
import Articles
import Foundation

/// `bulletin parse FILE... [--json]`
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse article files (text, Markdown or HTML pages) and print the clean result.",
        discussion: "With --json, prints one JSON object per file (an array when several files are given); the schema is in README.md.")

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
        var articles: [Article] = []
        var failed = false
        for file in files {
            do {
                articles.append(try Library.parseFile(atPath: file, url: url))
            } catch {
                Terminal.printError("\(file): \(Library.describe(error))")
                failed = true
            }
        }
        if json {
            if articles.count == 1 && files.count == 1 {
                Terminal.write(try ArticleJSON.encode(articles[0]) + "\n")
            } else if !articles.isEmpty || !failed {
                Terminal.write(try ArticleJSON.encode(articles) + "\n")
            }
        } else {
            Terminal.write(articles.map { ArticleTextFormatter.format($0, width: width) }.joined(separator: "\n"))
        }
        if failed { throw ExitCode.failure }
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
