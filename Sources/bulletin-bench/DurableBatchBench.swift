import Foundation
import Storage

#if canImport(Glibc)
    import Glibc
#endif

/// Durable batch rows of `make bench` (`--only batch`): 10,000 article-sized files (~2 KB)
/// made durable with ``DurableFile/writeBatch(_:removing:flush:)`` and one `syncfs`, as a cold
/// refresh of a 10,000-item feed writes them, beside a floor measured in the same run: the
/// same files written with plain `open`/`write`/`close` and no flush at all.
///
/// Each sample writes into a fresh folder after a `sync()` (untimed), so no sample flushes
/// another's pages, and nothing is deleted until the next run starts (``RunFolders``); the
/// medians of `runs` samples are reported.
enum DurableBatchBench {
    static func run(into report: inout BenchReport, work: URL, files count: Int = 10_000, runs: Int = 3) {
        // A fresh folder of its own, removed when the next run starts (``RunFolders``): ext4
        // skips recently deleted inodes when it allocates new ones (`recently_deleted`), which
        // makes creating files soon after deleting thousands many times slower.
        let root = work.appendingPathComponent(RunFolders.name(RunFolders.batchRunPrefix), isDirectory: true)
        RunFolders.waitOutRecentDeletions()
        do { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) } catch {
            log("batch: cannot create \(root.path): \(error); batch rows skipped")
            return
        }
        let names = (0..<count).map { String(format: "2026-11-30-an-article-title-of-some-length-%05d.md", $0) }
        let bytes = names.map { name in
            Array(("---\nbulletin: 1\ntitle: \"\(name)\"\n---\n\n" + String(repeating: "Some words of an article body. ", count: 64)).utf8)
        }
        var floor: [Double] = [], fresh: [Double] = [], existing: [Double] = []
        var failure: String?
        for run in 0..<runs {
            let floorFolder = root.appendingPathComponent("floor-\(run)").path
            sync()
            floor.append(measure { plainWrite(folder: floorFolder, names, bytes) })

            let newFolder = root.appendingPathComponent("new-\(run)", isDirectory: true)
            let newFiles = zip(names, bytes).map { (newFolder.appendingPathComponent($0.0), $0.1) }
            sync()
            fresh.append(measure {
                do { try DurableFile().writeBatch(newFiles, flush: .wholeFileSystem) } catch { failure = "\(error)" }
            })

            let oldFolder = root.appendingPathComponent("existing-\(run)", isDirectory: true)
            mkdir(oldFolder.path, 0o700)
            let oldFiles = zip(names, bytes).map { (oldFolder.appendingPathComponent($0.0), $0.1) }
            sync()
            existing.append(measure {
                do { try DurableFile().writeBatch(oldFiles, flush: .wholeFileSystem) } catch { failure = "\(error)" }
            })
        }
        if let failure { log("batch: a durable batch failed (\(failure)); its times are not meaningful") }
        let floorSeconds = median(floor), freshSeconds = median(fresh), existingSeconds = median(existing)
        let files = count.formatted()
        report.add("batch floor: \(files) × 2 KB files, open/write/close, no flush", "s", ["-": floorSeconds])
        report.add("durable batch, \(files) files, new folder (cold refresh)", "s", ["-": freshSeconds])
        report.add("durable batch, new folder ÷ floor", "x", ["-": freshSeconds / max(floorSeconds, 1e-9)])
        report.add("durable batch, \(files) new files in an existing folder", "s", ["-": existingSeconds])
        report.add("durable batch, existing folder ÷ floor", "x", ["-": existingSeconds / max(floorSeconds, 1e-9)])
    }

    /// The floor: each file created, written and closed, nothing flushed or renamed.
    private static func plainWrite(folder: String, _ names: [String], _ bytes: [[UInt8]]) {
        mkdir(folder, 0o700)
        for (name, content) in zip(names, bytes) {
            let fd = open(folder + "/" + name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else { continue }
            _ = content.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
    }
}
