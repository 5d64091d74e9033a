import Articles
import Foundation

/// The disk side of a ``StateStore``: the state folder, its lock, and both files. Every
/// method runs on the store's writer queue (or in `init`, before the queue is used).
final class StateEngine: @unchecked Sendable {
    let folder: URL
    let read: TrackedStateFile<ReadFileCodec>
    let saved: TrackedStateFile<SavedFileCodec>
    /// Set when the folder itself cannot be created or used.
    private(set) var folderProblem: String?

    init(folder: URL) {
        self.folder = folder
        read = TrackedStateFile(file: .read, folder: folder, codec: ReadFileCodec())
        saved = TrackedStateFile(file: .saved, folder: folder, codec: SavedFileCodec())
    }

    /// The result of loading or committing both files.
    struct Outcome {
        var read = TrackedStateFile<ReadFileCodec>.Outcome()
        var saved = TrackedStateFile<SavedFileCodec>.Outcome()
        var warnings: [String] { read.warnings + saved.warnings }
        var error: String? { read.error ?? saved.error }
    }

    /// Creates the folder (mode 0700) if needed, then reads both files under the lock,
    /// removing temporary files left by killed writers and moving corrupt files aside.
    func load() -> (Outcome, [String]) {
        var warnings: [String] = []
        do {
            try StateDirectory.prepare(folder)
        } catch {
            folderProblem = error.message
            warnings.append("\(error.message); reading state is kept in memory only")
        }
        let lock = try? FileLock(folder.appendingPathComponent(StateFile.lockName))
        defer { lock?.unlock() }
        if lock != nil {
            DurableFile.removeLeftovers(in: folder, prefixes: StateFile.allCases.map { $0.temporaryPrefix() })
        }
        var outcome = Outcome()
        if folderProblem == nil || FileManager.default.fileExists(atPath: folder.path) {
            outcome.read = read.load()
            outcome.saved = saved.load()
        }
        return (outcome, warnings)
    }

    /// Under the folder lock, re-reads both files, merges the changes into them and writes
    /// what changed. With no changes it only picks up what other writers wrote.
    func commit(read readChanges: [ArticleID: ReadRecord], saved savedChanges: [ArticleID: SavedRecord]) -> Outcome {
        var outcome = Outcome()
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
        outcome.read = read.commit(readChanges)
        outcome.saved = saved.commit(savedChanges)
        return outcome
    }
}
