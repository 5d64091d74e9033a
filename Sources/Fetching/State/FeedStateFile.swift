import Foundation
import Storage

/// The per-feed state of every subscription, kept in one JSON file in the data folder
/// (`feed-state.json`), keyed by feed URL.
///
/// The file is written with ``DurableBatch`` after the articles of a refresh are durable,
/// so a crash never records an item whose file is not on disk (the next refresh writes it
/// again instead).
public struct FeedStateFile: Sendable {
    /// The state of each feed, by URL.
    public var feeds: [String: FeedState]

    /// No feeds.
    public init() { feeds = [:] }

    struct Document: Codable {
        var version: Int
        var feeds: [String: FeedState]
    }

    /// The state of `url` (empty when unknown).
    public subscript(url: String) -> FeedState {
        get { feeds[url] ?? FeedState() }
        set { feeds[url] = newValue }
    }

    /// The file's JSON (see ``FeedStateJSON``).
    func encoded() -> [UInt8] { FeedStateJSON.encode(feeds, version: 1) }

    /// Reads the file; a missing file is an empty state. A damaged one is moved aside to
    /// `feed-state.json.corrupt` and an empty state returned, so the next refresh starts over
    /// (its conditional headers are lost, nothing else).
    public static func load(_ url: URL) -> FeedStateFile {
        guard let data = FileManager.default.contents(atPath: url.path) else { return FeedStateFile() }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        if let document = try? decoder.decode(Document.self, from: data) {
            var file = FeedStateFile()
            file.feeds = document.feeds
            return file
        }
        _ = rename(url.path, url.path + ".corrupt")
        return FeedStateFile()
    }

    /// Writes the file durably, every step through `fileSystem`.
    public func save(to url: URL, fileSystem: any FileSystem = POSIXFileSystem()) throws(FetchFailure) {
        try save(encoded(), to: url, fileSystem: fileSystem)
    }

    /// Writes `bytes`, this state's ``encoded()`` JSON, durably (see ``save(to:fileSystem:)``).
    func save(_ bytes: [UInt8], to url: URL, fileSystem: any FileSystem) throws(FetchFailure) {
        try DurableBatch.prepareFolder(url.deletingLastPathComponent())
        Self.removeLeftovers(of: url)
        var batch = DurableBatch()
        batch.add(url, bytes: bytes)
        try batch.commit(fileSystem: fileSystem)
    }

    /// Removes the temporary copies of `url` a killed refresh left (`.feed-state.json.tmp-…`),
    /// and only those: the data folder also holds the reading state's files, whose writers
    /// run in other processes (called under ``FeedsLock``).
    static func removeLeftovers(of url: URL) {
        let folder = url.deletingLastPathComponent().path
        let prefix = DurableFile.temporaryPrefix(for: url.lastPathComponent)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) { unlink(folder + "/" + name) }
    }
}
