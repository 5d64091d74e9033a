import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The folders that timed file-creating rows (feed refresh, durable batch) write into: fresh
/// and never used for each run, kept after it, and removed only when a full run starts.
///
/// ext4 without a journal skips every inode freed in the last minute (six while its
/// inode-table block is dirty, which creating new inodes beside them makes it) when it
/// allocates a new one (`recently_deleted`, scanned on each create), so creating 10,000
/// files within minutes after 10,000 were deleted nearby cost up to 20 times more here.
/// Deleting one run's files at its end slowed the next run's creates, and deleting them just
/// before a timed row would slow that row. A full run removes earlier runs' folders when it
/// starts, and its first timed create waits until ``recencyWindow`` has passed since (the
/// list rows usually take most of it); `--only feeds` and `--only batch` remove nothing.
enum RunFolders {
    /// The part of a folder name that marks a run folder (`run-…` under `feeds`, `durable-batch-…`).
    static let feedRunPrefix = "run-"
    static let batchRunPrefix = "durable-batch-"

    /// How long ext4 may keep a freed inode from reuse: 60 s, plus 300 s while the block of
    /// the inode table holding it is dirty, plus a margin.
    static let recencyWindow: TimeInterval = 365

    nonisolated(unsafe) private static var removedAt: Date?

    /// A fresh run folder name: `prefix` with this process's id and the time.
    static func name(_ prefix: String) -> String {
        "\(prefix)\(getpid())-\(Int(Date().timeIntervalSince1970))"
    }

    /// The run folders earlier runs left in `work` (feed homes and durable-batch folders).
    static func earlier(in work: URL) -> [URL] {
        let places: [(URL, String)] = [(work.appendingPathComponent("feeds"), feedRunPrefix), (work, batchRunPrefix)]
        return places.flatMap { folder, prefix in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasPrefix(prefix) }.map { folder.appendingPathComponent($0) }
        }
    }

    /// Removes the run folders earlier runs left in `work`, then `sync`s (so that the inode
    /// table is written and the shorter window applies sooner).
    static func removeEarlier(in work: URL) {
        let folders = earlier(in: work)
        guard !folders.isEmpty else { return }
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
        sync()
        removedAt = Date()
        log("removed \(folders.count) run folder(s) of earlier runs; the first timed create waits until \(Int(recencyWindow)) s after")
    }

    /// Says how many run folders earlier runs left (kept by `--only` runs, which remove nothing).
    static func reportEarlier(in work: URL) {
        let count = earlier(in: work).count
        guard count > 0 else { return }
        log("kept \(count) run folder(s) of earlier runs (a full run removes them; or rm -rf \(work.path)/feeds/\(feedRunPrefix)* \(work.path)/\(batchRunPrefix)* when not benchmarking)")
    }

    /// Waits, before a timed row that creates many files, until ``recencyWindow`` has passed
    /// since ``removeEarlier(in:)`` removed anything.
    static func waitOutRecentDeletions() {
        guard let removedAt else { return }
        let left = recencyWindow - Date().timeIntervalSince(removedAt)
        if left > 0 {
            log("waiting \(Int(left.rounded(.up))) s for ext4 to stop skipping the inodes freed at the start")
            Thread.sleep(forTimeInterval: left)
        }
        self.removedAt = nil
    }
}
