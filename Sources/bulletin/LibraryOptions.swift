import ArgumentParser
import Storage
import Articles
import Fetching
import Foundation

/// Options shared by the commands that open a library.
struct LibraryOptions: ParsableArguments {
    @Argument(help: "Article files or folders (default: your library in $XDG_DATA_HOME/bulletin/articles, or the bundled samples while it is empty).")
    var paths: [String] = []

    @Option(name: .customLong("cache-dir"), help: "Folder for the index cache (default: $XDG_CACHE_HOME/bulletin).")
    var cacheDirectory: String?

    @Flag(name: .customLong("no-cache"), help: "Do not read or write the index cache.")
    var noCache = false

    /// Whether no path was given and the user's library is empty, so the bundled samples open
    /// (unless the settings name `extra` folders).
    func opensSamples(extra: [String] = []) -> Bool { paths.isEmpty && extra.isEmpty && UserLibrary.locate() == nil }

    /// The paths to open: the given ones plus `extra` (the settings file's `[library]`
    /// folders); with no path given, the user's library (when it holds articles) plus `extra`;
    /// the bundled samples when all of that is empty.
    func resolvedPaths(extra: [String] = []) throws -> [String] {
        guard let resolved = LibraryOptions.resolve(paths, extra: extra) else {
            throw CLIFailure("cannot find the bundled sample library; give a folder of articles")
        }
        return resolved
    }

    /// The library paths for `given` paths plus `extra` folders: with none given, the user's
    /// library (when it holds articles) plus `extra`, else the bundled samples (`nil` when
    /// they cannot be found either). The one rule for every command that opens a library.
    static func resolve(_ given: [String], extra: [String]) -> [String]? {
        if !given.isEmpty { return given + extra }
        let user = UserLibrary.locate().map { [$0.path] } ?? []
        if !user.isEmpty || !extra.isEmpty { return user + extra }
        return BundledLibrary.locate().map { [$0.path] }
    }

    /// Opens the library, printing a notice per skipped file on stderr when `verbose`.
    func openLibrary(reportNotices: Bool = true, extra: [String] = []) throws -> Library {
        let cache: URL? = noCache ? nil : cacheDirectory.map { URL(fileURLWithPath: $0) } ?? Library.defaultCacheDirectory()
        let library = Library(paths: try resolvedPaths(extra: extra), cacheDirectory: cache)
        ProcessLifetime.keep(library)
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

/// Objects kept until the process exits: freeing a 100,000-entry library string by string
/// when a command returns costs more than the system reclaiming its pages at exit.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [AnyObject] = []

    static func keep(_ object: AnyObject) { kept.append(object) }
}
