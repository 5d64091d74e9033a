import Articles
import Foundation

/// Where the reader stopped in an article: the index of the first visible rendered block
/// (title, summary, heading or paragraph) and the wrapped line within it.
public struct ReadingPosition: Codable, Hashable, Sendable {
    /// Index of the block at the top of the view.
    public var block: Int
    /// Wrapped line within that block.
    public var line: Int

    /// Creates a position.
    public init(block: Int, line: Int) {
        self.block = block
        self.line = line
    }
}

/// A favorite: when it was saved and a full copy of the article.
public struct SavedArticle: Hashable, Sendable {
    /// The article copy, readable after its source file is gone.
    public var article: Article
    /// When it was saved.
    public var savedAt: Date

    /// Creates a saved entry.
    public init(article: Article, savedAt: Date) {
        self.article = article
        self.savedAt = savedAt
    }
}

/// Read state, favorites and reading positions. (Placeholder: in memory only; being
/// replaced by the durable, locked, merged JSON store.)
public final class StateStore: @unchecked Sendable {
    /// The state folder.
    public let directory: URL
    /// One-line warnings gathered while loading (corrupt files moved aside, read-only state).
    public private(set) var warnings: [String] = []

    private let lock = NSLock()
    private var read: [ArticleID: ReadingPosition?] = [:]
    private var saved: [ArticleID: SavedArticle] = [:]

    /// Opens (creating if needed) the state folder.
    public init(directory: URL) throws {
        self.directory = directory
    }

    /// `$BULLETIN_STATE_DIR`, else `$XDG_DATA_HOME/bulletin`, else `~/.local/share/bulletin`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dir = environment["BULLETIN_STATE_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir, isDirectory: true)
        }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("bulletin")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/share/bulletin")
    }

    /// Whether the article is marked read.
    public func isRead(_ id: ArticleID) -> Bool { lock.withLock { read[id] != nil } }
    /// Whether the article is saved as a favorite.
    public func isSaved(_ id: ArticleID) -> Bool { lock.withLock { saved[id] != nil } }
    /// The last reading position, if any.
    public func readingPosition(_ id: ArticleID) -> ReadingPosition? { lock.withLock { read[id] ?? nil } }

    /// Marks read (keeping any stored position unless a new one is given).
    public func markRead(_ id: ArticleID, position: ReadingPosition? = nil) {
        lock.withLock { read[id] = position ?? (read[id] ?? nil) }
    }
    /// Marks unread.
    public func markUnread(_ id: ArticleID) { lock.withLock { read[id] = nil } }
    /// Records where the reader stopped (also marks read).
    public func setReadingPosition(_ id: ArticleID, _ position: ReadingPosition) {
        lock.withLock { read[id] = position }
    }
    /// Saves a favorite with a full copy of the article.
    public func save(_ article: Article) {
        lock.withLock { saved[article.id] = SavedArticle(article: article, savedAt: Date()) }
    }
    /// Removes a favorite.
    public func unsave(_ id: ArticleID) { lock.withLock { saved[id] = nil } }
    /// Favorites, most recently saved first.
    public var savedArticles: [SavedArticle] {
        lock.withLock { saved.values.sorted { $0.savedAt > $1.savedAt } }
    }
    /// Writes every pending change to disk and waits for it.
    public func flush() {}
}
