import BulletinTestSupport
import Foundation
import StorageTestSupport
import XCTest

@testable import Storage

#if canImport(Glibc)
    import Glibc
#endif

/// `DurableBatchWriter`: a batch written file by file as the files arrive, invisible until
/// it is finished, and cleaned up when it fails or is given up.
final class DurableBatchWriterTests: XCTestCase {
    var temp: TemporaryDirectory!

    override func setUpWithError() throws { temp = try TemporaryDirectory(prefix: "bulletin-batch-writer") }
    override func tearDown() { temp.remove() }

    /// Every name under `folder` (recursively, hidden ones included).
    func names(_ folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []).sorted()
    }

    /// Files added one at a time are created and written at once, under temporary names
    /// only: nothing appears under a final name until `finish`, which flushes once, renames
    /// and syncs, with the steps of a whole batch given at once.
    func testFilesAreWrittenAsTheyArriveAndAppearAtTheEnd() throws {
        let existing = temp.url.appendingPathComponent("old").path
        try FileManager.default.createDirectory(atPath: existing, withIntermediateDirectories: true)
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: existing + "/one.md"))
        let fresh = temp.url.appendingPathComponent("new").path
        let recorder = FaultyFileSystem()
        let writer = DurableBatchWriter(fileSystem: recorder, flush: .wholeFileSystem)
        try writer.add(path: existing + "/one.md", bytes: Array("new one\n".utf8))
        try writer.add(path: fresh + "/two.md", bytes: Array("new two\n".utf8))
        try writer.add(path: fresh + "/three.md", bytes: Array("new three\n".utf8))
        XCTAssertEqual(writer.count, 3)
        // Written, not visible: the old file is untouched and the new folder is a temporary one.
        XCTAssertEqual(Fixture.text(temp.url, "old/one.md"), "old\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: fresh))
        XCTAssertEqual(recorder.steps.map(\.step), [.createTemporary, .write, .createFolder, .createTemporary, .write, .createTemporary, .write])
        try writer.finish()
        XCTAssertEqual(Fixture.text(temp.url, "old/one.md"), "new one\n")
        XCTAssertEqual(Fixture.text(temp.url, "new/two.md"), "new two\n")
        XCTAssertEqual(Fixture.text(temp.url, "new/three.md"), "new three\n")
        XCTAssertEqual(Array(recorder.steps.map(\.step).suffix(5)), [.syncFileSystem, .rename, .rename, .syncFolder, .syncFolder])
        XCTAssertFalse(names(temp.url.path).contains { $0.split(separator: "/").contains { DurableFile.isTemporaryName(String($0)) } })
        var info = stat()
        XCTAssertEqual(stat(fresh + "/two.md", &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        XCTAssertEqual(stat(fresh, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o700)
    }

    /// A batch of one file flushed as a whole syncs that file instead of the file system,
    /// as a whole batch of one does.
    /// Each file's modification time is given as it is written, and it is still the file's
    /// time once the batch is in place (in a new folder and beside an existing file).
    func testEachFileGivesTheModificationTimeItKeeps() throws {
        let existing = temp.url.appendingPathComponent("old").path
        try FileManager.default.createDirectory(atPath: existing, withIntermediateDirectories: true)
        let paths = [existing + "/a.md", temp.url.appendingPathComponent("new").path + "/b.md"]
        let writer = DurableBatchWriter(flush: .wholeFileSystem)
        var times: [Int64?] = []
        for path in paths { times.append(try writer.add(path: path, bytes: Array("text of \(path)\n".utf8))) }
        try writer.finish()
        for (path, time) in zip(paths, times) {
            var status = stat()
            XCTAssertEqual(stat(path, &status), 0)
            let onDisk = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
            XCTAssertEqual(time, onDisk, path)
        }
    }

    func testOneFileIsSyncedAlone() throws {
        let recorder = FaultyFileSystem()
        let writer = DurableBatchWriter(fileSystem: recorder, flush: .wholeFileSystem)
        try writer.add(path: temp.url.path + "/only.md", bytes: Array("only\n".utf8))
        try writer.finish()
        XCTAssertEqual(recorder.steps.map(\.step), [.createTemporary, .write, .sync, .rename, .syncFolder])
        XCTAssertEqual(Fixture.text(temp.url, "only.md"), "only\n")
    }

    /// A failed write removes every temporary written so far (files and the new folder),
    /// and every later call throws the same error without touching the disk.
    func testAFailureRemovesWhatWasWrittenAndSticks() throws {
        let fresh = temp.url.appendingPathComponent("new").path
        let failing = FaultyFileSystem(.fail(at: 5, errno: ENOSPC))  // the third file's create
        let writer = DurableBatchWriter(fileSystem: failing, flush: .wholeFileSystem)
        try writer.add(path: fresh + "/a.md", bytes: Array("a\n".utf8))
        try writer.add(path: fresh + "/b.md", bytes: Array("b\n".utf8))
        XCTAssertThrowsError(try writer.add(path: fresh + "/c.md", bytes: Array("c\n".utf8))) { error in
            XCTAssertEqual((error as? StorageIOError)?.code, ENOSPC)
        }
        XCTAssertEqual(names(temp.url.path), [])
        let steps = failing.steps.count
        XCTAssertThrowsError(try writer.add(path: fresh + "/d.md", bytes: Array("d\n".utf8))) { error in
            XCTAssertEqual((error as? StorageIOError)?.code, ENOSPC)
        }
        XCTAssertThrowsError(try writer.finish()) { error in
            XCTAssertEqual((error as? StorageIOError)?.code, ENOSPC)
        }
        XCTAssertEqual(failing.steps.count, steps, "no step after the failure")
        XCTAssertEqual(names(temp.url.path), [])
    }

    /// Files added from several threads at once all arrive whole (in a new folder and
    /// beside existing files); a failure at any step while threads are adding leaves no
    /// temporary behind once every add has returned, and fails the batch.
    func testFilesAddedFromSeveralThreadsAtOnce() throws {
        let existing = temp.url.appendingPathComponent("old").path
        try FileManager.default.createDirectory(atPath: existing, withIntermediateDirectories: true)
        func paths(_ run: Int) -> [String] {
            (0..<400).map { i in i % 4 == 0 ? "\(existing)/\(run)-\(i).md" : temp.url.path + "/new-\(run)/\(i).md" }
        }
        func addAll(_ writer: DurableBatchWriter, _ paths: [String]) -> Int {
            let failures = NSLock()
            nonisolated(unsafe) var failed = 0
            DispatchQueue.concurrentPerform(iterations: 8) { t in
                for i in stride(from: t, to: paths.count, by: 8) {
                    do { try writer.add(path: paths[i], bytes: Array("file \(i)\n".utf8)) } catch { failures.withLock { failed += 1 } }
                }
            }
            return failed
        }
        let good = paths(0)
        let writer = DurableBatchWriter(flush: .wholeFileSystem)
        XCTAssertEqual(addAll(writer, good), 0)
        XCTAssertEqual(writer.count, good.count)
        try writer.finish()
        for (i, path) in good.enumerated() { XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "file \(i)\n") }
        let before = names(temp.url.path)

        for (run, step) in [1, 57, 300, 611, 800].enumerated() {
            let failing = FaultyFileSystem(.fail(at: step, errno: EIO))
            let writer = DurableBatchWriter(fileSystem: failing, flush: .wholeFileSystem)
            XCTAssertGreaterThan(addAll(writer, paths(run + 1)), 0, "step \(step)")
            XCTAssertThrowsError(try writer.finish())
            XCTAssertEqual(names(temp.url.path), before, "step \(step): something was left behind")
        }
    }

    /// A batch given up, or dropped before it is finished, leaves nothing behind and
    /// changes nothing visible.
    func testABatchGivenUpOrDroppedLeavesNothing() throws {
        try Data("kept\n".utf8).write(to: temp.url.appendingPathComponent("kept.md"))
        do {
            let writer = DurableBatchWriter(flush: .wholeFileSystem)
            try writer.add(path: temp.url.path + "/kept.md", bytes: Array("replaced\n".utf8))
            try writer.add(path: temp.url.path + "/new/a.md", bytes: Array("a\n".utf8))
            writer.abandon()
            XCTAssertEqual(names(temp.url.path), ["kept.md"])
        }
        do {
            let writer = DurableBatchWriter(flush: .wholeFileSystem)
            try writer.add(path: temp.url.path + "/kept.md", bytes: Array("replaced\n".utf8))
            try writer.add(path: temp.url.path + "/new/a.md", bytes: Array("a\n".utf8))
            XCTAssertEqual(names(temp.url.path).count, 4)  // kept.md, its temporary, the new folder's stand-in and its file
        }
        XCTAssertEqual(names(temp.url.path), ["kept.md"])
        XCTAssertEqual(Fixture.text(temp.url, "kept.md"), "kept\n")
    }

    /// A large batch flushed as a whole writes the file system out ahead while it is still
    /// creating files, and finishes with its own flush all the same.
    func testALargeBatchFlushesAheadAndStillFlushesAtTheEnd() throws {
        let system = FlushAheadRecorder()
        let writer = DurableBatchWriter(fileSystem: system, flush: .wholeFileSystem)
        let count = DurableBatchWriter.flushAheadEvery * 2 + 10
        for i in 0..<count { try writer.add(path: temp.url.path + "/new/\(i).md", bytes: Array("file \(i)\n".utf8)) }
        try writer.finish()
        XCTAssertGreaterThanOrEqual(system.aheadCount, 1)
        XCTAssertEqual(system.syncfsCount, 1)
        XCTAssertEqual(Fixture.names(temp.url.appendingPathComponent("new")).count, count)
        XCTAssertEqual(Fixture.text(temp.url, "new/\(count - 1).md"), "file \(count - 1)\n")
    }

    /// A failed early flush fails the batch (the batch's own flush might not report it
    /// again): nothing appears and nothing temporary is left.
    func testAFailedFlushAheadFailsTheBatch() throws {
        let system = FlushAheadRecorder(failing: EIO)
        let writer = DurableBatchWriter(fileSystem: system, flush: .wholeFileSystem)
        for i in 0..<(DurableBatchWriter.flushAheadEvery + 1) {
            _ = try? writer.add(path: temp.url.path + "/new/\(i).md", bytes: Array("file \(i)\n".utf8))
        }
        XCTAssertThrowsError(try writer.finish()) { error in
            XCTAssertEqual((error as? StorageIOError)?.code, EIO)
        }
        XCTAssertEqual(system.syncfsCount, 0)
        XCTAssertEqual(names(temp.url.path), [])
    }
}

/// The real file system, counting early flushes and `syncfs` calls; an early flush can be
/// made to fail.
final class FlushAheadRecorder: FileSystem, @unchecked Sendable {
    private let real = POSIXFileSystem()
    private let lock = NSLock()
    private var ahead = 0
    private var syncfs = 0
    private let failing: Int32?

    init(failing: Int32? = nil) { self.failing = failing }

    var aheadCount: Int { lock.withLock { ahead } }
    var syncfsCount: Int { lock.withLock { syncfs } }

    func flushAhead(_ path: String) throws(StorageIOError) {
        lock.withLock { ahead += 1 }
        if let failing { throw StorageIOError("write", path, code: failing) }
        try real.flushAhead(path)
    }

    func syncFileSystem(_ path: String) throws(StorageIOError) {
        lock.withLock { syncfs += 1 }
        try real.syncFileSystem(path)
    }

    func createExclusive(_ path: String) throws(StorageIOError) -> Int32 { try real.createExclusive(path) }
    func openForAppend(_ path: String) throws(StorageIOError) -> Int32? { try real.openForAppend(path) }
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(StorageIOError) { try real.write(fd, bytes, path: path) }
    func sync(_ fd: Int32, path: String) throws(StorageIOError) { try real.sync(fd, path: path) }
    func truncate(_ fd: Int32, to length: Int64, path: String) throws(StorageIOError) { try real.truncate(fd, to: length, path: path) }
    func close(_ fd: Int32) { real.close(fd) }
    func rename(_ source: String, to destination: String) throws(StorageIOError) { try real.rename(source, to: destination) }
    func syncFolder(_ path: String) throws(StorageIOError) { try real.syncFolder(path) }
    func remove(_ path: String) { real.remove(path) }
    func createFolder(_ path: String) throws(StorageIOError) { try real.createFolder(path) }
    func removeFolder(_ path: String) { real.removeFolder(path) }
    func removeFile(_ path: String) throws(StorageIOError) { try real.removeFile(path) }
    func openFolder(_ path: String) -> Int32? { real.openFolder(path) }
    func createExclusive(_ name: String, inFolder folder: Int32?, at path: String) throws(StorageIOError) -> Int32 {
        try real.createExclusive(name, inFolder: folder, at: path)
    }
}
