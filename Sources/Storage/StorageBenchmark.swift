import Articles
import Foundation

/// What ``StorageBenchmark/run(entries:in:changes:)`` measured.
public struct StorageBenchmarkResult: Sendable, CustomStringConvertible {
    /// Read entries in the state when the changes were made.
    public var entries: Int
    /// Opening a store on the folder (reading and parsing snapshot and journal).
    public var loadSeconds: Double
    /// Time on the calling (UI) thread for one `markRead`: median and worst.
    public var uiThreadMedianSeconds: Double
    public var uiThreadMaxSeconds: Double
    /// From `markRead` until the background writer had it durably on disk (appended and
    /// `fsync`ed), over ``changes`` changes made one after the other.
    public var diskMedianSeconds: Double
    public var diskP99Seconds: Double
    public var diskMaxSeconds: Double
    /// The floor: appending one line of the same size to a plain file and `fsync`ing it,
    /// measured in the same folder in the same run.
    public var appendFloorSeconds: Double
    /// How many changes were timed.
    public var changes: Int
    /// Sizes of the snapshot and the journal afterwards.
    public var snapshotBytes: Int
    public var journalBytes: Int
    /// Peak resident memory of this process (`getrusage`), which includes the load.
    public var peakMemoryBytes: Int

    public var description: String {
        String(
            format: "state: %d read entries, load %.1f ms, change on disk p50 %.2f ms p99 %.2f ms max %.2f ms (append+fsync floor %.2f ms) over %d, markRead on UI thread p50 %.4f ms max %.3f ms, snapshot %.1f MB + journal %.2f MB, peak memory %.1f MB",
            entries, loadSeconds * 1000, diskMedianSeconds * 1000, diskP99Seconds * 1000, diskMaxSeconds * 1000,
            appendFloorSeconds * 1000, changes, uiThreadMedianSeconds * 1000, uiThreadMaxSeconds * 1000,
            Double(snapshotBytes) / 1_048_576, Double(journalBytes) / 1_048_576, Double(peakMemoryBytes) / 1_048_576)
    }

    /// `key=value` pairs (seconds and bytes) for `bulletin-bench`.
    public var machineReadable: String {
        "entries=\(entries) load=\(loadSeconds) disk_p50=\(diskMedianSeconds) disk_p99=\(diskP99Seconds) disk_max=\(diskMaxSeconds) floor=\(appendFloorSeconds) ui_p50=\(uiThreadMedianSeconds) ui_max=\(uiThreadMaxSeconds) snapshot=\(snapshotBytes) journal=\(journalBytes) peak=\(peakMemoryBytes)"
    }
}

/// The storage part of `make bench`: loading and changing read state with many entries.
public enum StorageBenchmark {
    /// Fills the store in `directory` with `entries` read articles (one journal append, then
    /// a compaction) unless it already has them. Run it in another process than
    /// ``run(entries:in:changes:)`` so that the peak memory measured there is the reader's.
    public static func fill(entries: Int, in directory: URL) throws(StorageIOError) {
        let store = StateStore(directory: directory, coalescingDelay: 3600)
        if store.readRecord(id(entries - 1)) != nil, store.readCount >= entries { return }
        for i in 0..<entries {
            store.markRead(id(i), position: ReadingPosition(block: i % 37, line: i % 5))
        }
        store.close()
        if let error = store.lastError { throw StorageIOError(message: error) }
    }

    /// Opens the store in `directory` (filled by ``fill(entries:in:)``), then makes `changes`
    /// changes one at a time, timing each until it is on disk, and reports sizes and memory.
    public static func run(entries: Int, in directory: URL, changes: Int = 300) throws(StorageIOError) -> StorageBenchmarkResult {
        let loadStart = DispatchTime.now().uptimeNanoseconds
        let store = StateStore(directory: directory)
        let loadEnd = DispatchTime.now().uptimeNanoseconds
        guard store.isRead(id(entries - 1)) else {
            throw StorageIOError(message: "benchmark: \(directory.path) does not hold \(entries) read entries; fill it first")
        }
        let floor = appendFloor(in: directory)

        var disk: [UInt64] = []
        var ui: [UInt64] = []
        for i in 0..<changes {
            let writesBefore = store.completedWrites
            let start = DispatchTime.now().uptimeNanoseconds
            store.markRead(id(entries + i), position: ReadingPosition(block: i % 7, line: 0))
            ui.append(DispatchTime.now().uptimeNanoseconds - start)
            while store.completedWrites == writesBefore || store.hasPendingChanges { usleep(50) }
            disk.append(DispatchTime.now().uptimeNanoseconds - start)
            if let error = store.lastError { throw StorageIOError(message: error) }
        }
        store.close()
        disk.sort()
        ui.sort()
        func size(_ name: String) -> Int {
            var info = stat()
            return stat(directory.appendingPathComponent(name).path, &info) == 0 ? Int(info.st_size) : 0
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ ns: UInt64) -> Double { Double(ns) / 1e9 }
        return StorageBenchmarkResult(
            entries: entries, loadSeconds: seconds(loadEnd - loadStart),
            uiThreadMedianSeconds: seconds(ui[ui.count / 2]), uiThreadMaxSeconds: seconds(ui.last ?? 0),
            diskMedianSeconds: seconds(disk[disk.count / 2]), diskP99Seconds: seconds(disk[min(disk.count - 1, disk.count * 99 / 100)]),
            diskMaxSeconds: seconds(disk.last ?? 0), appendFloorSeconds: floor, changes: changes,
            snapshotBytes: size(ReadJournal.snapshotName), journalBytes: size(ReadJournal.journalName),
            peakMemoryBytes: Int(usage.ru_maxrss) * 1024)
    }

    /// Median time to append a 48-byte line to a file and `fsync` it (50 times).
    static func appendFloor(in directory: URL) -> Double {
        let path = directory.appendingPathComponent(".bench-floor-\(getpid())").path
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return 0 }
        defer { close(fd); unlink(path) }
        let line = Array("[\"0123456789abcdef\",1714557602120,0,12,3]\n".utf8)
        var samples: [UInt64] = []
        for _ in 0..<50 {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = line.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
            _ = fsync(fd)
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        samples.sort()
        return Double(samples[samples.count / 2]) / 1e9
    }

    /// A deterministic article id for entry `i`.
    public static func id(_ i: Int) -> ArticleID {
        let mixed = UInt64(truncatingIfNeeded: i &+ 1) &* 0x9E37_79B9_7F4A_7C15
        return ArticleID(stateKey: mixed)
    }
}
