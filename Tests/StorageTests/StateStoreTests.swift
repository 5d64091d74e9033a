import Articles
import BulletinTestSupport
import Foundation
import XCTest

@testable import Storage

final class StateStoreTests: XCTestCase {
    var temp: TemporaryDirectory!
    var folder: URL { temp.url.appendingPathComponent("state", isDirectory: true) }

    override func setUpWithError() throws { temp = try TemporaryDirectory(prefix: "bulletin-storage") }
    override func tearDown() { temp.remove() }

    func testReadStatePositionsAndUnreadInMemory() throws {
        let store = StateStore(directory: folder)
        let id = Fixture.id(1)
        XCTAssertFalse(store.isRead(id))
        store.markRead(id)
        XCTAssertTrue(store.isRead(id))
        XCTAssertNil(store.readingPosition(id))
        XCTAssertNotNil(store.readAt(id))
        store.setReadingPosition(id, ReadingPosition(block: 4, line: 2))
        XCTAssertEqual(store.readingPosition(id), ReadingPosition(block: 4, line: 2))
        store.markRead(id)
        XCTAssertEqual(store.readingPosition(id), ReadingPosition(block: 4, line: 2), "markRead keeps the position")
        store.markUnread(id)
        XCTAssertFalse(store.isRead(id))
        XCTAssertNil(store.readingPosition(id))
        XCTAssertNil(store.readAt(id))
        XCTAssertEqual(store.readRecord(id)?.isRead, false, "unread is kept as a tombstone")
    }

    func testFavoritesNewestFirst() throws {
        let store = StateStore(directory: folder)
        let first = Fixture.article("first"), second = Fixture.article("second")
        store.save(first)
        store.save(second)
        XCTAssertTrue(store.isSaved(first.id))
        XCTAssertEqual(store.savedArticles.map(\.article.id).count, 2)
        XCTAssertEqual(Set(store.savedArticles.map(\.article)), [first, second])
        let times = store.savedArticles.map(\.savedAt)
        XCTAssertEqual(times, times.sorted(by: >))
        store.unsave(first.id)
        XCTAssertFalse(store.isSaved(first.id))
        XCTAssertEqual(store.savedArticles.map(\.article), [second])
        XCTAssertEqual(store.savedRecord(first.id)?.isSaved, false, "unsave is kept as a tombstone")
    }

    func testEverythingSurvivesReopening() throws {
        let article = Fixture.article("kept", paragraphs: 4)
        do {
            let store = StateStore(directory: folder)
            store.markRead(Fixture.id(1), position: ReadingPosition(block: 7, line: 3))
            store.markRead(Fixture.id(2))
            store.markUnread(Fixture.id(2))
            store.save(article)
            store.save(Fixture.article("gone"))
            store.unsave(Fixture.article("gone").id)
            store.flush()
            XCTAssertNil(store.lastError)
        }
        let again = StateStore(directory: folder)
        XCTAssertEqual(again.warnings, [])
        XCTAssertEqual(again.readingPosition(Fixture.id(1)), ReadingPosition(block: 7, line: 3))
        XCTAssertFalse(again.isRead(Fixture.id(2)))
        XCTAssertEqual(again.readRecord(Fixture.id(2))?.isRead, false)
        XCTAssertEqual(again.savedArticles.map(\.article), [article])
        XCTAssertEqual(again.savedRecord(Fixture.article("gone").id)?.isSaved, false)
    }

    func testBackgroundWriterWritesWithoutFlush() throws {
        let store = StateStore(directory: folder, coalescingDelay: 0.01)
        store.markRead(Fixture.id(5))
        let deadline = Date().addingTimeInterval(20)
        while Fixture.text(folder, Fixture.journal)?.contains(Fixture.id(5).rawValue) != true && Date() < deadline {
            usleep(2_000)
        }
        XCTAssertEqual(Fixture.text(folder, Fixture.journal)?.contains(Fixture.id(5).rawValue), true)
        XCTAssertFalse(store.hasPendingChanges)
    }

    func testChangesAreCoalescedIntoOneWrite() throws {
        let store = StateStore(directory: folder, coalescingDelay: 3600)
        for i in 0..<100 { store.markRead(Fixture.id(i)) }
        XCTAssertNil(Fixture.text(folder, Fixture.journal), "nothing written before the delay")
        XCTAssertEqual(store.completedWrites, 0)
        store.flush()
        XCTAssertEqual(store.completedWrites, 1)
        let again = StateStore(directory: folder)
        XCTAssertEqual(again.readCount, 100)
    }

    func testNoOpChangesDoNotQueueWrites() throws {
        let store = StateStore(directory: folder, coalescingDelay: 3600)
        store.markRead(Fixture.id(1), position: ReadingPosition(block: 1, line: 1))
        store.flush()
        store.markRead(Fixture.id(1))
        store.markRead(Fixture.id(1), position: ReadingPosition(block: 1, line: 1))
        store.markUnread(Fixture.id(2))
        store.markUnread(Fixture.id(2))
        XCTAssertTrue(store.hasPendingChanges)  // the first unread of an unknown article is recorded
        store.flush()
        store.markUnread(Fixture.id(2))
        XCTAssertFalse(store.hasPendingChanges)
    }

    func testFolderAndFilesArePrivate() throws {
        let old = umask(0)
        defer { umask(old) }
        let nested = temp.url.appendingPathComponent("a/b/bulletin", isDirectory: true)
        let store = StateStore(directory: nested)
        store.markRead(Fixture.id(1))
        store.save(Fixture.article("x"))
        store.flush()
        XCTAssertEqual(Fixture.mode(nested), 0o700)
        for name in [Fixture.journal, "saved.json", "state.lock"] {
            XCTAssertEqual(Fixture.mode(nested.appendingPathComponent(name)), 0o600, name)
        }
        // A file made readable by someone keeps mode 0600 after the next write.
        chmod(nested.appendingPathComponent(Fixture.journal).path, 0o644)
        chmod(nested.appendingPathComponent("saved.json").path, 0o644)
        store.markRead(Fixture.id(2))
        store.save(Fixture.article("y"))
        store.flush()
        XCTAssertEqual(Fixture.mode(nested.appendingPathComponent(Fixture.journal)), 0o600)
        XCTAssertEqual(Fixture.mode(nested.appendingPathComponent("saved.json")), 0o600)
        XCTAssertEqual(Fixture.names(nested), [Fixture.journal, "saved.json", "state.lock"], "no temporary files left")
    }

    func testLeftoverTemporaryFilesAreRemovedOnOpen() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("{half".utf8).write(to: folder.appendingPathComponent(".read.json.tmp-999-1"))
        try Data("notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        _ = StateStore(directory: folder)
        XCTAssertEqual(Fixture.names(folder), ["notes.txt", "state.lock"])
    }

    func testDefaultDirectoryOrder() {
        let home = ["HOME": "/home/u"]
        XCTAssertEqual(StateStore.defaultDirectory(environment: home).path, "/home/u/.local/share/bulletin")
        XCTAssertEqual(StateStore.defaultDirectory(environment: home.merging(["XDG_DATA_HOME": "/x/data"]) { $1 }).path, "/x/data/bulletin")
        XCTAssertEqual(StateStore.defaultDirectory(environment: home.merging(["XDG_DATA_HOME": "relative"]) { $1 }).path, "/home/u/.local/share/bulletin")
        XCTAssertEqual(
            StateStore.defaultDirectory(environment: home.merging(["XDG_DATA_HOME": "/x/data", "BULLETIN_STATE_DIR": "/s"]) { $1 }).path, "/s")
    }

    // MARK: Two stores on one folder

    func testTwoStoresMergeInsteadOfOverwriting() throws {
        let one = StateStore(directory: folder, coalescingDelay: 3600)
        let two = StateStore(directory: folder, coalescingDelay: 3600)
        one.markRead(Fixture.id(1))
        one.save(Fixture.article("one"))
        two.markRead(Fixture.id(2))
        two.save(Fixture.article("two"))
        one.flush()
        two.flush()
        let merged = StateStore(directory: folder)
        XCTAssertTrue(merged.isRead(Fixture.id(1)))
        XCTAssertTrue(merged.isRead(Fixture.id(2)))
        XCTAssertEqual(Set(merged.savedArticles.map(\.article.title)), ["Article one", "Article two"])
        // The second store learned the first one's changes when it merged.
        XCTAssertTrue(two.isRead(Fixture.id(1)))
        XCTAssertTrue(two.isSaved(Fixture.article("one").id))
    }

    func testAStaleStoreDoesNotBringBackWhatAnotherRemoved() throws {
        let article = Fixture.article("x")
        let setup = StateStore(directory: folder)
        setup.save(article)
        setup.markRead(Fixture.id(1))
        setup.flush()
        let stale = StateStore(directory: folder, coalescingDelay: 3600)
        let other = StateStore(directory: folder, coalescingDelay: 3600)
        other.unsave(article.id)
        other.markUnread(Fixture.id(1))
        other.flush()
        stale.markRead(Fixture.id(2))  // any write by the stale store re-reads and merges
        stale.flush()
        let final = StateStore(directory: folder)
        XCTAssertFalse(final.isSaved(article.id))
        XCTAssertFalse(final.isRead(Fixture.id(1)))
        XCTAssertTrue(final.isRead(Fixture.id(2)))
        XCTAssertFalse(stale.isSaved(article.id), "the stale store's memory follows the newer change")
    }

    func testALaterChangeOnTheSameArticleWins() throws {
        let article = Fixture.article("x")
        let one = StateStore(directory: folder, coalescingDelay: 3600)
        let two = StateStore(directory: folder, coalescingDelay: 3600)
        one.save(article)
        one.flush()
        two.flush()
        two.unsave(article.id)  // later than the save (the clock never goes below a seen time)
        two.flush()
        one.markRead(Fixture.id(3))
        one.flush()
        XCTAssertFalse(StateStore(directory: folder).isSaved(article.id))
        XCTAssertFalse(one.isSaved(article.id))
    }

    func testAFileDeletedByTheUserIsRecreatedFromNewChanges() throws {
        let store = StateStore(directory: folder, coalescingDelay: 3600)
        store.markRead(Fixture.id(1))
        store.flush()
        try FileManager.default.removeItem(at: folder.appendingPathComponent(Fixture.journal))
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(Fixture.snapshot))
        store.markRead(Fixture.id(2))
        store.flush()
        let again = StateStore(directory: folder)
        XCTAssertTrue(again.isRead(Fixture.id(2)))
        XCTAssertFalse(again.isRead(Fixture.id(1)), "a deleted file means the user reset it")
    }
}

final class StateStoreLifetimeTests: XCTestCase {
    /// A store dropped with a write still scheduled writes it (from the writer's own queue,
    /// without waiting on itself).
    func testADroppedStoreWritesWhatItHad() throws {
        let temp = try TemporaryDirectory(prefix: "bulletin-drop")
        defer { temp.remove() }
        let folder = temp.url.appendingPathComponent("state", isDirectory: true)
        do {
            let store = StateStore(directory: folder, coalescingDelay: 0.05)
            store.markRead(Fixture.id(1))
            StateStoreRegistry.unregister(store)
        }
        let deadline = Date().addingTimeInterval(20)
        while Fixture.text(folder, Fixture.journal)?.contains(Fixture.id(1).rawValue) != true && Date() < deadline { usleep(5_000) }
        XCTAssertTrue(StateStore(directory: folder).isRead(Fixture.id(1)))
    }
}
