import Articles
import Foundation
import Storage

/// Where subscriptions, feed state and feed articles live (XDG Base Directory layout).
public struct FetchingPaths: Sendable, Equatable {
    /// `$XDG_CONFIG_HOME/bulletin` (else `~/.config/bulletin`): holds `feeds.toml`.
    public var configDirectory: URL
    /// The data folder, `$XDG_DATA_HOME/bulletin` (see `StateDirectory`): holds `feed-state.json`.
    public var dataDirectory: URL
    /// The reader's index-cache folder, where stored articles' entries are recorded so that
    /// the reader does not parse them again (`nil`: none are recorded).
    public var indexCacheDirectory: URL?

    /// Creates the paths from explicit folders.
    public init(configDirectory: URL, dataDirectory: URL, indexCacheDirectory: URL? = nil) {
        self.configDirectory = configDirectory
        self.dataDirectory = dataDirectory
        self.indexCacheDirectory = indexCacheDirectory
    }

    /// The paths for this environment.
    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> FetchingPaths {
        FetchingPaths(configDirectory: configDirectory(environment: environment),
                      dataDirectory: StateDirectory.resolve(environment: environment),
                      indexCacheDirectory: Library.defaultCacheDirectory(environment: environment))
    }

    /// `$XDG_CONFIG_HOME/bulletin` when absolute, else `$HOME/.config/bulletin`.
    public static func configDirectory(environment: [String: String]) -> URL {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("bulletin", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".config/bulletin", isDirectory: true)
    }

    /// The subscriptions file.
    public var subscriptionsFile: URL { configDirectory.appendingPathComponent("feeds.toml") }
    /// The per-feed HTTP state.
    public var stateFile: URL { dataDirectory.appendingPathComponent("feed-state.json") }
    /// The user's library: one folder per feed, plus `saved-pages` for `fetch`.
    public var articlesDirectory: URL { dataDirectory.appendingPathComponent("articles", isDirectory: true) }
    /// The lock taken while subscriptions or feed state are read, changed and written.
    public var lockFile: URL { dataDirectory.appendingPathComponent("feeds.lock") }
}
