import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The folders that timed file-creating rows (feed refresh, durable batch) write into: fresh
/// and never used for each run, kept after it, and removed at the start of the next run, long
/// enough before its first timed create.
///
/// ext4 without a journal skips every inode freed in the last minute (five more while its
/// inode-table block is dirty) when it allocates a new one (`recently_deleted`, scanned on each
/// create), so creating 10,000 files soon after 10,000 were deleted nearby costs up to 20 times
/// more. Deleting one run's files at its end would slow the next run's creates, and deleting
/// them just before a timed row would slow that row; so they are removed when the bench starts,
/// flushed (`sync`, so the inode table is clean), and the first timed create waits until
/// ``recencyWindow`` has passed since (in a full run the list rows usually take longer).
enum RunFolders {
    /// The part of a folder name that marks a run folder (`run-…` under `feeds`, `durable-batch-…`).
    static let feedRunPrefix = "run-"
    static let batchRunPrefix = "durable-batch-"

    /// How long ext4 keeps a freed inode from reuse once its inode-table block is written.
    static let recencyWindow: TimeInterval = 65

    nonisolated(unsafe) private static var removedAt: Date?

    /// A fresh run folder name: `prefix` with this process's id and the time.
    static func name(_ prefix: String) -> String {
        "\(prefix)\(getpid())-\(Int(Date().timeIntervalSince1970))"
    }

    /// Removes the run folders earlier runs left in `work` (feed homes and durable-batch
    /// folders), then `sync`s; returns how many were removed.
    @discardableResult
    static func removeEarlier(in work: URL) -> Int {
        var removed = 0
        let places: [(URL, String)] = [(work.appendingPathComponent("feeds"), feedRunPrefix), (work, batchRunPrefix)]
        for (folder, prefix) in places {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names where name.hasPrefix(prefix) {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
                removed += 1
            }
        }
        if removed > 0 {
            sync()
            removedAt = Date()
            log("removed \(removed) run folder(s) of earlier runs; timed creates wait until \(Int(recencyWindow)) s after")
        }
        return removed
    }

    /// Waits, before a timed row that creates many files, until ``recencyWindow`` has passed
    /// since ``removeEarlier(in:)`` removed anything.
    static func waitOutRecentDeletions() {
        guard let removedAt else { return }
        let left = recencyWindow - Date().timeIntervalSince(removedAt)
        if left > 0 {
            log("waiting \(Int(left.rounded(.up))) s for ext4 to stop skipping the inodes just freed")
            Thread.sleep(forTimeInterval: left)
        }
        self.removedAt = nil
    }
}
