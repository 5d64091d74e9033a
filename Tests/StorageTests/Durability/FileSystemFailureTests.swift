import Articles
import BulletinTestSupport
import Foundation
import XCTest

@testable import Storage

/// A folder that cannot be written and a full disk: one-line error, state kept in memory,
/// the file on disk never lost, and the write done once the problem is gone.
final class FileSystemFailureTests: XCTestCase {
    var temp: TemporaryDirectory!
    var folder: URL { temp.url.appendingPathComponent("state", isDirectory: true) }

    override func setUpWithError() throws { temp = try TemporaryDirectory(prefix: "bulletin-fs") }
    override func tearDown() { temp.remove() }

    /// Makes `url` unwritable: chmod for normal users; as root (which ignores permission
    /// bits) the immutable attribute. Returns a function that undoes it, or nil.
    func makeReadOnly(_ url: URL) -> (() -> Void)? {
        if !Fixture.isRoot {
            chmod(url.path, 0o500)
            return { chmod(url.path, 0o700) }
        }
        guard Fixture.sh(["chattr", "+i", url.path]) == 0 else { return nil }
        return { Fixture.sh(["chattr", "-i", url.path]) }
    }

    func testReadOnlyFolderKeepsChangesInMemoryAndTheFileIntact() throws {
        let setup = StateStore(directory: folder)
        setup.markRead(Fixture.id(1))
        setup.save(Fixture.article("kept"))
        setup.close()
        let before = Fixture.text(folder, "saved.json")
        guard let undo = makeReadOnly(folder) else {
            throw XCTSkip("cannot make a folder read-only here (root without chattr support): read-only test skipped")
        }
        defer { undo() }
        let store = StateStore(directory: folder, coalescingDelay: 3600)
        XCTAssertTrue(store.isRead(Fixture.id(1)), "existing state is still read")
        // Favorites replace their file, which a read-only folder refuses (the read journal
        // is appended in place, so its changes still get through).
        store.save(Fixture.article("new"))
        store.flush()
        let error = try XCTUnwrap(store.lastError)
        XCTAssertFalse(error.contains("\n"))
        XCTAssertTrue(error.contains(folder.path), error)
        XCTAssertTrue(store.warnings.contains(error))
        XCTAssertTrue(store.isSaved(Fixture.article("new").id), "kept in memory")
        XCTAssertTrue(store.hasPendingChanges, "kept for the next write")
        XCTAssertEqual(Fixture.text(folder, "saved.json"), before, "the file on disk is untouched")
        store.flush()
        XCTAssertEqual(store.warnings.count, 1, "the same error is reported once")
        undo()
        store.flush()
        XCTAssertNil(store.lastError)
        XCTAssertTrue(StateStore(directory: folder).isSaved(Fixture.article("new").id))
    }

    func testAFolderThatCannotBeCreatedGivesOneLineAndMemoryOnlyState() throws {
        let blocker = try temp.write("not-a-folder", "I am a file")
        let store = StateStore(directory: blocker.appendingPathComponent("bulletin"))
        XCTAssertEqual(store.warnings.count, 1)
        XCTAssertFalse(store.warnings[0].contains("\n"))
        XCTAssertTrue(store.warnings[0].contains("not-a-folder/bulletin"), store.warnings[0])
        store.save(Fixture.article("x"))
        XCTAssertTrue(store.isSaved(Fixture.article("x").id))
        store.flush()
        XCTAssertNotNil(store.lastError)
        XCTAssertEqual(try String(contentsOf: blocker, encoding: .utf8), "I am a file")
    }

    func testFullDiskKeepsTheOldFileAndRetriesLater() throws {
        guard Fixture.isRoot else { throw XCTSkip("mounting a small tmpfs needs root: full-disk test skipped") }
        let mountPoint = temp.url.appendingPathComponent("tiny", isDirectory: true)
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        guard Fixture.sh(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint.path]) == 0 else {
            throw XCTSkip("cannot mount a 64 KB tmpfs here: full-disk test skipped")
        }
        defer { Fixture.sh(["umount", mountPoint.path]) }
        let state = mountPoint.appendingPathComponent("state", isDirectory: true)
        let store = StateStore(directory: state, coalescingDelay: 3600)
        store.save(Fixture.article("first"))
        store.flush()
        XCTAssertNil(store.lastError)
        let before = try XCTUnwrap(Fixture.text(state, "saved.json"))

        // Fill the disk.
        let filler = mountPoint.appendingPathComponent("filler")
        let fd = open(filler.path, O_WRONLY | O_CREAT, 0o600)
        XCTAssertGreaterThanOrEqual(fd, 0)
        let block = [UInt8](repeating: 0x41, count: 4096)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress!, $0.count) }) > 0 {}
        close(fd)

        store.save(Fixture.article("second", paragraphs: 30))
        store.flush()
        let error = try XCTUnwrap(store.lastError)
        XCTAssertTrue(error.contains("No space left on device"), error)
        XCTAssertFalse(error.contains("\n"))
        XCTAssertEqual(Fixture.text(state, "saved.json"), before, "the old file is intact")
        XCTAssertEqual(Fixture.names(state), ["saved.json", "state.lock"], "no partial temporary file left")
        XCTAssertTrue(store.isSaved(Fixture.article("second", paragraphs: 30).id))

        try FileManager.default.removeItem(at: filler)
        store.flush()
        XCTAssertNil(store.lastError)
        let reopened = StateStore(directory: state)
        XCTAssertEqual(reopened.savedArticles.count, 2)
        reopened.close()
    }
}
