import Articles
import Foundation
import Storage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One feed article file that pruning removes.
public struct PrunedArticle: Sendable, Hashable {
    /// The feed's address (its key in the feed state).
    public var feed: String
    /// The item's identity key.
    public var guid: String
    /// The article id.
    public var id: String
    /// The file, relative to the articles folder.
    public var file: String
}

/// Removes old read feed articles (see ``PrunePolicy`` for the rule).
///
/// Pruning works on the feed state: every stored item of every feed in it, subscribed or
/// removed, except the pages of `bulletin fetch`. A removed item stays in the state marked
/// ``KnownItem/pruned``, so a refresh does not download it again while the feed still lists
/// it; it is forgotten once the feed stops listing it. Files are unlinked and each folder
/// touched is flushed before the state records the removal, so a crash in between only
/// makes the next prune find the file already gone.
public enum FeedPruner {
    /// The articles that `policy` removes at `now`. `lookup` is asked only when some article
    /// is past a limit (opening the reading state costs a read of its files).
    public static func plan(
        _ stateFile: FeedStateFile, policy: PrunePolicy, now: Date, articlesDirectory: URL,
        lookup: () -> ReadingStateLookup
    ) -> [PrunedArticle] {
        guard !policy.isOff else { return [] }
        let cutoff = now.timeIntervalSince1970 - Double(policy.keepDays) * 86_400
        var candidates: [PrunedArticle] = []
        for (feed, state) in stateFile.feeds where feed != PageSaver.stateKey {
            var live: [(guid: String, item: KnownItem, time: Double)] = []
            for (guid, item) in state.items where item.pruned != true && isSafe(item.file) {
                live.append((guid, item, itemTime(item.file, articlesDirectory: articlesDirectory)))
            }
            var past = Set<String>()
            if policy.keepDays > 0 {
                for entry in live where entry.time < cutoff { past.insert(entry.guid) }
            }
            if policy.keepPerFeed > 0 && live.count > policy.keepPerFeed {
                // Newest first; ties in a stable order (by guid).
                live.sort { $0.time != $1.time ? $0.time > $1.time : $0.guid < $1.guid }
                for entry in live[policy.keepPerFeed...] { past.insert(entry.guid) }
            }
            for entry in live where past.contains(entry.guid) {
                candidates.append(PrunedArticle(feed: feed, guid: entry.guid, id: entry.item.id, file: entry.item.file))
            }
        }
        guard !candidates.isEmpty else { return [] }
        let state = lookup()
        return candidates.filter { state.mayRemove($0.id) }.sorted { $0.file < $1.file }
    }

    /// Unlinks the files (one already gone counts as removed) and flushes each folder touched,
    /// through `fileSystem` (the crash-point tests inject faults there).
    public static func remove(
        _ articles: [PrunedArticle], articlesDirectory: URL, fileSystem: any FileSystem = POSIXFileSystem()
    ) throws(FetchFailure) {
        var folders = Set<String>()
        do {
            for article in articles {
                let url = articlesDirectory.appendingPathComponent(article.file)
                try fileSystem.removeFile(url.path)
                folders.insert(url.deletingLastPathComponent().path)
            }
            for folder in folders.sorted() {
                do { try fileSystem.syncFolder(folder) } catch where error.code == ENOENT { continue }
            }
        } catch {
            throw FetchFailure(error.message)
        }
    }

    /// Marks the articles pruned in the state: their guids stay known.
    public static func record(_ articles: [PrunedArticle], in stateFile: inout FeedStateFile) {
        for article in articles {
            stateFile.feeds[article.feed]?.items[article.guid]?.pruned = true
        }
    }

    /// `bulletin prune`: plans, removes and records under the feeds lock; with `dryRun`, only
    /// plans. Returns the articles removed (or that would be).
    public static func run(
        paths: FetchingPaths, policy: PrunePolicy, now: Date = Date(), dryRun: Bool,
        fileSystem: any FileSystem = POSIXFileSystem(), lookup: () -> ReadingStateLookup
    ) throws(FetchFailure) -> [PrunedArticle] {
        let lock = try FeedsLock(paths.lockFile)
        defer { lock.unlock() }
        var stateFile = FeedStateFile.load(paths.stateFile)
        let pruned = plan(stateFile, policy: policy, now: now, articlesDirectory: paths.articlesDirectory, lookup: lookup)
        guard !dryRun, !pruned.isEmpty else { return pruned }
        try remove(pruned, articlesDirectory: paths.articlesDirectory, fileSystem: fileSystem)
        record(pruned, in: &stateFile)
        try stateFile.save(to: paths.stateFile, fileSystem: fileSystem)
        return pruned
    }

    /// Whether a stored path stays inside the articles folder (the state file may be edited by hand).
    static func isSafe(_ file: String) -> Bool {
        !file.isEmpty && !file.hasPrefix("/") && file.hasSuffix(".md")
            && !file.split(separator: "/").contains { $0 == ".." || $0 == "." }
    }

    /// When an item counts as written, in seconds since 1970: the end of the day its file is
    /// named after (`2024-03-01-…`, UTC; the end, so that nothing goes early), else the time
    /// its file was last written (`undated-…`), else now (kept).
    static func itemTime(_ file: String, articlesDirectory: URL) -> Double {
        let bytes = Array((file.split(separator: "/").last ?? "").utf8)
        if let day = day(bytes) { return day + 86_400 }
        var info = stat()
        if stat(articlesDirectory.appendingPathComponent(file).path, &info) == 0 {
            return Double(info.st_mtim.tv_sec)
        }
        return Date().timeIntervalSince1970
    }

    /// Midnight UTC of a name that opens with `YYYY-MM-DD-`, in seconds since 1970.
    static func day(_ bytes: [UInt8]) -> Double? {
        guard bytes.count >= 11, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard bytes[i] >= 0x30 && bytes[i] <= 0x39 else { return nil }
                value = value * 10 + Int(bytes[i] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return Double(CivilDate.days(year: year, month: month, day: day)) * 86_400
    }
}
