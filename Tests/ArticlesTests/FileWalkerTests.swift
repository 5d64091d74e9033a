import BulletinTestSupport
import Foundation
import XCTest

@testable import Articles

#if canImport(Glibc)
    import Glibc
#endif

/// The walker on hostile folders: link cycles, special files, odd names. Real folders,
/// links, FIFOs and sockets made on disk.
final class FileWalkerTests: XCTestCase {
    private var dir: TemporaryDirectory!

    override func setUpWithError() throws { dir = try TemporaryDirectory(prefix: "walker") }
    override func tearDown() { dir.remove() }

    private func link(_ name: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: dir.file(name).path, withDestinationPath: target)
    }

    private func article(_ title: String) -> String { "\(title)\n\nA paragraph of body text for \(title).\n" }

    func testLinkCyclesEnterEachFolderOnceWithOneNoticePerLink() throws {
        let lib = dir.file("lib").path
        try dir.write("lib/a/one.txt", article("One"))
        try dir.write("lib/b/two.txt", article("Two"))
        try link("lib/a/up", to: "..")
        try link("lib/a/root", to: lib)
        try link("lib/b/sibling", to: "../a")
        try link("lib/b/self", to: ".")
        let walk = FileWalker.walk([lib])
        XCTAssertEqual(walk.files.map(\.path), [lib + "/a/one.txt", lib + "/b/two.txt"])
        XCTAssertEqual(Set(walk.notices), [
            LibraryNotice(path: lib + "/a/up", message: "skipped: link to a folder already listed"),
            LibraryNotice(path: lib + "/a/root", message: "skipped: link to a folder already listed"),
            LibraryNotice(path: lib + "/b/sibling", message: "skipped: link to a folder already listed"),
            LibraryNotice(path: lib + "/b/self", message: "skipped: link to a folder already listed"),
        ])
        XCTAssertEqual(walk.notices.count, 4)
    }

    func testAWalkWithoutStatsLeavesFolderFilesToTheReaderUnlessRepeatsMustBeFound() throws {
        let lib = dir.file("lib").path
        try dir.write("lib/a.txt", article("Alpha"))
        try dir.write("lib/sub/b.md", article("Beta"))
        try dir.write("other/c.txt", article("Gamma"))
        let statted = FileWalker.walk([lib])
        let left = FileWalker.walk([lib], statFiles: false)
        XCTAssertEqual(left.files.map(\.path), statted.files.map(\.path))
        XCTAssertTrue(left.files.allSatisfy(\.isUnexamined))
        XCTAssertFalse(statted.files.contains(where: \.isUnexamined))
        // Two roots may hold the same file: every file is examined, and repeats dropped.
        let two = FileWalker.walk([lib, lib + "/sub"], statFiles: false)
        XCTAssertEqual(two.files.map(\.path), statted.files.map(\.path))
        XCTAssertEqual(two.files.map(\.size), statted.files.map(\.size))
        // A link to a file makes the walk look for repeats too: the files it left are examined.
        try link("lib/c-link.txt", to: dir.file("other/c.txt").path)
        try link("lib/a-again.txt", to: "a.txt")
        let linked = FileWalker.walk([lib], statFiles: false)
        XCTAssertEqual(Set(linked.files.map(\.path)), [lib + "/a.txt", lib + "/sub/b.md", lib + "/c-link.txt"])
        XCTAssertFalse(linked.files.contains(where: \.isUnexamined))
        XCTAssertEqual(linked.files.first { $0.path.hasSuffix("/a.txt") }?.modified,
                       statted.files.first { $0.path.hasSuffix("/a.txt") }?.modified)
    }

    func testLinksOutOfTheLibraryAreFollowedOnce() throws {
        let lib = dir.file("lib").path
        try dir.write("lib/here.txt", article("Here"))
        try dir.write("elsewhere/folder/far.md", article("Far"))
        try dir.write("elsewhere/single.txt", article("Single"))
        try link("lib/out", to: dir.file("elsewhere/folder").path)
        try link("lib/out-again", to: dir.file("elsewhere/folder").path)
        try link("lib/single.txt", to: dir.file("elsewhere/single.txt").path)
        try link("lib/here-again.txt", to: "here.txt")
        let walk = FileWalker.walk([lib])
        XCTAssertEqual(Set(walk.files.map(\.path)), [lib + "/here.txt", lib + "/single.txt", lib + "/out/far.md"])
        // Only the linked file itself counts as reached through a link (a linked folder is entered once).
        XCTAssertEqual(walk.files.filter(\.viaLink).map(\.path), [lib + "/single.txt"])
        XCTAssertEqual(walk.notices, [LibraryNotice(path: lib + "/out-again", message: "skipped: link to a folder already listed")])
    }

    func testSpecialFilesAndLinksToThemAreSkippedWithoutBlocking() throws {
        let lib = dir.file("lib").path
        try dir.write("lib/good.txt", article("Good"))
        XCTAssertEqual(mkfifo(lib + "/pipe.txt", 0o644), 0)
        try link("lib/zero.txt", to: "/dev/zero")
        try link("lib/fifo-link.md", to: "pipe.txt")
        try link("lib/dangling.txt", to: "nowhere.txt")
        try link("lib/loop.txt", to: "loop.txt")
        let socket = try UnixSocket(path: lib + "/sock.txt")
        defer { socket.close() }
        let walk = FileWalker.walk([lib])
        XCTAssertEqual(walk.files.map(\.path), [lib + "/good.txt"])
        let byPath = Dictionary(uniqueKeysWithValues: walk.notices.map { ($0.path, $0.message) })
        XCTAssertEqual(byPath.count, walk.notices.count, "one notice per problem")
        XCTAssertEqual(byPath[lib + "/pipe.txt"], "skipped: FIFO, not a regular file")
        XCTAssertEqual(byPath[lib + "/sock.txt"], "skipped: socket, not a regular file")
        XCTAssertEqual(byPath[lib + "/zero.txt"], "skipped: character device, not a regular file")
        XCTAssertEqual(byPath[lib + "/fifo-link.md"], "skipped: FIFO, not a regular file")
        XCTAssertEqual(byPath[lib + "/dangling.txt"], "skipped: broken link (target missing)")
        XCTAssertEqual(byPath[lib + "/loop.txt"], "skipped: broken link (a loop of links)")
        XCTAssertEqual(walk.notices.count, 6)

        // Given by name: refused from `stat` alone.
        let roots = FileWalker.walk(["/dev/zero", lib + "/pipe.txt"])
        XCTAssertEqual(roots.files, [])
        XCTAssertEqual(roots.notices.map(\.message), [
            "skipped: character device, not a regular file or folder", "skipped: FIFO, not a regular file or folder",
        ])
    }

    func testNamesWithNewlinesAreReadAndNamesThatAreNotUTF8AreReportedEscaped() throws {
        let lib = dir.file("lib").path
        try dir.write("lib/two\nlines.txt", article("Two lines"))
        try dir.write("lib/\u{202E}txt.exe.md", article("Override"))
        // A name with the byte 0xFF (never valid UTF-8), made with the raw bytes.
        var raw = Array((lib + "/caf").utf8) + [0xFF] + Array(".txt".utf8) + [0]
        let fd = raw.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        XCTAssertGreaterThanOrEqual(fd, 0)
        _ = write(fd, "Caf\n\nBody.\n", 11)
        close(fd)

        let library = Library(paths: [lib], cacheDirectory: nil)
        XCTAssertEqual(Set(library.entries.map(\.title)), ["Two lines", "Override"])
        XCTAssertEqual(library.notices.count, 1)
        XCTAssertEqual(library.notices[0].description, lib + "/caf\\xFF.txt: skipped: name is not valid UTF-8")

        let notice = LibraryNotice(path: lib + "/two\nlines\u{202E}\u{1B}[2J.txt", message: "permission denied")
        XCTAssertEqual(notice.description, lib + "/two\\nlines\\u{202E}\\u{1B}[2J.txt: permission denied")
    }

    func testEscapedKeepsValidSequencesAndEscapesEachBadByte() {
        let bytes: [UInt8] = [0x61, 0xC3, 0xA9, 0xFF, 0xE6, 0x9D, 0xB1, 0xE6, 0x9D, 0x62, 0xF0, 0x9F, 0x98, 0x80]
        let text = bytes.withUnsafeBufferPointer { FileWalker.escaped($0) }
        XCTAssertEqual(text, "aé\\xFF東\\xE6\\x9Db😀")
    }

    func testArticleNameFromBytesAgreesWithTheStringRule() {
        let names = ["a.txt", "a.TXT", "a.Md", "notes.markdown", "page.HTM", "page.html", "a.text", "a.txt.bak", "a.tx",
                     "a.txtx", "a..txt", "a.", "txt", "a.t_t", "a.médoc", "a.md ", "2024-01-01-x.md", "a.b.c.html",
                     "archive.tar.gz", "a.12345678", "a.123456789", "a/.md", "résumé.txt", "x.MARKDOWN", "x.mD"]
        var decided = 0
        for name in names {
            let bytes = Array(name.utf8)
            if let fast = bytes.withUnsafeBufferPointer(FileWalker.isArticleName(bytes:)) {
                decided += 1
                XCTAssertEqual(fast, FileWalker.isArticleName(name), name)
            }
        }
        XCTAssertGreaterThan(decided, 15)
    }
}

/// One folder with more entries than the split threshold: examined in two halves on two
/// threads, it must give exactly what one thread gives. (The folders are a few hundred
/// entries with a threshold to match: creating thousands of files is slow on some disks.)
final class FileWalkerSplitTests: XCTestCase {
    private var dir: TemporaryDirectory!

    override func setUpWithError() throws { dir = try TemporaryDirectory(prefix: "walker-split") }
    override func tearDown() { dir.remove() }

    /// A folder of `count` entries of every kind the walker tells apart, as the only
    /// subfolder of `lib` (so the parallel walk reaches it with both threads free).
    private func makeLargeFolder(count: Int) throws -> String {
        let big = dir.file("lib/big").path
        try FileManager.default.createDirectory(atPath: big, withIntermediateDirectories: true)
        for i in 0..<count {
            let name: String
            switch i % 10 {
            case 0: name = "photo-\(i).jpg"  // not an article: a notice, no stat
            case 1: name = "é-\(i).md"  // not ASCII, valid UTF-8
            case 2: name = ".hidden-\(i).txt"
            default: name = "article-\(i).txt"
            }
            XCTAssertTrue(FileManager.default.createFile(atPath: big + "/" + name, contents: Data("T\(i)\n\nBody \(i).\n".utf8)))
        }
        try FileManager.default.createDirectory(atPath: big + "/sub", withIntermediateDirectories: true)
        try Data("Sub\n\nBody.\n".utf8).write(to: URL(fileURLWithPath: big + "/sub/inner.txt"))
        try Data("Outside\n\nBody.\n".utf8).write(to: dir.file("outside.txt"))
        try FileManager.default.createSymbolicLink(atPath: big + "/link-0.txt", withDestinationPath: dir.file("outside.txt").path)
        try FileManager.default.createSymbolicLink(atPath: big + "/dangling.txt", withDestinationPath: "nowhere.txt")
        XCTAssertEqual(mkfifo(big + "/pipe.txt", 0o644), 0)
        // A name that is not UTF-8.
        let bad = Array(big.utf8) + [0x2F, 0x62, 0xFF, 0x2E, 0x74, 0x78, 0x74, 0]
        let fd = bad.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        XCTAssertGreaterThanOrEqual(fd, 0)
        close(fd)
        return big
    }

    func testALargeFolderSplitBetweenThreadsGivesTheSequentialResult() throws {
        let count = 347
        let big = try makeLargeFolder(count: count)
        let lib = dir.file("lib").path
        let parallel = FileWalker.walk([lib], parallel: true, splitAt: 200)
        let sequential = FileWalker.walk([lib], parallel: false)
        XCTAssertEqual(FileWalker.walk([lib], parallel: true).files, sequential.files)  // not split
        XCTAssertEqual(parallel.files, sequential.files)
        XCTAssertEqual(parallel.notices, sequential.notices)
        // Every file of the folder, in `readdir` order, then the subfolder's.
        let articles = (0..<count).filter { $0 % 10 != 0 && $0 % 10 != 2 }.count
        XCTAssertEqual(parallel.files.count, articles + 2)  // the link to a file, and sub/inner.txt
        XCTAssertEqual(parallel.files.last?.path, big + "/sub/inner.txt")
        XCTAssertEqual(parallel.files.filter(\.viaLink).map(\.path), [big + "/link-0.txt"])
        XCTAssertEqual(Set(parallel.files.map(\.path)).count, parallel.files.count)
        XCTAssertTrue(parallel.files.contains { $0.path == big + "/é-1.md" })
        XCTAssertFalse(parallel.files.contains { $0.path.contains("/.hidden") })
        let messages = Dictionary(parallel.notices.map { ($0.message, 1) }, uniquingKeysWith: +)
        XCTAssertEqual(messages["skipped: not an article file (.jpg)"], count / 10 + (count % 10 > 0 ? 1 : 0))
        XCTAssertEqual(messages["skipped: broken link (target missing)"], 1)
        XCTAssertEqual(messages["skipped: FIFO, not a regular file"], 1)
        XCTAssertEqual(parallel.notices.filter { $0.message == "skipped: name is not valid UTF-8" }.map(\.path), [big + "/b\\xFF.txt"])
        // Each found file's size and time are its own.
        for file in parallel.files.prefix(50) {
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            XCTAssertEqual(file.size, (attributes[.size] as? NSNumber)?.intValue, file.path)
        }
    }

    func testAFolderIsReadFromTheCacheAndChangesAfterwardsAreSeen() throws {
        let big = try makeLargeFolder(count: 120)
        let lib = dir.file("lib").path
        let cache = dir.file("cache")
        let first = Library(paths: [lib], cacheDirectory: cache)
        let uncached = Library(paths: [lib], cacheDirectory: nil)
        XCTAssertEqual(first.entries, uncached.entries)
        XCTAssertEqual(first.notices, uncached.notices)
        let warm = Library(paths: [lib], cacheDirectory: cache)
        XCTAssertEqual(warm.parsedCount, 0)
        XCTAssertEqual(warm.entries, first.entries)
        XCTAssertEqual(warm.notices, first.notices)

        // Same size, new time and text; a new file; a removed file.
        let changed = big + "/article-5.txt"
        try Data("T5!\n\nBody 5.\n".utf8).write(to: URL(fileURLWithPath: changed))
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: changed)[.size] as? NSNumber)?.intValue, "T5\n\nBody 5.\n".utf8.count + 1)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 2_000_000_000)], ofItemAtPath: changed)
        try Data("Added\n\nA new body.\n".utf8).write(to: URL(fileURLWithPath: big + "/added.txt"))
        try FileManager.default.removeItem(atPath: big + "/article-7.txt")
        let after = Library(paths: [lib], cacheDirectory: cache)
        XCTAssertEqual(after.parsedCount, 2)
        XCTAssertTrue(after.entries.contains { $0.path == changed && $0.title == "T5!" })
        XCTAssertTrue(after.entries.contains { $0.path == big + "/added.txt" && $0.title == "Added" })
        XCTAssertFalse(after.entries.contains { $0.path == big + "/article-7.txt" })
        XCTAssertEqual(after.entries, Library(paths: [lib], cacheDirectory: nil).entries)

        // Only the time changes (same bytes): the file is parsed again all the same.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 2_000_000_100)], ofItemAtPath: changed)
        let touched = Library(paths: [lib], cacheDirectory: cache)
        XCTAssertEqual(touched.parsedCount, 1)
        XCTAssertEqual(touched.entries.first { $0.path == changed }?.date, Date(timeIntervalSince1970: 2_000_000_100))
        XCTAssertEqual(touched.entries, Library(paths: [lib], cacheDirectory: nil).entries)
    }
}

/// A listening Unix-domain socket at a path (a socket file in a folder).
private struct UnixSocket {
    let fd: Int32

    init(path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw POSIXError(.ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in bytes.enumerated() { raw[i] = byte }
        }
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard status == 0 else { throw POSIXError(.EADDRINUSE) }
    }

    func close() { _ = Glibc.close(fd) }
}
