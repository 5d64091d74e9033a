import ArgumentParser
import Articles
import Foundation

/// `bulletin list [PATH...] [--json]`
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the articles of a library, newest first.",
        discussion: "One line per article: id, title, source or author, reading time. Skipped files are reported on stderr.")

    @OptionGroup var library: LibraryOptions
    @OptionGroup var config: ConfigOptions

    @Flag(help: "Print a JSON array of {id, path, title, source, author, date, wordCount, readingMinutes}.")
    var json = false

    func run() throws {
        let lib = try library.openLibrary(extra: try config.libraryFolders())
        if json {
            let rows = lib.entries.map(ListRow.init)
            Terminal.write(try ArticleJSON.encode(rows) + "\n")
            return
        }
        // One byte buffer and one write: at 100,000 lines, string interpolation per line
        // cost more than reading the index.
        var out: [UInt8] = []
        out.reserveCapacity(lib.entries.count * 110)
        for entry in lib.entries {
            out.append(contentsOf: entry.id.rawValue.utf8)
            out.append(contentsOf: "  ".utf8)
            out.append(contentsOf: entry.title.utf8)
            if entry.source != nil || entry.author != nil {
                out.append(contentsOf: "  (".utf8)
                if let source = entry.source { out.append(contentsOf: source.utf8) }
                if entry.source != nil && entry.author != nil { out.append(contentsOf: " · ".utf8) }
                if let author = entry.author { out.append(contentsOf: author.utf8) }
                out.append(UInt8(ascii: ")"))
            }
            out.append(contentsOf: "  \(entry.readingMinutes) min\n".utf8)
        }
        FileHandle.standardOutput.write(Data(out))
        if lib.entries.isEmpty && !lib.notices.isEmpty { throw ExitCode.failure }
    }
}

/// One entry of `list --json`.
struct ListRow: Encodable {
    var id: String
    var path: String
    var title: String
    var source: String?
    var author: String?
    var date: String
    var wordCount: Int
    var readingMinutes: Int

    init(_ entry: LibraryEntry) {
        id = entry.id.rawValue
        path = entry.path
        title = entry.title
        source = entry.source
        author = entry.author
        date = ArticleDateFormat.format(entry.date)
        wordCount = entry.wordCount
        readingMinutes = entry.readingMinutes
    }

    func encode(to encoder: Encoder) throws {
        enum K: String, CodingKey { case id, path, title, source, author, date, wordCount, readingMinutes }
        var c = encoder.container(keyedBy: K.self)
        try c.encode(id, forKey: .id)
        try c.encode(path, forKey: .path)
        try c.encode(title, forKey: .title)
        try c.encode(source, forKey: .source)
        try c.encode(author, forKey: .author)
        try c.encode(date, forKey: .date)
        try c.encode(wordCount, forKey: .wordCount)
        try c.encode(readingMinutes, forKey: .readingMinutes)
    }
}
