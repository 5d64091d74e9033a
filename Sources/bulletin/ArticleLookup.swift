import Articles
import Foundation

/// Finds the article a command-line argument names: an article file, or an id looked up in
/// a library (the given paths plus the settings file's `[library]` folders; by default the
/// user's library or, while it and the settings name nothing, the bundled one) or among
/// saved favorites.
struct ArticleLookup {
    /// Library folders or files to look ids up in; empty means the default library.
    var libraryPaths: [String]
    /// The settings file's `[library]` folders, looked in as well.
    var extraFolders: [String] = []
    /// The index cache folder, `nil` for no cache (`--no-cache`).
    var cacheDirectory: URL? = Library.defaultCacheDirectory()

    /// The library to look ids up in, or `nil` when there is none.
    func openLibrary() -> Library? {
        guard let paths = LibraryOptions.resolve(libraryPaths, extra: extraFolders) else { return nil }
        return Library(paths: paths, cacheDirectory: cacheDirectory)
    }

    /// The article in the file at `path`, or a one-line failure naming the file.
    static func parse(file path: String) throws -> Article {
        do { return try Library.parseFile(atPath: path) } catch {
            throw CLIFailure("\(path): \(Library.describe(error))")
        }
    }

    /// What a reference names.
    enum Reference: Equatable {
        case file(String)
        case id(ArticleID)
    }

    /// Tells a file from an id, the same way for every command: text that is an id (16 hex
    /// digits, no `/`) is the id, unless no article has that id and a file of that name
    /// exists (write `./NAME` to always mean the file); anything else is a file.
    static func classify(_ reference: String, isKnown: (ArticleID) -> Bool) throws -> Reference {
        let exists = FileManager.default.fileExists(atPath: reference)
        if !reference.contains("/"), let id = ArticleID(parsing: reference) {
            return exists && !isKnown(id) ? .file(reference) : .id(id)
        }
        if exists { return .file(reference) }
        throw CLIFailure("\(reference): no such file, and not an article id (16 hex digits)")
    }

    /// `reference` as a file or an id (see ``classify(_:isKnown:)``); an id is looked up in
    /// the library first, then through `saved` (a favorite's copy, for articles whose file
    /// is gone).
    func find(_ reference: String, saved: (ArticleID) -> Article?) throws -> Article {
        var library: Library??
        func open() -> Library? {
            if let library { return library }
            let opened = openLibrary()
            library = .some(opened)
            return opened
        }
        var savedCopy: Article??
        func favorite(_ id: ArticleID) -> Article? {
            if let savedCopy { return savedCopy }
            let copy = saved(id)
            savedCopy = .some(copy)
            return copy
        }
        let kind = try Self.classify(reference) { id in open()?.entry(id: id) != nil || favorite(id) != nil }
        switch kind {
        case .file(let path):
            return try ArticleLookup.parse(file: path)
        case .id(let id):
            if let library = open(), let entry = library.entry(id: id) {
                do { return try library.article(for: entry) } catch {
                    throw CLIFailure("\(entry.path): \(Library.describe(error))")
                }
            }
            if let article = favorite(id) { return article }
            throw ArticleLookup.unknown(reference)
        }
    }

    /// The one-line failure for an id found nowhere.
    static func unknown(_ reference: String) -> CLIFailure {
        CLIFailure("\(reference): no article with this id in the library or among saved favorites")
    }
}
