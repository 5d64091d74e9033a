import BulletinTestSupport
import Foundation
import XCTest

/// `bulletin list`, `show`, `--help` and `--version` run as processes.
final class ListShowCommandTests: XCTestCase {
    private var dir: TemporaryDirectory!

    override func setUpWithError() throws { dir = try TemporaryDirectory(prefix: "list-cli") }
    override func tearDown() { dir.remove() }

    private var env: [String: String] {
        ["BULLETIN_CACHE_DIR": dir.file("cache").path, "BULLETIN_STATE_DIR": dir.file("state").path]
    }

    func testListOfTheBundledLibrary() throws {
        let result = try ProcessRunner.bulletin(["list"], environment: env)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertGreaterThanOrEqual(lines.count, 12)
        for line in lines {
            XCTAssertNotNil(line.range(of: #"^[0-9a-f]{16}  .+  \d+ min$"#, options: .regularExpression), String(line))
        }
    }

    func testListJSONIsNewestFirst() throws {
        let old = try dir.write("lib/old.txt", "Older piece\n\nBody.\n")
        try dir.write("lib/new.txt", "Newer piece\n\nBody.\n")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000)], ofItemAtPath: old.path)
        let result = try ProcessRunner.bulletin(["list", "--json", dir.file("lib").path], environment: env)
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]])
        XCTAssertEqual(rows.compactMap { $0["title"] as? String }, ["Newer piece", "Older piece"])
        XCTAssertEqual(Set(rows[0].keys), ["id", "path", "title", "source", "author", "date", "wordCount", "readingMinutes"])
    }

    func testListReportsSkippedFilesOnStderr() throws {
        try dir.write("lib/a.txt", "Good one\n\nBody.\n")
        try dir.write("lib/pic.png", "png")
        let result = try ProcessRunner.bulletin(["list", dir.file("lib").path], environment: env)
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("Good one"))
        XCTAssertTrue(result.stderr.contains("pic.png"), result.stderr)
        XCTAssertFalse(result.stdout.contains("pic.png"))
    }

    func testShowByFileAndByIDWrapsToWidth() throws {
        let body = String(repeating: "Sentences keep the reader company on a long afternoon. ", count: 12)
        let file = try dir.write("lib/a.txt", "Company of sentences\n\n\(body)\n")
        let byFile = try ProcessRunner.bulletin(["show", file.path, "--width", "50"], environment: env)
        XCTAssertEqual(byFile.status, 0, byFile.stderr)
        XCTAssertTrue(byFile.stdout.hasPrefix("Company of sentences\n"))
        for line in byFile.stdout.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 50, String(line)) }

        let list = try ProcessRunner.bulletin(["list", dir.file("lib").path], environment: env)
        let id = String(list.stdout.prefix(16))
        let byID = try ProcessRunner.bulletin(["show", id, "--library", dir.file("lib").path, "--width", "50"], environment: env)
        XCTAssertEqual(byID.status, 0, byID.stderr)
        XCTAssertEqual(byID.stdout, byFile.stdout)
    }

    func testShowUnknownIDIsOneLineExitOne() throws {
        let result = try ProcessRunner.bulletin(["show", "0123456789abcdef"], environment: env)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("0123456789abcdef"))
    }

    func testHelpOnEveryCommandAndVersion() throws {
        for command in ["parse", "list", "show", "saved", "save", "unsave", "mark-read", "mark-unread", "export-saved", "screenshot"] {
            let result = try ProcessRunner.bulletin([command, "--help"])
            XCTAssertEqual(result.status, 0, command)
            XCTAssertTrue(result.stdout.contains("USAGE"), command)
        }
        let version = try ProcessRunner.bulletin(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.contains("."))
    }
}
