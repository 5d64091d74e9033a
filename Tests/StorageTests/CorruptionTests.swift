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

    /// Each kind of damage: the file is moved aside byte for byte, one warning names it, the
    /// store starts empty for that file, keeps the other one, and writes a good file again.
    func testDamagedFilesAreMovedAsideWithOneWarning() throws {
        for file in StateFile.allCases {
            for (kind, text) in Self.damaged {
                try? FileManager.default.removeItem(at: folder)
                let good = try StateStore(directory: folder)
                good.markRead(Fixture.id(1))
                good.save(Fixture.article("kept"))
                good.close()
                try Data(text.utf8).write(to: folder.appendingPathComponent(file.name))

                let store = try StateStore(directory: folder)
                let label = "\(file.name) \(kind)"
                XCTAssertEqual(store.warnings.count, 1, label)
                let warning = store.warnings.first ?? ""
                XCTAssertFalse(warning.contains("\n"), label)
                let aside = Fixture.names(folder).filter { $0.hasPrefix(file.name + ".corrupt-") }
                XCTAssertEqual(aside.count, 1, label)
                XCTAssertTrue(warning.contains(aside.first ?? "?"), "\(label): \(warning)")
                XCTAssertEqual(Fixture.text(folder, aside.first ?? "?"), text, "\(label): moved, not changed")
                XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file.name).path), label)
                switch file {
                case .read:
                    XCTAssertFalse(store.isRead(Fixture.id(1)), label)
                    XCTAssertTrue(store.isSaved(Fixture.article("kept").id), label)
                case .saved:
                    XCTAssertTrue(store.isRead(Fixture.id(1)), label)
                    XCTAssertFalse(store.isSaved(Fixture.article("kept").id), label)
                }
                XCTAssertFalse(store.isReadOnly, label)
                store.markRead(Fixture.id(2))
                store.save(Fixture.article("new"))
                store.flush()
                XCTAssertNil(store.lastError, label)
                let reopened = try StateStore(directory: folder)
                XCTAssertEqual(reopened.warnings, [], label)
                XCTAssertTrue(reopened.isRead(Fixture.id(2)), label)
                XCTAssertTrue(reopened.isSaved(Fixture.article("new").id), label)
            }
        }
    }

    func testACorruptCopyNeverOverwritesAnEarlierOne() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for round in 0..<3 {
            try Data("broken \(round)".utf8).write(to: folder.appendingPathComponent("read.json"))
            _ = try StateStore(directory: folder)
        }
        let aside = Fixture.names(folder).filter { $0.hasPrefix("read.json.corrupt-") }
        XCTAssertEqual(aside.count, 3)
        XCTAssertEqual(Set(aside.compactMap { Fixture.text(folder, $0) }), ["broken 0", "broken 1", "broken 2"])
    }

    /// Damage that appears while the store is open (another program, a bad edit) is found
    /// at the next write: moved aside, and the store writes what it last knew plus its changes.
    func testDamageFoundAtWriteTimeKeepsTheLastGoodState() throws {
        let store = try StateStore(directory: folder, coalescingDelay: 3600)
        store.markRead(Fixture.id(1))
        store.flush()
        try Data("{ oops".utf8).write(to: folder.appendingPathComponent("read.json"))
        store.markRead(Fixture.id(2))
        store.flush()
        XCTAssertNil(store.lastError)
        XCTAssertEqual(store.warnings.count, 1)
        XCTAssertTrue(store.warnings[0].contains("read.json.corrupt-"), store.warnings[0])
        let reopened = try StateStore(directory: folder)
        XCTAssertTrue(reopened.isRead(Fixture.id(1)))
        XCTAssertTrue(reopened.isRead(Fixture.id(2)))
    }

    func testNewerVersionIsLeftUntouchedAndReadOnly() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let article = Fixture.article("future")
        let entry = String(decoding: SavedFileCodec().encode([article.id: .saved(article, at: Fixture.time(1000))]), as: UTF8.self)
        let future = entry.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2")
        try Data(future.utf8).write(to: folder.appendingPathComponent("saved.json"))
        let store = try StateStore(directory: folder)
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
        XCTAssertTrue(try StateStore(directory: folder).isRead(Fixture.id(1)), "the other file is still written")
        XCTAssertEqual(Fixture.names(folder).filter { $0.contains("corrupt") }, [])
    }

    func testANewerVersionWrittenWhileOpenStopsWrites() throws {
        let store = try StateStore(directory: folder, coalescingDelay: 3600)
        store.markRead(Fixture.id(1))
        store.flush()
        let future = #"{"version": 3, "articles": {}, "shape": "new"}"#
        try Data(future.utf8).write(to: folder.appendingPathComponent("read.json"))
        store.markRead(Fixture.id(2))
        store.flush()
        XCTAssertEqual(Fixture.text(folder, "read.json"), future)
        XCTAssertEqual(store.readOnly, [.read])
        XCTAssertTrue(store.isRead(Fixture.id(2)), "kept in memory")
    }
}
