import BulletinTestSupport
import Foundation
import StorageTestSupport
import XCTest

@testable import Storage

#if canImport(Glibc)
    import Glibc
#endif

/// `DurableFile.writeBatch(paths:…)`: files given as paths, a new folder's files created by
/// name in its open temporary folder, and the path splitting that replaces URL work.
final class DurableFileBatchTests: XCTestCase {
    var temp: TemporaryDirectory!

    override func setUpWithError() throws { temp = try TemporaryDirectory(prefix: "bulletin-batch") }
    override func tearDown() { temp.remove() }

    func testPathsSplitAtTheLastSlash() {
        XCTAssertEqual(split("/a/b/c.md"), ["/a/b", "c.md"])
        XCTAssertEqual(split("/c.md"), ["/", "c.md"])
        XCTAssertEqual(split("c.md"), [".", "c.md"])
        XCTAssertEqual(split("rel/é ü/2024-01-01-ç.md"), ["rel/é ü", "2024-01-01-ç.md"])
    }

    /// A new folder of many files, given as paths, through the real file system: every file
    /// complete with mode 0600 in a 0700 folder, nothing temporary left, and each file
    /// created by name relative to the open temporary folder (the same steps as by path).
    func testANewFolderGivenAsPathsIsWrittenWhole() throws {
        let folder = temp.url.appendingPathComponent("feed", isDirectory: true).path
        let files = (0..<300).map { ("\(folder)/2024-01-01-item-\($0).md", Array("item \($0)\n".utf8)) }
        let recorder = FaultyFileSystem()
        try DurableFile(fileSystem: recorder).writeBatch(paths: files, flush: .wholeFileSystem)
        for (path, bytes) in files {
            XCTAssertEqual(FileManager.default.contents(atPath: path).map { Array($0) }, bytes, path)
            var info = stat()
            XCTAssertEqual(stat(path, &info), 0)
            XCTAssertEqual(info.st_mode & 0o777, 0o600, path)
        }
        var info = stat()
        XCTAssertEqual(stat(folder, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o700)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp.url.path), ["feed"])
        let steps = recorder.steps
        XCTAssertEqual(steps.map(\.step), [.createFolder] + Array(repeating: [.createTemporary, .write], count: 300).flatMap { $0 }
            + [.syncFileSystem, .rename, .syncFolder])
        // Created under the temporary folder's path, with the final names.
        let staging = steps[0].path
        XCTAssertTrue(URL(fileURLWithPath: staging).lastPathComponent.hasPrefix(".feed.tmp-"), staging)
        XCTAssertEqual(steps[1].path, staging + "/2024-01-01-item-0.md")
    }

    /// Creating by name in an open folder: exclusive, mode 0600, and a failure names the
    /// whole path with its errno.
    func testCreatingByNameInAnOpenFolder() throws {
        let system = POSIXFileSystem()
        let folder = temp.url.path
        guard let descriptor = system.openFolder(folder) else { return XCTFail("cannot open \(folder)") }
        defer { system.close(descriptor) }
        let fd = try system.createExclusive("one.md", inFolder: descriptor, at: folder)
        system.close(fd)
        var info = stat()
        XCTAssertEqual(stat(folder + "/one.md", &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        XCTAssertThrowsError(try system.createExclusive("one.md", inFolder: descriptor, at: folder)) { error in
            let failure = error as! StorageIOError
            XCTAssertEqual(failure.code, EEXIST)
            XCTAssertTrue(failure.message.contains(folder + "/one.md"), failure.message)
        }
        XCTAssertNil(system.openFolder(folder + "/one.md"), "a file is not a folder")
    }

    /// A file of a new folder that cannot be created (a name over the file system's limit)
    /// fails the batch with that error, and neither the folder nor its temporary stays.
    func testAFailedCreateInANewFolderLeavesNothing() throws {
        let folder = temp.url.appendingPathComponent("feed", isDirectory: true).path
        let files = [("\(folder)/fine.md", Array("fine".utf8)), ("\(folder)/" + String(repeating: "n", count: 300) + ".md", Array("long".utf8))]
        XCTAssertThrowsError(try DurableFile().writeBatch(paths: files, flush: .wholeFileSystem)) { error in
            XCTAssertEqual((error as! StorageIOError).code, ENAMETOOLONG)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp.url.path), [])
    }
}

/// `DurableFile.splitPath` as an array, for comparisons.
private func split(_ path: String) -> [String] {
    let (folder, name) = DurableFile.splitPath(path)
    return [folder, name]
}
