import Articles
import BulletinTestSupport
import StorageTestSupport
import Foundation
import XCTest

@testable import Storage

/// Every durable write, stopped or failed after each of its steps: the next start sees the
/// old complete state or the new complete state, never a mix and never a damaged file, and
/// a failure (EIO, ENOSPC) is reported with the changes kept for a later write.
final class CrashPointTests: XCTestCase {
    var temp: TemporaryDirectory!

    override func setUpWithError() throws { temp = try TemporaryDirectory(prefix: "bulletin-crashpoints") }
    override func tearDown() { temp.remove() }

    /// One durable operation to break: `prepare` builds the old state with the real file
    /// system, `change` makes the change through the faulty one, `state` reads what a store
    /// sees (as comparable text), and `expectedSteps` are the steps a clean run takes.
    struct Scenario {
        var name: String
        var prepare: (URL) throws -> Void
        var change: (URL, FaultyFileSystem) -> (error: String?, warnings: [String])
        var state: (URL) -> String
    }

    /// Runs `scenario` cleanly to learn its steps, then once per step and fault.
    func check(_ scenario: Scenario, expecting expected: [DurableStep], file: StaticString = #filePath, line: UInt = #line) throws {
        let template = temp.url.appendingPathComponent("\(scenario.name)-template", isDirectory: true)
        try scenario.prepare(template)
        let oldState = scenario.state(template)

        let cleanFolder = try copy(template, "clean")
        let clean = FaultyFileSystem()
        let cleanResult = scenario.change(cleanFolder, clean)
        XCTAssertNil(cleanResult.error, scenario.name, file: file, line: line)
        let newState = scenario.state(cleanFolder)
        XCTAssertNotEqual(oldState, newState, "\(scenario.name): the change changes nothing", file: file, line: line)
        XCTAssertEqual(clean.steps.map(\.step), expected, "\(scenario.name): steps", file: file, line: line)

        for index in clean.steps.indices {
            for fault in [FaultyFileSystem.Fault.stopAfter(index), .fail(at: index, errno: EIO), .fail(at: index, errno: ENOSPC)] {
                let label = "\(scenario.name), \(clean.steps[index].step) (\(index)): \(fault)"
                let folder = try copy(template, "case")
                let faulty = FaultyFileSystem(fault)
                let result = scenario.change(folder, faulty)
                let after = scenario.state(folder)
                XCTAssertTrue(after == oldState || after == newState, "\(label): neither old nor new state:\n\(after)", file: file, line: line)
                XCTAssertEqual(Fixture.names(folder).filter { $0.contains(".corrupt-") }, [], "\(label): damaged files", file: file, line: line)
                let reopened = StateStore(directory: folder)
                XCTAssertEqual(reopened.warnings.filter { !$0.hasPrefix("moved ") }, [], label, file: file, line: line)
                reopened.close()
                XCTAssertFalse(Fixture.names(folder).contains { $0.contains(".tmp-") }, "\(label): temporary files left", file: file, line: line)
                if case .fail(_, let code) = fault {
                    let reported = ([result.error].compactMap { $0 } + result.warnings).joined(separator: " | ")
                    XCTAssertTrue(reported.contains(String(cString: strerror(code))), "\(label): not reported (\(reported))", file: file, line: line)
                }
            }
        }
    }

    private func copy(_ template: URL, _ name: String) throws -> URL {
        let folder = temp.url.appendingPathComponent("\(name)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.copyItem(at: template, to: folder)
        return folder
    }

    /// A store on `folder` through `fs`, used once and dropped without writing anything else.
    private func withStore(_ folder: URL, _ fs: FaultyFileSystem, floor: Int? = nil, _ body: (StateStore) -> Void) -> (error: String?, warnings: [String]) {
        let store = StateStore(directory: folder, coalescingDelay: 3600, fileSystem: fs)
        if let floor { store.journalCompactionFloor = floor }
        body(store)
        store.flush()
        StateStoreRegistry.unregister(store)
        return (store.lastError, store.warnings)
    }

    /// What a fresh store on `folder` knows: read marks and favorites, as sorted lines.
    static func summary(_ folder: URL) -> String {
        let store = StateStore(directory: folder, mode: .readOnly)
        var lines: [String] = []
        for i in 0..<400 {
            if let record = store.readRecord(Fixture.id(i)) {
                lines.append("read \(i) \(record.isRead) \(record.position.map { "\($0.block).\($0.line)" } ?? "-")")
            }
        }
        for name in ["a", "b", "c"] where store.isSaved(Fixture.article(name).id) { lines.append("saved \(name)") }
        return lines.joined(separator: "\n")
    }

    private static let wholeFile: [DurableStep] = [.createTemporary, .write, .sync, .rename, .syncFolder]

    func testAReadChangeAppendedToTheJournal() throws {
        try check(Scenario(
            name: "append",
            prepare: { folder in
                let store = StateStore(directory: folder)
                for i in 0..<5 { store.markRead(Fixture.id(i)) }
                store.close()
            },
            change: { folder, fs in self.withStore(folder, fs) { $0.markRead(Fixture.id(7), position: ReadingPosition(block: 3, line: 1)) } },
            state: Self.summary), expecting: [.append, .syncAppend])
    }

    func testTheFirstReadChangeCreatesTheJournal() throws {
        try check(Scenario(
            name: "first",
            prepare: { folder in
                let store = StateStore(directory: folder)
                store.save(Fixture.article("a"))
                store.close()
            },
            change: { folder, fs in self.withStore(folder, fs) { $0.markRead(Fixture.id(1)) } },
            state: Self.summary), expecting: Self.wholeFile + [.append, .syncAppend])
    }

    func testCompactionWritesSnapshotThenJournal() throws {
        try check(Scenario(
            name: "compaction",
            prepare: { folder in
                let store = StateStore(directory: folder)
                for i in 0..<50 { store.markRead(Fixture.id(i), position: ReadingPosition(block: i, line: 0)) }
                store.flush()
                for i in 0..<10 { store.markUnread(Fixture.id(i)) }
                store.close()
            },
            change: { folder, fs in self.withStore(folder, fs, floor: 1) { $0.markRead(Fixture.id(60)) } },
            state: Self.summary), expecting: [.append, .syncAppend] + Self.wholeFile + Self.wholeFile)
    }

    func testSavingAFavorite() throws {
        try check(Scenario(
            name: "saved",
            prepare: { folder in
                let store = StateStore(directory: folder)
                store.save(Fixture.article("a"))
                store.markRead(Fixture.id(1))
                store.close()
            },
            change: { folder, fs in self.withStore(folder, fs) { $0.save(Fixture.article("b")); $0.unsave(Fixture.article("a").id) } },
            state: Self.summary), expecting: Self.wholeFile)
    }

    /// Migrating the old `read.json`: the new snapshot and journal, then the old file renamed
    /// to a backup; stopped anywhere, the marks are all there (from the old file or the new).
    func testMigratingTheOldReadFile() throws {
        let template = temp.url.appendingPathComponent("legacy-template", isDirectory: true)
        try FileManager.default.createDirectory(at: template, withIntermediateDirectories: true)
        var legacy: [ArticleID: ReadRecord] = [:]
        for i in 0..<30 { legacy[Fixture.id(i)] = .read(at: Fixture.time(1_700_000_000_000 + Int64(i)), position: ReadingPosition(block: i, line: 1)) }
        try Data(ReadFileCodec().encode(legacy)).write(to: template.appendingPathComponent("read.json"))
        let expected = Self.summary(template)
        XCTAssertTrue(expected.contains("read 29 true 29.1"))

        let clean = FaultyFileSystem()
        let cleanFolder = try copy(template, "clean")
        let store = StateStore(directory: cleanFolder, fileSystem: clean)
        XCTAssertEqual(store.warnings.count, 1)
        XCTAssertTrue(store.warnings[0].contains("read.json.bak-"), store.warnings[0])
        XCTAssertEqual(clean.steps.map(\.step), Self.wholeFile + Self.wholeFile)
        XCTAssertEqual(Fixture.names(cleanFolder).filter { $0.hasPrefix("read.json") }.count, 1)
        XCTAssertTrue(Fixture.names(cleanFolder).contains { $0.hasPrefix("read.json.bak-") })

        for index in clean.steps.indices {
            for fault in [FaultyFileSystem.Fault.stopAfter(index), .fail(at: index, errno: EIO), .fail(at: index, errno: ENOSPC)] {
                let folder = try copy(template, "case")
                let faulty = FaultyFileSystem(fault)
                let broken = StateStore(directory: folder, fileSystem: faulty)
                StateStoreRegistry.unregister(broken)
                XCTAssertEqual(Self.summary(folder), expected, "\(fault)")
                let names = Fixture.names(folder)
                XCTAssertTrue(names.contains("read.json") || names.contains { $0.hasPrefix("read.json.bak-") }, "\(fault): the old file is gone")
                if case .fail(_, let code) = fault {
                    XCTAssertTrue(broken.warnings.joined().contains(String(cString: strerror(code))), "\(fault): \(broken.warnings)")
                }
                // The next start finishes the migration.
                let next = StateStore(directory: folder)
                next.close()
                XCTAssertEqual(Self.summary(folder), expected, "\(fault): after the next start")
                XCTAssertFalse(Fixture.names(folder).contains("read.json"), "\(fault)")
            }
        }
    }

    /// A failed fsync of the journal is a failed save: reported, the change kept pending,
    /// the appended bytes cut off, and never followed by a second fsync as if it had worked;
    /// the background writer does not retry by itself either.
    func testAFailedJournalSyncIsNotRetriedAsIfItWorked() throws {
        let folder = temp.url.appendingPathComponent("state", isDirectory: true)
        let setup = StateStore(directory: folder)
        setup.markRead(Fixture.id(1))
        setup.close()
        let journalBefore = Fixture.text(folder, Fixture.journal)

        let fs = FaultyFileSystem(.fail(at: 1, errno: EIO))  // append, then its fsync fails
        let store = StateStore(directory: folder, coalescingDelay: 0.001, fileSystem: fs)
        store.markRead(Fixture.id(2))
        let deadline = Date().addingTimeInterval(20)
        while store.completedWrites == 0 && Date() < deadline { usleep(1_000) }
        let error = try XCTUnwrap(store.lastError)
        XCTAssertTrue(error.contains("Input/output error"), error)
        XCTAssertTrue(store.hasPendingChanges, "kept for the next write")
        XCTAssertEqual(Fixture.text(folder, Fixture.journal), journalBefore, "the unsynced line is cut off")
        usleep(100_000)
        XCTAssertEqual(store.completedWrites, 1, "no retry by the background writer")
        XCTAssertEqual(fs.steps.map(\.step), [.append, .syncAppend], "no second fsync")

        fs.heal()
        store.flush()
        XCTAssertNil(store.lastError)
        // The journal is rewritten from scratch (snapshot, then a new journal) before the append.
        XCTAssertEqual(fs.steps.map(\.step), [.append, .syncAppend] + Self.wholeFile + Self.wholeFile + [.append, .syncAppend])
        store.close()
        XCTAssertTrue(StateStore(directory: folder).isRead(Fixture.id(2)))
    }

    /// A batch of files written through DurableFile (as the feed refresher writes articles):
    /// each file is old or new and complete, and the folder is synced once.
    func testABatchOfFiles() throws {
        let template = temp.url.appendingPathComponent("batch-template", isDirectory: true)
        try FileManager.default.createDirectory(at: template, withIntermediateDirectories: true)
        for name in ["one", "two"] { try Data("old \(name)\n".utf8).write(to: template.appendingPathComponent(name)) }
        func state(_ folder: URL) -> [String] { ["one", "two", "three"].map { Fixture.text(folder, $0) ?? "-" } }
        let old = state(template)
        let files = ["one", "two", "three"].map { (template.appendingPathComponent($0), Data("new \($0) ".utf8 + Data(repeating: 0x41, count: 10_000))) }
        let clean = FaultyFileSystem()
        let cleanFolder = try copy(template, "clean")
        try DurableFile(fileSystem: clean).writeBatch(files.map { (cleanFolder.appendingPathComponent($0.0.lastPathComponent), $0.1) })
        let new = state(cleanFolder)
        XCTAssertEqual(clean.steps.map(\.step), [.createTemporary, .write, .sync, .createTemporary, .write, .sync,
                                                 .createTemporary, .write, .sync, .rename, .rename, .rename, .syncFolder])
        for index in clean.steps.indices {
            for fault in [FaultyFileSystem.Fault.stopAfter(index), .fail(at: index, errno: EIO), .fail(at: index, errno: ENOSPC)] {
                let folder = try copy(template, "case")
                do {
                    try DurableFile(fileSystem: FaultyFileSystem(fault)).writeBatch(files.map { (folder.appendingPathComponent($0.0.lastPathComponent), $0.1) })
                    XCTFail("\(fault): no error")
                } catch {
                    if case .fail(_, let code) = fault { XCTAssertEqual(error.code, code, "\(fault)") }
                }
                for (i, content) in state(folder).enumerated() {
                    XCTAssertTrue(content == old[i] || content == new[i], "\(fault): file \(i) is \(content.prefix(20))")
                }
                if case .fail = fault {
                    XCTAssertFalse(Fixture.names(folder).contains { $0.contains(".tmp-") }, "\(fault): temporary files left")
                }
            }
        }
    }

    /// A batch flushed as a whole (as a refresh writes article files): files into an existing
    /// folder and a new folder, one removal, one syncfs. Stopped or failed after any step,
    /// each file is old or new and complete, a new folder appears whole or not at all, and
    /// a failure before the renames leaves no temporary file or folder.
    func testABatchFlushedAsAWhole() throws {
        let template = temp.url.appendingPathComponent("whole-template", isDirectory: true)
        let existing = template.appendingPathComponent("old", isDirectory: true)
        try FileManager.default.createDirectory(at: existing, withIntermediateDirectories: true)
        for name in ["one", "gone"] { try Data("old \(name)\n".utf8).write(to: existing.appendingPathComponent(name)) }
        let targets = ["old/one", "old/two", "new/three", "new/four"]
        func state(_ folder: URL) -> [String] { (targets + ["old/gone"]).map { Fixture.text(folder, $0) ?? "-" } }
        func files(_ folder: URL) -> [(URL, [UInt8])] {
            targets.map { (folder.appendingPathComponent($0), Array("new \($0) ".utf8) + [UInt8](repeating: 0x42, count: 5_000)) }
        }
        let old = state(template)
        let clean = FaultyFileSystem()
        let cleanFolder = try copy(template, "clean")
        try DurableFile(fileSystem: clean).writeBatch(files(cleanFolder), removing: [cleanFolder.appendingPathComponent("old/gone")],
                                                      flush: .wholeFileSystem)
        let new = state(cleanFolder)
        XCTAssertEqual(new.last, "-")
        XCTAssertEqual(clean.steps.map(\.step), [.createFolder] + Array(repeating: [DurableStep.createTemporary, .write], count: 4).flatMap { $0 }
            + [.syncFileSystem, .rename, .rename, .rename, .remove, .syncFolder, .syncFolder])
        for index in clean.steps.indices {
            for fault in [FaultyFileSystem.Fault.stopAfter(index), .fail(at: index, errno: EIO), .fail(at: index, errno: ENOSPC)] {
                let folder = try copy(template, "case")
                do {
                    try DurableFile(fileSystem: FaultyFileSystem(fault)).writeBatch(
                        files(folder), removing: [folder.appendingPathComponent("old/gone")], flush: .wholeFileSystem)
                    XCTFail("\(fault): no error")
                } catch {
                    if case .fail(_, let code) = fault { XCTAssertEqual(error.code, code, "\(fault)") }
                }
                let after = state(folder)
                for (i, content) in after.enumerated() {
                    XCTAssertTrue(content == old[i] || content == new[i], "\(fault): \(targets + ["old/gone"])[i] is \(content.prefix(20))")
                }
                XCTAssertTrue((after[2] == "-") == (after[3] == "-"), "\(fault): the new folder is partial")
                if case .fail(let at, _) = fault, clean.steps[at].step != .syncFolder, clean.steps[at].step != .remove {
                    let names = Fixture.names(folder) + Fixture.names(folder.appendingPathComponent("old"))
                    XCTAssertFalse(names.contains { DurableFile.isTemporaryName($0) }, "\(fault): temporary files left: \(names)")
                }
            }
        }
    }
}
