import Articles
import Foundation

/// The disk side of a ``StateStore``: the state folder, its lock, the read journal and the
/// favorites file. Every method runs on the store's writer queue (or in `init`, before the
/// queue is used).
final class StateEngine: @unchecked Sendable {
    let folder: URL
    let writable: Bool
    let read: ReadJournal
    let saved: TrackedStateFile<SavedFileCodec>
    /// Set when the folder itself cannot be created or used.
    private(set) var folderProblem: String?
    /// The journal offset at which a size-triggered compaction last failed (not retried
    /// before the journal has grown again, so a full disk does not cost one per change).
    private var failedCompactionAt: Int64?

    init(folder: URL, durable: DurableFile, writable: Bool) {
        self.folder = folder
        self.writable = writable
        read = ReadJournal(folder: folder, durable: durable, writable: writable)
        saved = TrackedStateFile(file: .saved, folder: folder, codec: SavedFileCodec(), durable: durable, writable: writable)
    }

    /// The result of loading or committing.
    struct Outcome {
        var read = ReadJournal.Outcome()
        var saved = TrackedStateFile<SavedFileCodec>.Outcome()
        var warnings: [String] { read.warnings + saved.warnings }
        var error: String? { read.error ?? saved.error }
    }

    /// Writable: creates the folder (mode 0700) if needed, then reads everything under the
    /// lock, removing temporary files left by killed writers, moving damaged files aside and
    /// migrating `read.json`. Read-only: reads what exists under a shared lock (when there is
    /// a lock file), creating, moving and writing nothing.
    func load() -> (table: [UInt64: ReadRecord], outcome: Outcome, warnings: [String]) {
        var warnings: [String] = []
        var lock: FileLock?
        if writable {
            do {
                try StateDirectory.prepare(folder)
            } catch {
                folderProblem = error.message
                warnings.append("\(error.message); reading state is kept in memory only")
            }
            lock = try? FileLock(folder.appendingPathComponent(StateFile.lockName))
            if lock != nil { DurableFile.removeLeftovers(in: folder, prefixes: StateFile.temporaryPrefixes) }
        } else {
            lock = FileLock(sharedExisting: folder.appendingPathComponent(StateFile.lockName))
        }
        defer { lock?.unlock() }
        var outcome = Outcome()
        var table: [UInt64: ReadRecord] = [:]
        if folderProblem == nil || FileManager.default.fileExists(atPath: folder.path) {
            (table, outcome.read) = read.load()
            outcome.saved = saved.load()
        }
        return (table, outcome, warnings)
    }

    /// Under the folder lock: reads what other instances wrote, appends the read changes to
    /// the journal, and merges the favorites into their file. A read-only engine writes nothing.
    func commit(read readChanges: [UInt64: ReadRecord], saved savedChanges: [ArticleID: SavedRecord]) -> Outcome {
        var outcome = Outcome()
        guard writable else { return outcome }
        let lock: FileLock
        do {
            if folderProblem != nil {
                try StateDirectory.prepare(folder)
                folderProblem = nil
            }
            lock = try FileLock(folder.appendingPathComponent(StateFile.lockName))
        } catch {
            let message = error.message + "; changes kept in memory"
            if !readChanges.isEmpty { outcome.read.error = message; outcome.read.retry = true }
            if !savedChanges.isEmpty { outcome.saved.error = message; outcome.saved.retry = true }
            return outcome
        }
        defer { lock.unlock() }
        read.catchUp(&outcome.read)
        read.append(readChanges, &outcome.read)
        outcome.saved = saved.commit(savedChanges)
        return outcome
    }

    /// Whether the journal is due for compaction.
    var wantsCompaction: Bool {
        guard read.wantsCompaction else { return false }
        if let failedCompactionAt, !read.needsCompaction, read.offset < failedCompactionAt * 2 { return false }
        return true
    }

    /// Compacts the journal into a new snapshot under the lock (on the writer queue, so in
    /// the background of the UI).
    func compact() -> ReadJournal.Outcome {
        var outcome = ReadJournal.Outcome()
        guard writable, let lock = try? FileLock(folder.appendingPathComponent(StateFile.lockName)) else { return outcome }
        defer { lock.unlock() }
        read.catchUp(&outcome)
        guard read.wantsCompaction else { return outcome }
        let offset = read.offset
        do {
            try read.compact(extra: [:])
            failedCompactionAt = nil
        } catch {
            failedCompactionAt = offset
            outcome.warnings.append(error.message + " (compacting read state; the journal keeps every change)")
        }
        return outcome
    }
}
