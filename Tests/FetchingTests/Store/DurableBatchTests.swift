import BulletinTestSupport
import Foundation
import XCTest

@testable import Fetching

final class DurableBatchTests: XCTestCase {
    func testCommitWritesReplacesAndRemovesWithPrivateModes() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let folder = temp.url.appendingPathComponent("a/b", isDirectory: true)
        try DurableBatch.prepareFolder(folder)
        let old = try temp.write("a/b/old.md", "old")
        try temp.write("a/b/keep.md", "before")
        var batch = DurableBatch()
        for i in 0..<50 { batch.add(folder.appendingPathComponent("\(i).md"), bytes: Array("file \(i)".utf8)) }
        batch.add(folder.appendingPathComponent("keep.md"), bytes: Array("after".utf8))
        batch.remove(old)
        try batch.commit()
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        XCTAssertEqual(names.count, 51)
        XCTAssertFalse(names.contains("old.md"))
        XCTAssertFalse(names.contains { $0.hasPrefix(".bulletin-tmp-") })
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("keep.md"), encoding: .utf8), "after")
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("7.md"), encoding: .utf8), "file 7")
        let mode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("7.md").path)[.posixPermissions]
        XCTAssertEqual(mode as? Int, 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions]
        XCTAssertEqual(folderMode as? Int, 0o700)
    }

    func testFailedCommitLeavesOldFilesAndNoTemporaries() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let folder = temp.url.appendingPathComponent("f", isDirectory: true)
        try DurableBatch.prepareFolder(folder)
        try temp.write("f/a.md", "original")
        var batch = DurableBatch()
        batch.add(folder.appendingPathComponent("a.md"), bytes: Array("new".utf8))
        batch.add(temp.url.appendingPathComponent("missing-folder/deeper/b.md"), bytes: Array("x".utf8))
        XCTAssertThrowsError(try batch.commit())
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("a.md"), encoding: .utf8), "original")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["a.md"])
    }

    /// Every file of a large batch lands whole, and a failure in the middle still leaves no
    /// new file and no temporary behind.
    func testLargeBatchAllOrNothing() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let folder = temp.url.appendingPathComponent("many", isDirectory: true)
        try DurableBatch.prepareFolder(folder)
        var batch = DurableBatch()
        for i in 0..<1500 { batch.add(folder.appendingPathComponent("\(i).md"), bytes: Array(String(repeating: "\(i) ", count: i % 40 + 1).utf8)) }
        try batch.commit()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(names.count, 1500)
        for i in [0, 1, 777, 1499] {
            XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("\(i).md"), encoding: .utf8),
                           String(repeating: "\(i) ", count: i % 40 + 1))
        }

        var failing = DurableBatch()
        for i in 0..<1500 {
            let target = i == 900 ? temp.url.appendingPathComponent("gone/deeper/x.md") : folder.appendingPathComponent("\(i).md")
            failing.add(target, bytes: Array("replaced".utf8))
        }
        XCTAssertThrowsError(try failing.commit())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).count, 1500)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("3.md"), encoding: .utf8), "3 3 3 3 ")
    }
}
