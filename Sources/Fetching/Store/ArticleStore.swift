import Articles
import Feeds
import Foundation
import Storage

/// Writes feed items and fetched pages as Bulletin article files in the user's library,
/// `articles/<feed>/<date>-<slug>.md`, in one durable batch made durable together.
///
/// Each staged file is created and written (under a temporary name) as it is staged, so a
/// caller that stages while it still converts later items overlaps the two; nothing is
/// visible before ``commit()``. A store dropped without committing removes what it wrote.
public struct ArticleStore: Sendable {
    /// The articles folder of the library.
    public let root: URL
    /// The batch the staged files are written into (made at the first file, through
    /// ``fileSystem``).
    private var writer: DurableBatchWriter?
    /// Earlier files of renamed items, removed once the new files are in place.
    private var removals: [String] = []
    private var namesInUse: [String: Set<String>] = [:]
    /// The index-cache folder the reader uses (`nil`: no index entries are recorded).
    private let indexCacheDirectory: URL?
    /// The staged files, for their index entries.
    private var written: [Library.WrittenFile] = []

    /// `root.path`, to build file paths without URL work (`appendingPathComponent` validates
    /// and re-encodes the whole path, a noticeable share of staging 10,000 files).
    private let rootPath: String

    /// A store over `root` (folders are created as articles are staged). With
    /// `indexCacheDirectory`, a commit records the new files' entries in the index cache of
    /// the library over `root` (see `Library.recordWrittenFiles`), so that the reader does
    /// not parse them again.
    public init(root: URL, indexCacheDirectory: URL? = nil) {
        self.root = root
        self.indexCacheDirectory = indexCacheDirectory
        rootPath = root.path
    }

    /// The file-system path of `relative` (a path under the root).
    private func filePath(_ relative: String) -> String {
        rootPath + "/" + relative
    }

    /// Number of files staged.
    public var stagedCount: Int { writer?.count ?? 0 }

    /// The folder name for a feed: its name as a safe slug (see `ArticleFileName`).
    public static func folderName(for subscription: Subscription) -> String {
        ArticleFileName.folder(feedTitle: subscription.name, feedURL: subscription.url)
    }

    /// Stages `file` in `folder`; `previous` is the item's earlier file (relative to the root),
    /// kept when its name still fits the article and removed when the name changes. Returns the
    /// path relative to the root. `rendered` is `file` already rendered.
    public mutating func stage(_ file: ArticleFile, folder: String, previous: String? = nil,
                               rendered: Rendered? = nil) throws(FetchFailure) -> String {
        try stage([Item(file: file, previous: previous, rendered: rendered)], folder: folder)[0]
    }

    /// Stages `items` in `folder` as ``stage(_:folder:previous:rendered:)`` does each, in
    /// order, and returns their paths relative to the root. The names are chosen one after
    /// another; the files are then created and written on every core that is free (the
    /// calling thread, and pool threads done converting), a few dozen at a time.
    public mutating func stage(_ items: [Item], folder: String) throws(FetchFailure) -> [String] {
        if namesInUse[folder] == nil {
            // A folder that does not exist yet is written by the batch as a temporary folder
            // renamed into place whole; its parent must exist.
            let folderURL = root.appendingPathComponent(folder, isDirectory: true)
            let parent = folderURL.deletingLastPathComponent()
            try DurableBatch.prepareFolder(parent)
            // Leftovers of a killed writer, once per parent: later, this store's own
            // temporary folders are there (the files are written as they are staged).
            if cleanedParents.insert(parent.path).inserted { DurableBatch.removeLeftovers(in: parent) }
            namesInUse[folder] = Set(DurableBatch.removeLeftovers(in: folderURL))
            unclaimed[folder] = namesInUse[folder]
        }
        var relatives: [String] = []
        var files: [(path: String, rendered: Rendered)] = []
        relatives.reserveCapacity(items.count)
        files.reserveCapacity(items.count)
        for item in items {
            let rendered = item.rendered ?? Rendered(item.file)
            let relative = name(item.file.article, plain: rendered.plainName, in: folder, previous: item.previous)
            relatives.append(relative)
            files.append((filePath(relative), rendered))
        }
        let batch = writer ?? DurableBatchWriter(fileSystem: fileSystem, flush: .wholeFileSystem)
        writer = batch
        let times = try Self.write(files, into: batch)
        if indexCacheDirectory != nil {
            for (file, modified) in zip(files, times) {
                guard let modified else { continue }
                written.append(Library.WrittenFile(path: file.path, size: file.rendered.bytes.count, modified: modified,
                                                   entry: file.rendered.entry))
            }
        }
        return relatives
    }

    /// Files created and written per turn of a parallel write.
    static let writeChunk = 32

    /// Adds `files` to `batch`, on every core that is free; each file's modification time.
    private static func write(_ files: [(path: String, rendered: Rendered)], into batch: DurableBatchWriter)
        throws(FetchFailure) -> [Int64?]
    {
        var times = [Int64?](repeating: nil, count: files.count)
        times.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            let chunks = (files.count + writeChunk - 1) / writeChunk
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (c * writeChunk)..<min(files.count, (c + 1) * writeChunk) {
                    // A failure stays the batch's (`DurableBatchWriter.failure`): stop this turn.
                    do throws(StorageIOError) { out[i] = try batch.add(path: files[i].path, bytes: files[i].rendered.bytes) } catch {
                        return
                    }
                }
            }
        }
        if let error = batch.failure { throw FetchFailure(error.message) }
        return times
    }

    /// The relative path for `article` in `folder` (see ``stage(_:folder:previous:rendered:)``),
    /// with `plain` its name without a suffix.
    private mutating func name(_ article: Article, plain: String, in folder: String, previous: String?) -> String {
        // Same title and day as another item: the id's first digits tell them apart (made
        // only when needed: the slug is most of the cost of naming).
        func marked() -> String {
            ArticleFileName.make(date: article.date, title: article.title, suffix: String(article.id.rawValue.prefix(8)))
        }
        if let previous, previous == folder + "/" + plain || (previous.hasPrefix(folder + "/") && previous == folder + "/" + marked()) {
            return previous
        }
        var name = plain
        if taken(name, in: folder, by: article.id) { name = marked() }
        if taken(name, in: folder, by: article.id) {
            name = ArticleFileName.make(date: article.date, title: article.title, suffix: article.id.rawValue)
        }
        namesInUse[folder, default: []].insert(name)
        unclaimed[folder]?.remove(name)
        if let previous { removals.append(filePath(previous)) }
        return folder + "/" + name
    }

    /// The parents of folders whose leftovers were removed (see ``stage(_:folder:)``).
    private var cleanedParents: Set<String> = []

    /// Names found on disk and not staged in this run, by folder.
    private var unclaimed: [String: Set<String>] = [:]

    /// The file-system layer the batch goes through (``POSIXFileSystem`` except in tests).
    public var fileSystem: any FileSystem = POSIXFileSystem()

    /// Whether `name` in `folder` belongs to another article: staged in this run, or on disk
    /// holding another article. A file on disk holding this same article was left by a run
    /// that stopped before recording it (a crash or a failed save): it is replaced, not
    /// stored a second time under another name.
    private func taken(_ name: String, in folder: String, by id: ArticleID) -> Bool {
        guard namesInUse[folder]?.contains(name) == true else { return false }
        guard unclaimed[folder]?.contains(name) == true else { return true }
        return !Self.file(root.appendingPathComponent(folder + "/" + name), holds: id)
    }

    /// Whether the article file at `url` has `id` in its front matter (read from its start).
    static func file(_ url: URL, holds id: ArticleID) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 4096) else { return false }
        return head.range(of: Data("\nid: \(id.rawValue)\n".utf8)) != nil
    }

    /// Makes every staged file durable at once, then records their index-cache entries.
    public mutating func commit() throws(FetchFailure) {
        try commitFiles()?.record()
    }

    /// Makes every staged file durable at once and returns their index-cache entries, to be
    /// recorded by the caller (on any thread: the refresh does it while the feed state is
    /// saved); `nil` when there is nothing to record.
    public mutating func commitFiles() throws(FetchFailure) -> IndexEntriesToRecord? {
        // Removals are only scheduled by ``stage``, which always makes the writer too.
        guard let batch = writer else { return nil }
        writer = nil
        defer {
            removals = []
            written = []
        }
        do throws(StorageIOError) { try batch.finish(removing: removals) } catch { throw FetchFailure(error.message) }
        guard let indexCacheDirectory, !written.isEmpty else { return nil }
        return IndexEntriesToRecord(written: written, root: root.path, cacheDirectory: indexCacheDirectory)
    }
}

/// The index-cache entries of article files just made durable (see `Library.recordWrittenFiles`).
public struct IndexEntriesToRecord: Sendable {
    let written: [Library.WrittenFile]
    let root: String
    let cacheDirectory: URL

    /// Writes them into the index cache of the library over the store's root.
    public func record() {
        Library.recordWrittenFiles(written, roots: [root], cacheDirectory: cacheDirectory)
    }
}

