import Articles
import Foundation
import Storage

/// Progress of a refresh: feeds finished out of all, and new articles so far.
public struct RefreshProgress: Sendable, Equatable {
    /// Feeds finished.
    public var done: Int
    /// Feeds in the run.
    public var total: Int
    /// New articles so far.
    public var newArticles: Int

    /// Creates a progress value.
    public init(done: Int, total: Int, newArticles: Int) {
        self.done = done
        self.total = total
        self.newArticles = newArticles
    }

    /// `12/40 feeds, 85 new`.
    public var description: String { "\(done)/\(total) feeds, \(newArticles) new" }
}

/// The outcome of a whole refresh.
public struct RefreshSummary: Sendable {
    /// One result per feed, in subscription order.
    public var results: [FeedRefreshResult]
    /// Article files removed by pruning in this run (see ``PrunePolicy``).
    public var pruned: [PrunedArticle] = []

    /// A summary of `results`.
    public init(results: [FeedRefreshResult], pruned: [PrunedArticle] = []) {
        self.results = results
        self.pruned = pruned
    }

    /// New articles in all feeds.
    public var newArticles: Int { results.reduce(0) { $0 + $1.newCount } }
    /// Articles replaced because their item changed.
    public var updatedArticles: Int { results.reduce(0) { $0 + $1.updatedCount } }
    /// Feeds that failed or were skipped.
    public var failures: [FeedRefreshResult] { results.filter { !$0.status.isSuccess } }

    /// One line: `40 feeds: 37 ok, 2 not modified, 1 failed; 85 new articles`.
    public var line: String {
        var ok = 0
        var notModified = 0
        var waiting = 0
        var failed = 0
        for result in results {
            switch result.status {
            case .ok: ok += 1
            case .notModified: notModified += 1
            case .waiting: waiting += 1
            case .failed: failed += 1
            }
        }
        var parts = ["\(ok) ok", "\(notModified) not modified"]
        if waiting > 0 { parts.append("\(waiting) waiting") }
        parts.append("\(failed) failed")
        let feeds = results.count == 1 ? "1 feed" : "\(results.count) feeds"
        var line = "\(feeds): " + parts.joined(separator: ", ") + "; \(newArticles) new"
        line += newArticles == 1 ? " article" : " articles"
        if updatedArticles > 0 { line += ", \(updatedArticles) updated" }
        if !pruned.isEmpty { line += ", \(pruned.count) pruned" }
        return line
    }
}

/// Refreshes subscriptions concurrently and stores what they bring.
///
/// At most 8 requests run at once and 2 per host (``FetchLimiter``); each feed is one task,
/// so a slow or failing feed holds only its own slot until its own timeout. Articles of the
/// whole run are staged in one ``ArticleStore`` batch and made durable together, then the
/// feed state is written, all under ``FeedsLock``. Before fetching, old read articles are
/// pruned (``FeedPruner``) when a ``PrunePolicy`` and the reading state are given.
public struct RefreshRun: Sendable {
    /// Where things live.
    public let paths: FetchingPaths
    /// How documents are fetched.
    public let transport: any Transport
    /// Caps concurrent requests.
    public let limiter: FetchLimiter

    /// What pruning removes (``PrunePolicy/off`` by default).
    public let prune: PrunePolicy
    /// Opens the reading state when pruning needs it; without it nothing is pruned.
    public let readingState: (@Sendable () -> ReadingStateLookup)?
    /// The file-system layer article files and the feed state are written through
    /// (``POSIXFileSystem`` except in tests that fail or stop a save).
    public var fileSystem: any FileSystem = POSIXFileSystem()

    /// Creates a run.
    public init(paths: FetchingPaths, transport: any Transport, limiter: FetchLimiter = FetchLimiter(),
                prune: PrunePolicy = .off, readingState: (@Sendable () -> ReadingStateLookup)? = nil) {
        self.paths = paths
        self.transport = transport
        self.limiter = limiter
        self.prune = prune
        self.readingState = readingState
    }

    /// Refreshes `subscriptions`, calling `progress` after each feed (from any task).
    public func run(
        _ subscriptions: [Subscription], now: Date = Date(),
        progress: @escaping @Sendable (RefreshProgress) -> Void = { _ in }
    ) async throws(FetchFailure) -> RefreshSummary {
        let lock = try FeedsLock(paths.lockFile)
        defer { lock.unlock() }
        var stateFile = FeedStateFile.load(paths.stateFile)
        var pruned: [PrunedArticle] = []
        if let readingState {
            pruned = FeedPruner.plan(stateFile, policy: prune, now: now, articlesDirectory: paths.articlesDirectory,
                                     lookup: readingState)
            if !pruned.isEmpty {
                try FeedPruner.remove(pruned, articlesDirectory: paths.articlesDirectory, fileSystem: fileSystem)
                FeedPruner.record(pruned, in: &stateFile)
            }
        }
        let refresher = FeedRefresher(transport: transport, limiter: limiter, articlesDirectory: paths.articlesDirectory)
        var results = [FeedRefreshResult?](repeating: nil, count: subscriptions.count)
        var works: [(Int, FeedWork)] = []
        let states = subscriptions.map { stateFile[$0.url] }
        // Each feed sends its items to its stream as they are converted; one writer thread
        // creates and writes their files meanwhile, feed by feed in subscription order.
        let streams = subscriptions.map { _ in StagedItemStream() }
        let writer = RefreshRun.startWriter(
            streams: streams, subscriptions: subscriptions,
            store: { var store = ArticleStore(root: paths.articlesDirectory, indexCacheDirectory: paths.indexCacheDirectory)
                store.fileSystem = fileSystem
                return store
            }())
        await withTaskGroup(of: (Int, FeedWork).self) { group in
            for (i, subscription) in subscriptions.enumerated() {
                let state = states[i]
                let stream = streams[i]
                group.addTask {
                    let work = await refresher.refresh(subscription, state: state, now: now, sink: stream)
                    stream.finish()
                    return (i, work)
                }
            }
            var newSoFar = 0
            for await (i, work) in group {
                newSoFar += work.result.newCount
                results[i] = work.result
                works.append((i, work))
                progress(RefreshProgress(done: works.count, total: subscriptions.count, newArticles: newSoFar))
            }
        }
        let written = writer.value
        if let failure = written.failure { throw failure }
        for (i, work) in works {
            var state = work.state
            for (guid, item) in written.known[i] { state.items[guid] = item }
            stateFile[subscriptions[i].url] = state
        }
        var store = written.store
        // The state is encoded on another core while the files are written and flushed (it
        // is saved only once they are durable), and the files' index-cache entries are
        // recorded while the state is saved.
        let finalState = stateFile
        let encodedState = BackgroundValue { finalState.encoded() }
        let entries = try store.commitFiles()
        let recording = entries.map { entries in BackgroundValue { entries.record() } }
        let saved = Result { () throws(FetchFailure) in try stateFile.save(encodedState.value, to: paths.stateFile, fileSystem: fileSystem) }
        // A large run's state and items (10,000 of each for a new feed) are freed on a thread
        // of their own while the index entries are recorded, not on the way out after them:
        // every value holding them is moved there, so that the thread's are the last references.
        BackgroundValue<Void>.release((
            consume stateFile, consume works, consume written, consume store, consume encodedState, consume writer,
            consume states))
        _ = recording?.value
        try saved.get()
        return RefreshSummary(results: results.map { $0! }, pruned: pruned)
    }

    /// What the writer thread did: the store holding the written batch (not committed yet),
    /// each feed's stored items by guid, and the first failure (after which it wrote
    /// nothing more).
    struct WriterOutcome: Sendable {
        var store: ArticleStore
        var known: [[(guid: String, item: KnownItem)]]
        var failure: FetchFailure?
    }

    /// Starts the thread that stages every feed's items in `store` as they arrive, taking
    /// `streams` in order (so files are named in the same order as one whole batch), and
    /// keeps draining them after a failure so that no refresh waits on it.
    static func startWriter(streams: [StagedItemStream], subscriptions: [Subscription], store: ArticleStore)
        -> BackgroundValue<WriterOutcome>
    {
        BackgroundValue {
            var outcome = WriterOutcome(store: store, known: Array(repeating: [], count: streams.count))
            for (i, stream) in streams.enumerated() {
                let folder = ArticleStore.folderName(for: subscriptions[i])
                while let slice = stream.receive() {
                    guard outcome.failure == nil else { continue }
                    do throws(FetchFailure) {
                        let relatives = try outcome.store.stage(slice.map(\.stored), folder: folder)
                        for (item, relative) in zip(slice, relatives) {
                            var known = KnownItem(
                                id: item.stored.file.article.id.rawValue, file: relative, fingerprint: item.fingerprint,
                                teaser: item.teaser)
                            if item.pageFailed { known.pageFailed() }
                            outcome.known[i].append((item.guid, known))
                        }
                    } catch {
                        outcome.failure = error
                    }
                }
            }
            return outcome
        }
    }
}
