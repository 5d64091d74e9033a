import ArgumentParser
import Articles
import Foundation
import Storage

/// `bulletin show ID|FILE [--width N]`
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one article as clean, word-wrapped text.",
        discussion: "ID is an article id from 'bulletin list' (looked up in the library and in saved favorites); FILE is a path to an article file.")

    @OptionGroup var reference: ArticleReferenceOptions

    @Option(help: "Wrap at this many columns (default: the terminal width, or 80).")
    var width: Int?

    @OptionGroup var state: StateOptions

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be at least 20") }
    }

    func run() throws {
        let resolved = try ArticleLookup(libraryPaths: reference.libraryPaths, stateDirectory: state.directory).find(reference.article)
        Terminal.write(ArticleTextFormatter.format(resolved, width: width ?? TerminalSize.columns() ?? 80))
    }
}

/// Finds an article by id (in a library, then among saved favorites) or by file path.
struct ArticleLookup {
    var libraryPaths: [String]
    var stateDirectory: URL?

    func find(_ reference: String) throws -> Article {
        if FileManager.default.fileExists(atPath: reference) {
            do { return try Library.parseFile(atPath: reference) } catch {
                throw CLIFailure("\(reference): \(Library.describe(error))")
            }
        }
        guard let id = ArticleID(parsing: reference) else {
            throw CLIFailure("\(reference): no such file, and not an article id (16 hex digits)")
        }
        var paths = libraryPaths
        if paths.isEmpty, let bundled = BundledLibrary.locate() { paths = [bundled.path] }
        let library = Library(paths: paths, cacheDirectory: Library.defaultCacheDirectory())
        if let entry = library.entry(id: id) {
            do { return try library.article(for: entry) } catch {
                throw CLIFailure("\(entry.path): \(Library.describe(error))")
            }
        }
        if let stateDirectory, let store = try? StateStore(directory: stateDirectory),
            let saved = store.savedArticles.first(where: { $0.article.id == id })
        {
            return saved.article
        }
        throw CLIFailure("\(reference): no article with this id in the library or among saved favorites")
    }
}

/// The width of the terminal on stdout, if it is one.
enum TerminalSize {
    static func columns() -> Int? {
        if let env = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(env), n > 0 { return n }
        var size = winsize()
        guard isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
            return nil
        }
        return Int(size.ws_col)
    }
}
