import Articles
import BulletinTestSupport
import Foundation
import XCTest

@testable import Storage

final class CorruptionTests: XCTestCase {
    var temp: TemporaryDirectory!
    var folder: URL { temp.url.appendingPathComponent("state", isDirectory: true) }

    override func setUpWithError() throws { temp = try TemporaryDirectory(prefix: "bulletin-corrupt") }
    override func tearDown() { temp.remove() }

    static let damaged: [(String, String)] = [
        ("garbage", "this is \u{1}not json at all {{{"),
        ("empty", ""),
        ("truncated", "{\n  \"articles\": {\n    \"0123456789abcdef\": {\"changedAt\": \"2024-05-01T10:00:00.000Z\", \"re"),
        ("wrong types", #"{"version": 1, "articles": {"0123456789abcdef": {"read": 1, "changedAt": 5}}}"#),
        ("null", "null"),
        ("wrong shape", #"{"version": 1, "articles": ["0123456789abcdef"]}"#),
    ]

    /// Each kind of damage in each file (journal, snapshot, the old read.json, saved.json):
    /// the file is moved aside byte for byte, one warning names it, the store goes on
    /// without that file only, and writes good files again.
    func testDamagedFilesAreMovedAsideWithOneWarning() throws {
        for name in [Fixture.journal, Fixture.snapshot, "read.json", "saved.json"] {
            for (kind, text) in Self.damaged {
                try? FileManager.default.removeItem(at: folder)
                let good = StateStore(directory: folder)
                good.markRead(Fixture.id(1))
                good.save(Fixture.article("kept"))
                good.close()
                try Data(text.utf8).write(to: folder.appendingPathComponent(name))

                let store = StateStore(directory: folder)
                let label = "\(name) \(kind)"
                XCTAssertEqual(store.warnings.count, 1, "\(label): \(store.warnings)")
                let warning = store.warnings.first ?? ""
                XCTAssertFalse(warning.contains("\n"), label)
                let aside = Fixture.names(folder).filter { $0.hasPrefix(name + ".corrupt-") }
                XCTAssertEqual(aside.count, 1, label)
                XCTAssertTrue(warning.contains(aside.first ?? "?"), "\(label): \(warning)")
                XCTAssertEqual(Fixture.text(folder, aside.first ?? "?"), text, "\(label): moved, not changed")
                XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), label)
                XCTAssertEqual(store.isRead(Fixture.id(1)), name != Fixture.journal, label)
                XCTAssertEqual(store.isSaved(Fixture.article("kept").id), name != "saved.json", label)
                XCTAssertFalse(store.isReadOnly, label)
                store.markRead(Fixture.id(2))
                store.save(Fixture.article("new"))
                store.flush()
                XCTAssertNil(store.lastError, label)
                let reopened = StateStore(directory: folder)
                XCTAssertEqual(reopened.warnings, [], label)
                XCTAssertTrue(reopened.isRead(Fixture.id(2)), label)
                XCTAssertTrue(reopened.isSaved(Fixture.article("new").id), label)
            }
        }
    }

    /// A read-only store reports damage in one line and moves, creates or writes nothing.
    func testAReadOnlyStoreLeavesDamagedFilesWhereTheyAre() throws {
        let good = StateStore(directory: folder)
        good.markRead(Fixture.id(1))
        good.close()
        try Data("garbage".utf8).write(to: folder.appendingPathComponent("saved.json"))
        let before = Fixture.names(folder)
        let store = StateStore(directory: folder, mode: .readOnly)
        XCTAssertEqual(store.warnings.count, 1)
        XCTAssertTrue(store.warnings[0].contains("ignored it"), store.warnings[0])
        XCTAssertTrue(store.isRead(Fixture.id(1)))
        store.markRead(Fixture.id(2))
        store.flush()
        XCTAssertNil(store.lastError)
        XCTAssertEqual(Fixture.names(folder), before)
        XCTAssertEqual(Fixture.text(folder, "saved.json"), "garbage")
        XCTAssertFalse(StateStore(directory: folder, mode: .readOnly).isRead(Fixture.id(2)), "nothing written")
    }

    func testACorruptCopyNeverOverwritesAnEarlierOne() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for round in 0..<3 {
            try Data("broken \(round)".utf8).write(to: folder.appendingPathComponent(Fixture.journal))
            _ = StateStore(directory: folder)
        }
        let aside = Fixture.names(folder).filter { $0.hasPrefix(Fixture.journal + ".corrupt-") }
        XCTAssertEqual(aside.count, 3)
        XCTAssertEqual(Set(aside.compactMap { Fixture.text(folder, $0) }), ["broken 0", "broken 1", "broken 2"])
    }

    /// A damaged line that appears in the journal while the store is open (another program,
    /// a bad edit) is found at the next write: skipped with one warning, the journal rewritten
    /// without it, and every good line kept.
    func testDamageFoundAtWriteTimeKeepsTheLastGoodState() throws {
        let store = StateStore(directory: folder, coalescingDelay: 3600)
        store.markRead(Fixture.id(1))
        store.flush()
        let handle = try FileHandle(forWritingTo: folder.appendingPathComponent(Fixture.journal))
        handle.seekToEndOfFile()
        handle.write(Data("{ oops\n".utf8))
        try handle.close()
        store.markRead(Fixture.id(2))
        store.flush()
        XCTAssertNil(store.lastError)
        XCTAssertEqual(store.warnings.count, 1)
        XCTAssertTrue(store.warnings[0].contains("damaged"), store.warnings[0])
        XCTAssertFalse(Fixture.text(folder, Fixture.journal)?.contains("oops") ?? true, "rewritten without the damage")
        let reopened = StateStore(directory: folder)
        XCTAssertTrue(reopened.isRead(Fixture.id(1)))
        XCTAssertTrue(reopened.isRead(Fixture.id(2)))
    }

    func testNewerVersionIsLeftUntouchedAndReadOnly() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let article = Fixture.article("future")
        let entry = String(decoding: SavedFileCodec().encode([article.id: .saved(article, at: Fixture.time(1000))]), as: UTF8.self)
        let future = entry.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2")
        try Data(future.utf8).write(to: folder.appendingPathComponent("saved.json"))
        let store = StateStore(directory: folder)
        XCTAssertTrue(store.isReadOnly)
        XCTAssertEqual(store.readOnly, [.saved])
        XCTAssertEqual(store.warnings.count, 1)
        XCTAssertTrue(store.warnings[0].contains("version 2"), store.warnings[0])
        XCTAssertTrue(store.warnings[0].contains("read-only"), store.warnings[0])
        XCTAssertTrue(store.isSaved(article.id), "readable with this version's rules")
        store.unsave(article.id)
        store.save(Fixture.article("other"))
        store.markRead(Fixture.id(1))
        store.flush()
        XCTAssertNil(store.lastError)
        XCTAssertEqual(Fixture.text(folder, "saved.json"), future, "untouched")
        XCTAssertTrue(StateStore(directory: folder).isRead(Fixture.id(1)), "the other file is still written")
        XCTAssertEqual(Fixture.names(folder).filter { $0.contains("corrupt") }, [])
    }

    func testANewerVersionWrittenWhileOpenStopsWrites() throws {
        let store = StateStore(directory: folder, coalescingDelay: 3600)
        store.markRead(Fixture.id(1))
        store.flush()
        let future = "{\"bulletin\":\"read-journal\",\"generation\":9,\"version\":3}\n[\"new shape\"]\n"
        try Data(future.utf8).write(to: folder.appendingPathComponent(Fixture.journal))
        store.markRead(Fixture.id(2))
        store.flush()
        XCTAssertEqual(Fixture.text(folder, Fixture.journal), future)
        XCTAssertEqual(store.readOnly, [.read])
        XCTAssertTrue(store.isRead(Fixture.id(2)), "kept in memory")
    }
}
