import ArgumentParser
import Articles
import Foundation

/// An article named by id or file, the library to look ids up in, and its index cache.
struct ArticleReferenceOptions: ParsableArguments {
    @Argument(help: "An article id (from 'bulletin list') or an article file (write ./NAME for a file named like an id).")
    var article: String

    @Option(name: .customLong("library"), help: "Library folders or files to look the id up in (repeatable; default: your library, or the bundled samples while it is empty; the settings file's [library] folders are always included).")
    var libraryPaths: [String] = []

    @Option(name: .customLong("cache-dir"), help: "Folder for the index cache (default: $XDG_CACHE_HOME/bulletin).")
    var cacheDirectory: String?

    @Flag(name: .customLong("no-cache"), help: "Do not read or write the index cache.")
    var noCache = false

    @OptionGroup var config: ConfigOptions

    /// The lookup these options describe; an invalid settings file is reported and exits 2,
    /// as for `list`.
    func lookup() throws -> ArticleLookup {
        let cache: URL? = noCache ? nil : cacheDirectory.map { URL(fileURLWithPath: $0) } ?? Library.defaultCacheDirectory()
        return ArticleLookup(libraryPaths: libraryPaths, extraFolders: try config.libraryFolders(), cacheDirectory: cache)
    }
}
