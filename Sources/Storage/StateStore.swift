import Articles
import Foundation

/// Read state, favorites and reading positions, kept in durable JSON files in a state folder
/// (see README "Reading state").
///
/// Every query and change is answered from memory under a lock in O(1) and never touches
/// the disk: changes are queued, and a background writer writes them ``coalescingDelay``
/// later (changes made while a write runs go into the next one). Under an exclusive `flock`
/// it reads what other instances appended, appends the read changes to the journal as one
/// write plus one `fsync` (``ReadJournal``), and merges favorites into `saved.json`, which is
/// replaced atomically. ``flush()`` writes synchronously; call it (or ``flushAll()``) before
/// exiting. Stores flush on deinit and at normal process exit, and
/// ``installSignalFlush(signals:then:)`` flushes on SIGINT/SIGTERM/SIGHUP.
///
/// Read state is kept for ids of 16 lowercase hex digits (every ``ArticleID`` Bulletin
/// makes); changes to other ids are ignored.
public final class StateStore: @unchecked Sendable {
    /// The state folder.
    public let directory: URL
    /// How long the writer waits after the first unwritten change before writing, so that
    /// bursts of changes become one write.
    public let coalescingDelay: TimeInterval

    /// Whether this store may write (``Mode/readWrite``) or only reads (``Mode/readOnly``).
    public let mode: Mode

    /// How a store uses its folder.
    public enum Mode: Sendable {
        /// Creates the folder, moves damaged files aside, migrates old files and writes changes.
        case readWrite
        /// Reads what exists and never creates, moves or writes anything: changes stay in
        /// memory (for `screenshot`, `show`, `saved`, `export-saved`).
        case readOnly
    }

    private let lock = NSLock()
    private var readTable: ReadTable
    private var savedTable: [ArticleID: SavedRecord]
    private var pendingRead: [UInt64: ReadRecord] = [:]
    private var pendingSaved: [ArticleID: SavedRecord] = [:]
    private var savedListCache: [SavedArticle]?
    private var writeScheduled = false
    private var warningList: [String] = []
    private var currentError: String?
    private var readOnlyFiles: Set<StateFile> = []
    private var writeCount = 0

    private let queue = DispatchQueue(label: "bulletin.state-writer", qos: .utility)
    private let engine: StateEngine

    /// Opens the state folder and loads it. With ``Mode/readWrite`` the folder is created
    /// (mode 0700) if needed and an old `read.json` is migrated.
    ///
    /// Problems never stop the store: a corrupt file is moved aside (read-only: ignored), a
    /// newer one is left read-only, and a folder that cannot be created or written keeps the
    /// state in memory; each case adds one line to ``warnings``. `fileSystem` is for tests
    /// that inject failures.
    public init(
        directory: URL, coalescingDelay: TimeInterval = 0, mode: Mode = .readWrite,
        fileSystem: any FileSystem = POSIXFileSystem()
    ) {
        self.directory = directory
        self.coalescingDelay = coalescingDelay
        self.mode = mode
        engine = StateEngine(folder: directory, durable: DurableFile(fileSystem: fileSystem), writable: mode == .readWrite)
        let (table, outcome, folderWarnings) = engine.load()
        readTable = table
        readTable.reserveOverlay(1024)
        savedTable = Self.freshCopy(outcome.saved.incoming)
        warningList = folderWarnings + outcome.warnings
        currentError = engine.folderProblem
        noteReadOnlyFiles()
        queue.setSpecific(key: Self.writerKey, value: ObjectIdentifier(engine))
        StateStoreRegistry.register(self)
    }

    /// Marks the writer queue, so that a store released by its own scheduled write does not
    /// wait on itself in `deinit`.
    private static let writerKey = DispatchSpecificKey<ObjectIdentifier>()

    deinit {
        let engine = self.engine
        let read = pendingRead
        let saved = pendingSaved
        guard !read.isEmpty || !saved.isEmpty else { return }
        if DispatchQueue.getSpecific(key: Self.writerKey) == ObjectIdentifier(engine) {
            _ = engine.commit(read: read, saved: saved)  // released by the writer's own block
        } else {
            queue.sync { _ = engine.commit(read: read, saved: saved) }
        }
    }

    /// `$BULLETIN_STATE_DIR`, else `$XDG_DATA_HOME/bulletin`, else `~/.local/share/bulletin`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        StateDirectory.resolve(environment: environment)
    }

    // MARK: Queries (memory only)

    /// Whether the article is marked read.
    public func isRead(_ id: ArticleID) -> Bool { readRecord(id)?.isRead == true }

    /// When the article was marked read, if it is.
    public func readAt(_ id: ArticleID) -> Date? {
        guard let record = readRecord(id), record.isRead else { return nil }
        return (record.readAt ?? record.changedAt).date
    }

    /// The last reading position, if any.
    public func readingPosition(_ id: ArticleID) -> ReadingPosition? {
        guard let record = readRecord(id), record.isRead else { return nil }
        return record.position
    }

    /// The stored read record (including an unread tombstone), if any.
    public func readRecord(_ id: ArticleID) -> ReadRecord? {
        guard let key = id.stateKey else { return nil }
        return lock.withLock { readTable[key] }
    }

    /// Whether any read record (read or unread) is stored: when not, no article is read.
    public var hasReadRecords: Bool { lock.withLock { !readTable.isEmpty } }

    /// Whether any favorite record (saved or unsaved) is stored: when not, none is saved.
    public var hasSavedRecords: Bool { lock.withLock { !savedTable.isEmpty } }

    /// How many articles are marked read.
    public var readCount: Int {
        lock.withLock {
            var count = 0
            readTable.forEach { _, record in if record.isRead { count += 1 } }
            return count
        }
    }

    /// The stored favorite record (including an unsaved tombstone), if any.
    public func savedRecord(_ id: ArticleID) -> SavedRecord? { lock.withLock { savedTable[id] } }

    /// Whether the article is saved as a favorite.
    public func isSaved(_ id: ArticleID) -> Bool { lock.withLock { savedTable[id]?.isSaved == true } }

    /// The favorite with this id, if saved.
    public func savedArticle(_ id: ArticleID) -> SavedArticle? { lock.withLock { savedTable[id]?.savedArticle } }

    /// Favorites, most recently saved first (ties by id). Cached between changes.
    public var savedArticles: [SavedArticle] {
        lock.withLock {
            if let savedListCache { return savedListCache }
            let list = savedTable.values.compactMap(\.savedArticle).sorted {
                $0.savedAt != $1.savedAt ? $0.savedAt > $1.savedAt : $0.article.id < $1.article.id
            }
            savedListCache = list
            return list
        }
    }

    // MARK: Changes (memory now, disk within the coalescing delay)

    /// Marks read, keeping the stored position unless a new one is given. No change (and
    /// no write) when it is already read at that position.
    public func markRead(_ id: ArticleID, position: ReadingPosition? = nil) {
        guard let key = id.stateKey else { return }
        lock.withLock {
            let current = readTable[key]
            if let current, current.isRead, position == nil || position == current.position { return }
            let time = StateClock.now(after: current?.changedAt)
            let wasRead = current?.isRead == true
            let record = ReadRecord.read(
                at: time, readAt: wasRead ? current?.readAt : nil,
                position: position ?? (wasRead ? current?.position : nil))
            recordRead(key, record)
        }
    }

    /// Marks unread (recorded with its time, so that merges do not bring the mark back).
    public func markUnread(_ id: ArticleID) {
        guard let key = id.stateKey else { return }
        lock.withLock {
            let current = readTable[key]
            if let current, !current.isRead { return }
            recordRead(key, .unread(at: StateClock.now(after: current?.changedAt)))
        }
    }

    /// Records where the reader stopped (also marks read).
    public func setReadingPosition(_ id: ArticleID, _ position: ReadingPosition) {
        markRead(id, position: position)
    }

    /// Saves a favorite with a full copy of the article (refreshing the copy, and keeping the
    /// first saved time, when it is already saved).
    public func save(_ article: Article) {
        lock.withLock {
            let current = savedTable[article.id]
            if let current, current.isSaved, current.article == article { return }
            let time = StateClock.now(after: current?.changedAt)
            let savedAt = current?.isSaved == true ? current?.savedAt : nil
            recordSaved(article.id, .saved(article, at: time, savedAt: savedAt))
        }
    }

    /// Removes a favorite (recorded with its time, so that merges do not bring it back).
    public func unsave(_ id: ArticleID) {
        lock.withLock {
            let current = savedTable[id]
            if let current, !current.isSaved { return }
            recordSaved(id, .unsaved(at: StateClock.now(after: current?.changedAt)))
        }
    }

    // MARK: Writing

    /// Writes every pending change to disk and waits for it. Afterwards ``lastError`` tells
    /// whether it worked.
    public func flush() {
        queue.sync { writePending() }
    }

    /// Flushes and stops tracking this store for ``flushAll()``.
    public func close() {
        flush()
        StateStoreRegistry.unregister(self)
    }

    /// Whether changes are waiting to be written.
    public var hasPendingChanges: Bool { lock.withLock { !pendingRead.isEmpty || !pendingSaved.isEmpty } }

    /// How many background or explicit writes have finished (for tests and benchmarks).
    public var completedWrites: Int { lock.withLock { writeCount } }

    /// The journal size above which the writer compacts (at least this, and a sixteenth of
    /// the snapshot); tests lower it to make compaction happen.
    var journalCompactionFloor: Int {
        get { queue.sync { engine.read.compactionFloor } }
        set { queue.sync { engine.read.compactionFloor = newValue } }
    }

    // MARK: Problems

    /// One-line warnings: corrupt files moved aside, read-only files, failed writes (each
    /// distinct message once, oldest first).
    public var warnings: [String] { lock.withLock { warningList } }

    /// The last write failure (`cannot write ...: No space left on device; changes kept in
    /// memory`), or `nil` once a write succeeds again.
    public var lastError: String? { lock.withLock { currentError } }

    /// Whether any state file is read-only for this session (newer version, or a corrupt
    /// file that could not be moved aside); changes to it stay in memory.
    public var isReadOnly: Bool { lock.withLock { !readOnlyFiles.isEmpty } }

    /// Files that are read-only for this session.
    public var readOnly: Set<StateFile> { lock.withLock { readOnlyFiles } }

    // MARK: Private

    /// Stores a change in memory and queues it (caller holds `lock`).
    private func recordRead(_ key: UInt64, _ record: ReadRecord) {
        readTable[key] = record
        pendingRead[key] = record
        scheduleWrite()
    }

    private func recordSaved(_ id: ArticleID, _ record: SavedRecord) {
        savedTable[id] = record
        pendingSaved[id] = record
        savedListCache = nil
        scheduleWrite()
    }

    /// Schedules one background write unless one is already scheduled (caller holds `lock`).
    private func scheduleWrite() {
        guard !writeScheduled else { return }
        writeScheduled = true
        queue.asyncAfter(deadline: .now() + coalescingDelay) { [self] in writePending() }
    }

    /// Takes the pending changes and commits them (on the writer queue).
    private func writePending() {
        let (read, saved) = lock.withLock { () -> ([UInt64: ReadRecord], [ArticleID: SavedRecord]) in
            writeScheduled = false
            defer { pendingRead = [:]; pendingSaved = [:] }
            return (pendingRead, pendingSaved)
        }
        if read.isEmpty && saved.isEmpty { return }
        var outcome = engine.commit(read: read, saved: saved)
        if outcome.error == nil && engine.wantsCompaction {
            let compaction = engine.compact()
            StateMerge.apply(compaction.incoming, to: &outcome.read.incoming)
            outcome.read.warnings += compaction.warnings
        }
        lock.withLock {
            // What other instances wrote comes back into memory by the same merge rule.
            readTable.apply(outcome.read.incoming)
            if !StateMerge.apply(outcome.saved.incoming, to: &savedTable).isEmpty { savedListCache = nil }
            if outcome.read.retry { for (id, record) in read where pendingRead[id] == nil { pendingRead[id] = record } }
            if outcome.saved.retry { for (id, record) in saved where pendingSaved[id] == nil { pendingSaved[id] = record } }
            noteReadOnlyFiles()
            currentError = outcome.error
            for message in outcome.warnings + [outcome.error].compactMap({ $0 }) where !warningList.contains(message) {
                warningList.append(message)
            }
            writeCount += 1
        }
    }

    /// Records which files the engine found read-only (caller holds `lock`, or is `init`).
    private func noteReadOnlyFiles() {
        if engine.read.readOnlyReason != nil || !engine.writable { readOnlyFiles.insert(.read) }
        if engine.saved.readOnlyReason != nil || !engine.writable { readOnlyFiles.insert(.saved) }
    }

    /// A copy with its own storage, so that later changes on the UI thread never copy the
    /// whole table (copy-on-write) because the writer still holds a reference.
    private static func freshCopy<K, R>(_ table: [K: R]) -> [K: R] {
        var copy: [K: R] = [:]
        copy.reserveCapacity(Swift.max(1024, table.count + table.count / 2))
        for (id, record) in table { copy[id] = record }
        return copy
    }
}
