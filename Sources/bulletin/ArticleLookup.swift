import Articles
import Foundation

/// Finds the article a command-line argument names: an article file, or an id looked up in
/// a library (the given paths, by default the user's library or, while it is empty, the
/// bundled one) or among saved favorites.
struct ArticleLookup {
    /// Library folders or files to look ids up in; empty means the default library.
    var libraryPaths: [String]

    /// The library to look ids up in, or `nil` when there is none.
    func openLibrary() -> Library? {
        var paths = libraryPaths
        if paths.isEmpty, let user = UserLibrary.locate() { paths = [user.path] }
        if paths.isEmpty, let bundled = BundledLibrary.locate() { paths = [bundled.path] }
        return paths.isEmpty ? nil : Library(paths: paths, cacheDirectory: Library.defaultCacheDirectory())
    }

    /// The article in the file at `path`, or a one-line failure naming the file.
    static func parse(file path: String) throws -> Article {
        do { return try Library.parseFile(atPath: path) } catch {
            throw CLIFailure("\(path): \(Library.describe(error))")
        }
    }

    /// `reference` read as a file when one exists, else as an id: in the library first,
    /// then through `saved` (a favorite's copy, for articles whose file is gone).
    func find(_ reference: String, saved: (ArticleID) -> Article?) throws -> Article {
        if FileManager.default.fileExists(atPath: reference) { return try ArticleLookup.parse(file: reference) }
        guard let id = ArticleID(parsing: reference) else {
            throw CLIFailure("\(reference): no such file, and not an article id (16 hex digits)")
        }
        if let library = openLibrary(), let entry = library.entry(id: id) {
            do { return try library.article(for: entry) } catch {
                throw CLIFailure("\(entry.path): \(Library.describe(error))")
            }
        }
        if let article = saved(id) { return article }
        throw ArticleLookup.unknown(reference)
    }

    /// The one-line failure for an id found nowhere.
    static func unknown(_ reference: String) -> CLIFailure {
        CLIFailure("\(reference): no article with this id in the library or among saved favorites")
    }
}
