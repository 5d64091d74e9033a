import Articles
import BulletinTestSupport
import Foundation
import XCTest

@testable import Storage

/// Read state as snapshot + journal, through the store: one line per change, torn tails,
/// incremental catch-up between instances, compaction with pruning, migration from read.json.
final class ReadJournalTests: XCTestCase {
    var temp: TemporaryDirectory!
    var folder: URL { temp.url.appendingPathComponent("state", isDirectory: true) }
    var journal: URL { folder.appendingPathComponent(Fixture.journal) }

    override func setUpWithError() throws { temp = try TemporaryDirectory(prefix: "bulletin-journal") }
    override func tearDown() { temp.remove() }

    func lines(_ name: String) -> [String] {
        (Fixture.text(folder, name) ?? "").split(separator: "\n").map(String.init)
    }

    func testEachChangeIsOneAppendedLine() throws {
        let store = StateStore(directory: folder, coalescingDelay: 3600)
        store.markRead(Fixture.id(1))
        store.flush()
        XCTAssertEqual(lines(Fixture.journal).count, 2, "header + one line")
        let size = Fixture.text(folder, Fixture.journal)!.utf8.count
        store.setReadingPosition(Fixture.id(1), ReadingPosition(block: 9, line: 2))
        store.flush()
        let after = lines(Fixture.journal)
        XCTAssertEqual(after.count, 3)
        XCTAssertTrue(Fixture.text(folder, Fixture.journal)!.utf8.count - size < 60, "one short line per change")
        XCTAssertTrue(after[2].hasPrefix("[\"\(Fixture.id(1))\","), after[2])
        XCTAssertTrue(after[2].hasSuffix(",9,2]"), after[2])
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent(Fixture.snapshot).path), "no snapshot yet")
    }

    /// A crash in the middle of an append leaves half a line: ignored on load, the lines
    /// before it kept, and cut off before the next append so that it cannot spoil that line.
    func testATornLastLineIsIgnoredAndCutBeforeTheNextAppend() throws {
        let store = StateStore(directory: folder)
        for i in 0..<3 { store.markRead(Fixture.id(i)) }
        store.close()
        let good = Fixture.text(folder, Fixture.journal)!
        let handle = try FileHandle(forWritingTo: journal)
        handle.seekToEndOfFile()
        handle.write(Data("[\"\(Fixture.id(7))\",17145".utf8))
        try handle.close()

        let reopened = StateStore(directory: folder)
        XCTAssertEqual(reopened.warnings, [])
        XCTAssertTrue((0..<3).allSatisfy { reopened.isRead(Fixture.id($0)) })
        XCTAssertFalse(reopened.isRead(Fixture.id(7)))
        reopened.markRead(Fixture.id(8))
        reopened.close()
        let text = Fixture.text(folder, Fixture.journal)!
        XCTAssertTrue(text.hasPrefix(good))
        XCTAssertEqual(text.split(separator: "\n").count, 5, "header, three lines, the new one: the torn bytes are gone")
        let log = try ReadLogCodec.decode(Data(text.utf8), kind: .journal)
        XCTAssertEqual(log.damagedLines, [])
        XCTAssertTrue(StateStore(directory: folder).isRead(Fixture.id(8)))
    }

    /// Two instances: each write reads only the other's new lines (its offset moves on), and
    /// a compaction by one is picked up by the other without losing anything.
    func testAnotherInstancesLinesAndCompactionsArePickedUp() throws {
        let one = StateStore(directory: folder, coalescingDelay: 3600)
        let two = StateStore(directory: folder, coalescingDelay: 3600)
        one.markRead(Fixture.id(1))
        one.flush()
        two.markRead(Fixture.id(2))
        two.flush()
        XCTAssertTrue(two.isRead(Fixture.id(1)), "two read one's line when it appended")
        one.markUnread(Fixture.id(1))
        one.flush()
        XCTAssertTrue(one.isRead(Fixture.id(2)))

        // One compacts (a tiny threshold); two keeps appending and learns everything.
        one.journalCompactionFloor = 1
        one.markRead(Fixture.id(3))
        one.flush()
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(Fixture.snapshot).path))
        XCTAssertEqual(lines(Fixture.journal).count, 1, "a fresh journal after compaction")
        two.markRead(Fixture.id(4))
        two.flush()
        XCTAssertFalse(two.isRead(Fixture.id(1)), "the unread mark made before the compaction")
        XCTAssertTrue(two.isRead(Fixture.id(3)))
        one.markRead(Fixture.id(5))
        one.flush()
        XCTAssertTrue(one.isRead(Fixture.id(4)))
        for store in [one, two] { store.close() }
        let final = StateStore(directory: folder)
        XCTAssertEqual((1...5).map { final.isRead(Fixture.id($0)) }, [false, true, true, true, true])
        XCTAssertEqual(final.warnings, [])
    }

    /// Compaction writes a sorted snapshot, drops unread marks older than 90 days, keeps
    /// recent ones and every read mark however old.
    func testCompactionPrunesOldUnreadMarks() throws {
        let now = StateTime(Date()).rawValue
        let day: Int64 = 24 * 3600 * 1000
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var text = ReadLogCodec.headerLine(.journal, generation: 0)
        ReadLogCodec.append(Fixture.id(1).stateKey!, .unread(at: Fixture.time(now - 91 * day)), to: &text)
        ReadLogCodec.append(Fixture.id(2).stateKey!, .unread(at: Fixture.time(now - 89 * day)), to: &text)
        ReadLogCodec.append(Fixture.id(3).stateKey!, .read(at: Fixture.time(now - 900 * day)), to: &text)
        ReadLogCodec.append(Fixture.id(4).stateKey!, .read(at: Fixture.time(now - 95 * day)), to: &text)
        ReadLogCodec.append(Fixture.id(4).stateKey!, .unread(at: Fixture.time(now - 94 * day)), to: &text)
        try Data(text).write(to: journal)

        let store = StateStore(directory: folder, coalescingDelay: 3600)
        XCTAssertEqual(store.readRecord(Fixture.id(1))?.isRead, false, "loaded before compaction")
        store.journalCompactionFloor = 1
        store.markRead(Fixture.id(5))
        store.flush()
        let snapshot = try ReadLogCodec.decode(try Data(contentsOf: folder.appendingPathComponent(Fixture.snapshot)), kind: .snapshot)
        let keys = snapshot.records.map(\.key)
        XCTAssertEqual(keys, keys.sorted(), "sorted by id")
        XCTAssertEqual(Set(keys), Set([2, 3, 5].map { Fixture.id($0).stateKey! }))
        store.close()
        let reopened = StateStore(directory: folder)
        XCTAssertNil(reopened.readRecord(Fixture.id(1)), "pruned")
        XCTAssertNil(reopened.readRecord(Fixture.id(4)), "pruned: its newest record is an old unread mark")
        XCTAssertEqual(reopened.readRecord(Fixture.id(2))?.isRead, false, "recent: kept")
        XCTAssertTrue(reopened.isRead(Fixture.id(3)), "read marks are never pruned")
    }

    /// A crash between the new snapshot and the new journal leaves a journal of an older
    /// generation: already in the snapshot, so it is ignored (it must not bring back what
    /// compaction pruned) and replaced at the next write.
    func testAJournalOlderThanTheSnapshotIsIgnored() throws {
        let now = StateTime(Date()).rawValue
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var snapshot = ReadLogCodec.headerLine(.snapshot, generation: 4)
        ReadLogCodec.append(Fixture.id(1).stateKey!, .read(at: Fixture.time(now)), to: &snapshot)
        try Data(snapshot).write(to: folder.appendingPathComponent(Fixture.snapshot))
        var stale = ReadLogCodec.headerLine(.journal, generation: 3)
        ReadLogCodec.append(Fixture.id(2).stateKey!, .read(at: Fixture.time(1000)), to: &stale)
        try Data(stale).write(to: journal)

        let store = StateStore(directory: folder)
        XCTAssertTrue(store.isRead(Fixture.id(1)))
        XCTAssertFalse(store.isRead(Fixture.id(2)), "the stale journal is not replayed")
        store.markRead(Fixture.id(3))
        store.close()
        let log = try ReadLogCodec.decode(try Data(contentsOf: journal), kind: .journal)
        XCTAssertGreaterThanOrEqual(log.generation, 4)
        let reopened = StateStore(directory: folder)
        XCTAssertEqual([1, 2, 3].map { reopened.isRead(Fixture.id($0)) }, [true, false, true])
    }

    /// The old read.json is read, written as a snapshot, and kept as read.json.bak-<time>;
    /// a second read.json appearing later (an older bulletin) is merged and backed up too,
    /// never overwriting the first backup.
    func testTheOldReadFileIsMigratedAndKept() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let legacy: [ArticleID: ReadRecord] = [
            Fixture.id(1): .read(at: Fixture.time(1_714_557_602_120), readAt: Fixture.time(1_714_557_600_004), position: ReadingPosition(block: 3, line: 1)),
            Fixture.id(2): .unread(at: StateTime(Date())),
        ]
        let bytes = ReadFileCodec().encode(legacy)
        try Data(bytes).write(to: folder.appendingPathComponent("read.json"))
        let store = StateStore(directory: folder)
        XCTAssertEqual(store.warnings.count, 1)
        XCTAssertTrue(store.warnings[0].contains("moved 2 read marks"), store.warnings[0])
        XCTAssertEqual(store.readRecord(Fixture.id(1)), legacy[Fixture.id(1)])
        store.close()
        let backups = Fixture.names(folder).filter { $0.hasPrefix("read.json.bak-") }
        XCTAssertEqual(backups.count, 1)
        XCTAssertEqual(Fixture.text(folder, backups[0]), String(decoding: bytes, as: UTF8.self), "the old file, byte for byte")
        XCTAssertFalse(Fixture.names(folder).contains("read.json"))

        let again = StateStore(directory: folder)
        XCTAssertEqual(again.warnings, [], "migrated once")
        XCTAssertEqual(again.readRecord(Fixture.id(1)), legacy[Fixture.id(1)])
        XCTAssertEqual(again.readRecord(Fixture.id(2)), legacy[Fixture.id(2)])
        again.close()

        try Data(ReadFileCodec().encode([Fixture.id(3): .read(at: Fixture.time(5))])).write(to: folder.appendingPathComponent("read.json"))
        let third = StateStore(directory: folder)
        XCTAssertTrue(third.isRead(Fixture.id(3)))
        XCTAssertTrue(third.isRead(Fixture.id(1)))
        third.close()
        XCTAssertEqual(Fixture.names(folder).filter { $0.hasPrefix("read.json.bak-") }.count, 2)
    }

    /// A read-only store reads read.json, snapshot and journal but migrates, creates and
    /// writes nothing.
    func testAReadOnlyStoreReadsTheOldFileWithoutMigrating() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(ReadFileCodec().encode([Fixture.id(1): .read(at: Fixture.time(5))])).write(to: folder.appendingPathComponent("read.json"))
        let store = StateStore(directory: folder, mode: .readOnly)
        XCTAssertTrue(store.isRead(Fixture.id(1)))
        XCTAssertEqual(store.readOnly, [.read, .saved])
        store.markRead(Fixture.id(2))
        store.close()
        XCTAssertEqual(Fixture.names(folder), ["read.json"])

        let missing = temp.url.appendingPathComponent("nowhere/state", isDirectory: true)
        let empty = StateStore(directory: missing, mode: .readOnly)
        XCTAssertEqual(empty.warnings, [])
        XCTAssertFalse(empty.isRead(Fixture.id(1)))
        empty.close()
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.deletingLastPathComponent().path))
    }
}
