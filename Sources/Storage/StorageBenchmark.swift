import Articles
import Foundation

/// What ``StorageBenchmark/run(entries:in:)`` measured.
public struct StorageBenchmarkResult: Sendable, CustomStringConvertible {
    /// Read entries in the file when the change was made.
    public var entries: Int
    /// Time on the calling (UI) thread for one `markRead` of a new article.
    public var uiThreadSeconds: Double
    /// Median and worst time of 1,000 further `markRead` calls made while background writes run.
    public var uiThreadMedianSeconds: Double
    public var uiThreadMaxSeconds: Double
    /// From that `markRead` until the background writer had it durably on disk (includes the
    /// coalescing delay).
    public var diskSeconds: Double
    /// One synchronous `flush()` of a single change: re-check, merge, encode, write, fsync, rename.
    public var writeSeconds: Double
    /// Opening a store on the folder (reading and parsing the file).
    public var loadSeconds: Double
    /// Size of `read.json`.
    public var bytes: Int

    public var description: String {
        String(
            format: "state: %d read entries, markRead on UI thread %.3f ms (median %.4f ms, max %.3f ms over 1000), on disk after %.1f ms (write %.1f ms), load %.1f ms, read.json %.1f MB",
            entries, uiThreadSeconds * 1000, uiThreadMedianSeconds * 1000, uiThreadMaxSeconds * 1000,
            diskSeconds * 1000, writeSeconds * 1000, loadSeconds * 1000, Double(bytes) / 1_048_576)
    }
}

/// The storage part of `make bench`: the cost of a state change with many read entries.
public enum StorageBenchmark {
    /// Fills a store in `directory` (which should be empty) with `entries` read articles,
    /// then measures one change on the calling thread, the time until the background writer
    /// has it on disk, a synchronous write, a reload, and the file size.
    public static func run(entries: Int, in directory: URL) throws -> StorageBenchmarkResult {
        let store = try StateStore(directory: directory)
        for i in 0..<entries {
            store.markRead(id(i), position: ReadingPosition(block: i % 37, line: i % 5))
        }
        store.flush()
        if let error = store.lastError { throw StorageIOError(message: error) }

        // One change, as the UI makes it, then wait for the background write to land.
        let writesBefore = store.completedWrites
        let start = DispatchTime.now().uptimeNanoseconds
        store.markRead(id(entries))
        let afterCall = DispatchTime.now().uptimeNanoseconds
        while store.completedWrites == writesBefore || store.hasPendingChanges { usleep(200) }
        let onDisk = DispatchTime.now().uptimeNanoseconds

        // A synchronous flush of one change.
        store.markRead(id(entries + 1))
        let flushStart = DispatchTime.now().uptimeNanoseconds
        store.flush()
        let flushEnd = DispatchTime.now().uptimeNanoseconds

        // Many changes while the writer works in the background.
        var samples: [UInt64] = []
        samples.reserveCapacity(1000)
        for i in 0..<1000 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            store.markRead(id(entries + 2 + i), position: ReadingPosition(block: 1, line: 0))
            samples.append(DispatchTime.now().uptimeNanoseconds - t0)
            if i % 50 == 0 { usleep(1000) }
        }
        store.close()
        samples.sort()

        let loadStart = DispatchTime.now().uptimeNanoseconds
        let reopened = try StateStore(directory: directory)
        let loadEnd = DispatchTime.now().uptimeNanoseconds
        guard reopened.isRead(id(entries)), reopened.isRead(id(entries + 1001)) else {
            throw StorageIOError(message: "benchmark: the changes were not found after reopening \(directory.path)")
        }
        var info = stat()
        stat(directory.appendingPathComponent(StateFile.read.name).path, &info)

        func seconds(_ ns: UInt64) -> Double { Double(ns) / 1e9 }
        return StorageBenchmarkResult(
            entries: entries, uiThreadSeconds: seconds(afterCall - start),
            uiThreadMedianSeconds: seconds(samples[samples.count / 2]), uiThreadMaxSeconds: seconds(samples.last ?? 0),
            diskSeconds: seconds(onDisk - start), writeSeconds: seconds(flushEnd - flushStart),
            loadSeconds: seconds(loadEnd - loadStart), bytes: Int(info.st_size))
    }

    /// A deterministic article id for entry `i`.
    public static func id(_ i: Int) -> ArticleID {
        let mixed = UInt64(truncatingIfNeeded: i &+ 1) &* 0x9E37_79B9_7F4A_7C15
        let digits = String(mixed, radix: 16)
        return ArticleID(rawValue: String(repeating: "0", count: 16 - digits.count) + digits)
    }
}
