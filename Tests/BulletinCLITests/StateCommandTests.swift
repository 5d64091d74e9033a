import BulletinTestSupport
import Foundation
import XCTest

/// `saved`, `save`, `unsave`, `mark-read`, `mark-unread` and `export-saved` run as processes
/// on temporary libraries and state folders (never the real home).
final class StateCommandTests: XCTestCase {
    var temp: TemporaryDirectory!
    var library: URL { temp.url.appendingPathComponent("library", isDirectory: true) }
    var state: URL { temp.url.appendingPathComponent("state", isDirectory: true) }
    var environment: [String: String] {
        ["HOME": temp.url.appendingPathComponent("home").path, "XDG_CACHE_HOME": temp.url.appendingPathComponent("cache").path,
         "XDG_DATA_HOME": temp.url.appendingPathComponent("data").path, "BULLETIN_STATE_DIR": ""]
    }

    override func setUpWithError() throws {
        temp = try TemporaryDirectory(prefix: "bulletin-cli-state")
        try temp.write("library/lighthouse.txt", """
            The Lighthouse Keepers of the North Sea

            For two centuries, keepers climbed the spiral stairs every evening to light the lamp that warned ships off the sandbanks.

            The last keeper left in 1998, and the light has been automatic ever since, watched from a control room on the mainland.
            """)
        try temp.write("library/bread.txt", """
            Why Sourdough Bread Takes So Long

            A sourdough starter is a slow community of wild yeast and bacteria that needs hours to raise a loaf.

            Bakers who rush the proof get a dense crumb and a sour, flat taste.
            """)
    }

    override func tearDown() { temp.remove() }

    @discardableResult
    func run(_ arguments: [String], env extra: [String: String] = [:]) throws -> ProcessResult {
        try ProcessRunner.bulletin(arguments, environment: environment.merging(extra) { $1 })
    }

    /// id of the article whose title contains `word`, from `bulletin list --json`.
    func id(_ word: String) throws -> String {
        let result = try run(["list", "--json", "--no-cache", library.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]])
        let row = try XCTUnwrap(rows.first { ($0["title"] as? String)?.contains(word) == true }, "no \(word) in \(rows)")
        return try XCTUnwrap(row["id"] as? String)
    }

    func assertOneLineFailure(_ result: ProcessResult, mentioning text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.status, 1, result.stderr, file: file, line: line)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix("bulletin: "), result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(text), result.stderr, file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
    }

    func testSavedFavoriteSurvivesDeletingItsSourceFile() throws {
        let lighthouse = try id("Lighthouse")
        let save = try run(["save", lighthouse, "--library", library.path, "--state-dir", state.path])
        XCTAssertEqual(save.status, 0, save.stderr)
        XCTAssertEqual(save.stdout, "saved \(lighthouse)  The Lighthouse Keepers of the North Sea\n")

        try FileManager.default.removeItem(at: library.appendingPathComponent("lighthouse.txt"))

        let saved = try run(["saved", "--state-dir", state.path])
        XCTAssertEqual(saved.status, 0, saved.stderr)
        XCTAssertTrue(saved.stdout.hasPrefix("\(lighthouse)  The Lighthouse Keepers of the North Sea"), saved.stdout)
        XCTAssertEqual(saved.stdout.split(separator: "\n").count, 1)

        let json = try run(["saved", "--json", "--state-dir", state.path])
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: json.stdoutData) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["id"] as? String }, [lighthouse])
        XCTAssertNotNil(rows.first?["savedAt"] as? String)

        let markdown = try run(["export-saved", "--format", "markdown", "--state-dir", state.path])
        XCTAssertEqual(markdown.status, 0, markdown.stderr)
        XCTAssertTrue(markdown.stdout.hasPrefix("# The Lighthouse Keepers of the North Sea\n"), markdown.stdout)
        XCTAssertTrue(markdown.stdout.contains("The last keeper left in 1998"), markdown.stdout)
        XCTAssertTrue(markdown.stdout.contains("id \(lighthouse)"), markdown.stdout)

        let exported = try run(["export-saved", "--format", "json", "--state-dir", state.path])
        XCTAssertEqual(exported.status, 0, exported.stderr)
        let favorites = try XCTUnwrap(try JSONSerialization.jsonObject(with: exported.stdoutData) as? [[String: Any]])
        let article = try XCTUnwrap(favorites.first?["article"] as? [String: Any])
        XCTAssertEqual(article["title"] as? String, "The Lighthouse Keepers of the North Sea")
        let paragraphs = (article["sections"] as? [[String: Any]])?.flatMap { $0["paragraphs"] as? [String] ?? [] } ?? []
        XCTAssertTrue(paragraphs.contains { $0.contains("spiral stairs") }, "\(paragraphs)")

        // The default format is markdown; a bad one is a usage error.
        XCTAssertEqual(try run(["export-saved", "--state-dir", state.path]).stdout, markdown.stdout)
        XCTAssertEqual(try run(["export-saved", "--format", "pdf", "--state-dir", state.path]).status, 2)
    }

    func testUnsaveRemovesAndUnknownIDsFailWithOneLine() throws {
        let bread = try id("Sourdough")
        XCTAssertEqual(try run(["save", bread, "--library", library.path, "--state-dir", state.path]).status, 0)
        let unsave = try run(["unsave", bread, "--state-dir", state.path])
        XCTAssertEqual(unsave.status, 0, unsave.stderr)
        XCTAssertTrue(unsave.stdout.hasPrefix("unsaved \(bread)"), unsave.stdout)
        XCTAssertEqual(try run(["saved", "--state-dir", state.path]).stdout, "")
        XCTAssertEqual(try run(["export-saved", "--format", "json", "--state-dir", state.path]).stdout, "[\n\n]\n")

        assertOneLineFailure(try run(["unsave", bread, "--state-dir", state.path]), mentioning: bread)
        let unknown = "00000000deadbeef"
        assertOneLineFailure(try run(["save", unknown, "--library", library.path, "--state-dir", state.path]), mentioning: unknown)
        assertOneLineFailure(try run(["mark-read", unknown, "--library", library.path, "--state-dir", state.path]), mentioning: unknown)
        assertOneLineFailure(try run(["mark-unread", unknown, "--library", library.path, "--state-dir", state.path]), mentioning: unknown)
        assertOneLineFailure(try run(["unsave", unknown, "--state-dir", state.path]), mentioning: unknown)
        assertOneLineFailure(try run(["mark-read", "not-an-id", "--library", library.path, "--state-dir", state.path]), mentioning: "not-an-id")
    }

    func testMarkReadAndUnreadWriteTheReadFile() throws {
        let lighthouse = try id("Lighthouse")
        let read = try run(["mark-read", lighthouse, "--library", library.path, "--state-dir", state.path])
        XCTAssertEqual(read.status, 0, read.stderr)
        XCTAssertEqual(read.stdout, "marked read \(lighthouse)  The Lighthouse Keepers of the North Sea\n")
        XCTAssertEqual(try readEntry(lighthouse)?["read"] as? Bool, true)

        let unread = try run(["mark-unread", lighthouse, "--library", library.path, "--state-dir", state.path])
        XCTAssertEqual(unread.status, 0, unread.stderr)
        let entry = try XCTUnwrap(try readEntry(lighthouse))
        XCTAssertEqual(entry["read"] as? Bool, false, "recorded as a tombstone")
        XCTAssertNotNil(entry["changedAt"] as? Int64)

        // An article file works as well as an id.
        let byFile = try run(["mark-read", library.appendingPathComponent("bread.txt").path, "--state-dir", state.path])
        XCTAssertEqual(byFile.status, 0, byFile.stderr)
        XCTAssertEqual(try readEntry(try id("Sourdough"))?["read"] as? Bool, true)
    }

    func testStateFolderComesFromTheEnvironmentAndIsPrivate() throws {
        let bread = try id("Sourdough")
        let fromEnv = temp.url.appendingPathComponent("env-state", isDirectory: true)
        let result = try run(["save", bread, "--library", library.path], env: ["BULLETIN_STATE_DIR": fromEnv.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(mode(fromEnv), 0o700)
        XCTAssertEqual(mode(fromEnv.appendingPathComponent("saved.json")), 0o600)
        XCTAssertTrue(try run(["saved"], env: ["BULLETIN_STATE_DIR": fromEnv.path]).stdout.contains(bread))

        // Without either, $XDG_DATA_HOME/bulletin.
        XCTAssertEqual(try run(["mark-read", bread, "--library", library.path]).status, 0)
        let xdg = temp.url.appendingPathComponent("data/bulletin/read-journal.jsonl")
        XCTAssertTrue(FileManager.default.fileExists(atPath: xdg.path))
    }

    /// `saved` only reads: it reports a damaged file in one line and leaves it where it is;
    /// the next command that writes moves it aside.
    func testCorruptStateIsReportedAndMovedAsideByAWrite() throws {
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try Data("{ not json".utf8).write(to: state.appendingPathComponent("saved.json"))
        let result = try run(["saved", "--state-dir", state.path])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("saved.json is not valid JSON; ignored it"), result.stderr)
        XCTAssertEqual(try String(contentsOf: state.appendingPathComponent("saved.json"), encoding: .utf8), "{ not json")

        let save = try run(["save", try id("Sourdough"), "--library", library.path, "--state-dir", state.path])
        XCTAssertEqual(save.status, 0, save.stderr)
        XCTAssertTrue(save.stderr.contains("saved.json.corrupt-"), save.stderr)
    }

    /// `saved`, `export-saved`, `show` and `screenshot` create nothing: no folder, no lock file.
    func testReadingCommandsNeverCreateTheStateFolder() throws {
        let bread = try id("Sourdough")
        for arguments in [["saved"], ["saved", "--json"], ["export-saved"], ["show", bread, "--library", library.path, "--no-cache"],
                          ["screenshot", library.path, "--no-cache", "--size", "80x10", "--keys", "Enter"]] {
            let result = try run(arguments + ["--state-dir", state.path])
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: state.path), "\(arguments) created the state folder")
        }
    }

    /// `show`, `save` and `mark-read` use `--cache-dir` for the library's index cache, and
    /// `--no-cache` writes none.
    func testLookupCommandsHonourTheCacheOptions() throws {
        let bread = try id("Sourdough")
        let cache = temp.url.appendingPathComponent("lookup-cache", isDirectory: true)
        // mark-read before save: once the article is a favorite, mark-read finds its title
        // there and never opens the library.
        for command in ["show", "mark-read", "save"] {
            try? FileManager.default.removeItem(at: cache)
            // A fresh state folder each time, so that no favorite answers before the library.
            let state = temp.url.appendingPathComponent("state-\(command)", isDirectory: true)
            let result = try run([command, bread, "--library", library.path, "--cache-dir", cache.path, "--state-dir", state.path],
                                 env: ["XDG_CACHE_HOME": temp.url.appendingPathComponent("xdg-cache").path])
            XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)")
            XCTAssertFalse(((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).isEmpty, "\(command) wrote no cache in --cache-dir")
            let noCache = try run([command, bread, "--library", library.path, "--no-cache", "--state-dir", state.path],
                                  env: ["XDG_CACHE_HOME": temp.url.appendingPathComponent("none").path])
            XCTAssertEqual(noCache.status, 0, "\(command) --no-cache: \(noCache.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: temp.url.appendingPathComponent("none").path), "\(command) --no-cache wrote a cache")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: temp.url.appendingPathComponent("xdg-cache").path), "the default cache was used")
    }

    /// A file in the current folder named like an id: `show` and `mark-read` agree on what
    /// it names (the id when an article has it, else the file; `./NAME` is always the file).
    func testAFileNamedLikeAnIdMeansTheSameToEveryCommand() throws {
        let bread = try id("Sourdough")
        let lighthouse = try id("Lighthouse")
        let folder = temp.url.appendingPathComponent("cwd", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A file named like the Sourdough id, holding the Lighthouse article.
        try FileManager.default.copyItem(at: library.appendingPathComponent("lighthouse.txt"), to: folder.appendingPathComponent(bread))
        let unknown = "00000000000000aa"
        try FileManager.default.copyItem(at: library.appendingPathComponent("lighthouse.txt"), to: folder.appendingPathComponent(unknown))
        func inFolder(_ arguments: [String]) throws -> ProcessResult {
            try ProcessRunner.run(Products.bulletin, arguments, environment: environment, currentDirectory: folder)
        }
        // The id is known: both commands mean the Sourdough article.
        let shown = try inFolder(["show", bread, "--library", library.path, "--no-cache", "--state-dir", state.path])
        XCTAssertTrue(shown.stdout.contains("Sourdough"), shown.stdout + shown.stderr)
        let marked = try inFolder(["mark-read", bread, "--library", library.path, "--no-cache", "--state-dir", state.path])
        XCTAssertTrue(marked.stdout.contains(bread), marked.stdout + marked.stderr)
        // No article has the id: both commands read the file.
        let shownFile = try inFolder(["show", unknown, "--library", library.path, "--no-cache", "--state-dir", state.path])
        XCTAssertTrue(shownFile.stdout.contains("Lighthouse"), shownFile.stdout + shownFile.stderr)
        let markedFile = try inFolder(["mark-read", unknown, "--library", library.path, "--no-cache", "--state-dir", state.path])
        XCTAssertEqual(markedFile.stdout, "marked read \(lighthouse)  The Lighthouse Keepers of the North Sea\n", markedFile.stderr)
        // ./NAME is the file even when the id is known.
        let explicit = try inFolder(["mark-read", "./" + bread, "--library", library.path, "--no-cache", "--state-dir", state.path])
        XCTAssertTrue(explicit.stdout.contains(lighthouse), explicit.stdout + explicit.stderr)
    }

    /// The last journal record of `id` as `["read": Bool, "changedAt": Int64]`.
    private func readEntry(_ id: String) throws -> [String: Any]? {
        let data = try Data(contentsOf: state.appendingPathComponent("read-journal.jsonl"))
        var entry: [String: Any]?
        for line in data.split(separator: 0x0A).dropFirst() {
            guard let array = try JSONSerialization.jsonObject(with: Data(line)) as? [Any], array.first as? String == id else { continue }
            entry = ["read": array.count >= 3, "changedAt": Int64(array[1] as? Int ?? -1)]
        }
        return entry
    }

    private func mode(_ url: URL) -> Int {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return -1 }
        return Int(info.st_mode & 0o777)
    }
}
