import ArgumentParser
import Storage
import Articles
import Foundation

/// Options shared by the commands that open a library.
struct LibraryOptions: ParsableArguments {
    @Argument(help: "Article files or folders (default: the bundled sample library).")
    var paths: [String] = []

    @Option(name: .customLong("cache-dir"), help: "Folder for the index cache (default: $XDG_CACHE_HOME/bulletin).")
    var cacheDirectory: String?

    @Flag(name: .customLong("no-cache"), help: "Do not read or write the index cache.")
    var noCache = false

    /// The paths to open: the given ones plus `extra` (the settings file's `[library]`
    /// folders), or the bundled library when there are none.
    func resolvedPaths(extra: [String] = []) throws -> [String] {
        if !paths.isEmpty || !extra.isEmpty { return paths + extra }
        guard let bundled = BundledLibrary.locate() else {
            throw CLIFailure("cannot find the bundled sample library; give a folder of articles")
        }
        return [bundled.path]
    }

    /// Opens the library, printing a notice per skipped file on stderr when `verbose`.
    func openLibrary(reportNotices: Bool = true, extra: [String] = []) throws -> Library {
        let cache: URL? = noCache ? nil : cacheDirectory.map { URL(fileURLWithPath: $0) } ?? Library.defaultCacheDirectory()
        let library = Library(paths: try resolvedPaths(extra: extra), cacheDirectory: cache)
        if reportNotices {
            for notice in library.notices { Terminal.printError(notice.description) }
        }
        return library
    }
}

/// Options shared by the commands that use reading state.
struct StateOptions: ParsableArguments {
    @Option(name: .customLong("state-dir"), help: "Folder for read and saved state (default: $BULLETIN_STATE_DIR or $XDG_DATA_HOME/bulletin).")
    var stateDirectory: String?

    /// The state folder to use.
    var directory: URL {
        stateDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? StateStore.defaultDirectory()
    }
}
