import BulletinTestSupport
import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `bulletin list` on a folder built to trap a naive walker: link cycles, a FIFO, a link to
/// /dev/zero, unreadable entries and hostile names. Run as a process with a time limit.
final class HostileFolderTests: XCTestCase {
    private var dir: TemporaryDirectory!

    override func setUpWithError() throws { dir = try TemporaryDirectory(prefix: "hostile") }
    override func tearDown() { dir.remove() }

    private func link(_ name: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: dir.file(name).path, withDestinationPath: target)
    }

    /// Runs `bulletin` as an unprivileged user when the tests run as root (root reads
    /// folders whatever their mode, so "unreadable" needs another user).
    private func bulletinAsUser(_ arguments: [String], timeout: TimeInterval) throws -> ProcessResult {
        if geteuid() == 0 {
            let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
            try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: setpriv.path), "setpriv (util-linux) is needed as root")
            // A copy beside the test folder: the build folder may sit where that user cannot go.
            let copy = dir.file("bin/bulletin")
            try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Products.bulletin, to: copy)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.url.path)
            return try ProcessRunner.run(
                setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", "--", copy.path] + arguments,
                timeout: timeout)
        }
        return try ProcessRunner.bulletin(arguments, timeout: timeout)
    }

    func testListFinishesWithOneNoticePerProblem() throws {
        let lib = dir.file("lib").path
        try dir.write("lib/good.txt", "Good article\n\nA paragraph of body text.\n")
        try dir.write("lib/a/one.txt", "Article one\n\nAnother paragraph of body text.\n")
        try dir.write("lib/a/b/two.md", "Article two\n\nA third paragraph of body text.\n")
        try link("lib/a/up", to: "..")
        try link("lib/a/b/root", to: lib)
        XCTAssertEqual(mkfifo(lib + "/pipe.txt", 0o644), 0)
        try link("lib/zero.txt", to: "/dev/zero")
        try dir.write("lib/locked/inside.txt", "Locked away\n\nBody.\n")
        XCTAssertEqual(chmod(lib + "/locked", 0), 0)
        try dir.write("lib/secret.txt", "Secret\n\nBody.\n")
        XCTAssertEqual(chmod(lib + "/secret.txt", 0), 0)
        try dir.write("lib/line\nbreak.txt", "Line break\n\nBody of the article with a newline in its name.\n")
        let bad = Array((lib + "/caf").utf8) + [0xFF] + Array(".txt".utf8)
        XCTAssertGreaterThanOrEqual(creat(bad), 0)

        let result = try bulletinAsUser(["list", "--no-cache", lib], timeout: 20)
        XCTAssertNotEqual(result.status, 137, "bulletin list did not finish in 20 s")
        XCTAssertEqual(result.status, 0, result.stderr)
        let titles = result.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().joined(separator: " ") }
        XCTAssertEqual(titles.count, 4, result.stdout)
        for title in ["Good article", "Article one", "Article two", "Line break"] {
            XCTAssertEqual(titles.filter { $0.hasPrefix(title) }.count, 1, "\(title) in\n\(result.stdout)")
        }

        let notices = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        let expected = [
            lib + "/a/up: skipped: link to a folder already listed",
            lib + "/a/b/root: skipped: link to a folder already listed",
            lib + "/pipe.txt: skipped: FIFO, not a regular file",
            lib + "/zero.txt: skipped: character device, not a regular file",
            lib + "/locked: permission denied",
            lib + "/secret.txt: permission denied",
            lib + "/caf\\xFF.txt: skipped: name is not valid UTF-8",
        ]
        XCTAssertEqual(Set(notices), Set(expected.map { "bulletin: " + $0 }), result.stderr)
        XCTAssertEqual(notices.count, expected.count, result.stderr)
        XCTAssertFalse(result.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, result.stderr)
    }

    private func creat(_ bytes: [UInt8]) -> Int32 {
        let fd = (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        if fd >= 0 {
            _ = write(fd, "Café\n\nBody.\n", 13)
            close(fd)
        }
        return fd
    }
}
