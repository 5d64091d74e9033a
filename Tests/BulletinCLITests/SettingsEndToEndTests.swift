import BulletinTestSupport
import Foundation
import XCTest

/// The settings file with the built binary: `bulletin config`, the reader refusing an
/// invalid file, the README's key table, and remapped keys in a real terminal (tmux).
final class SettingsEndToEndTests: XCTestCase {
    var temp: TemporaryDirectory!
    var sessions: [TmuxSession] = []

    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Products.bulletin.path), "bulletin is not built")
        temp = try TemporaryDirectory(prefix: "bulletin-settings-e2e")
    }

    override func tearDown() {
        for session in sessions { session.kill() }
        temp?.remove()
    }

    /// No user settings leak in: XDG_CONFIG_HOME is a fresh folder, BULLETIN_CONFIG unset.
    var isolated: [String: String] { ["XDG_CONFIG_HOME": temp.file("xdg").path, "BULLETIN_CONFIG": ""] }

    func bulletin(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        try ProcessRunner.bulletin(arguments, environment: isolated.merging(environment) { $1 })
    }

    func testDefaultFileChecksCleanAndChangesNothing() throws {
        let defaults = try bulletin(["config", "--default"])
        XCTAssertEqual(defaults.status, 0, defaults.stderr)
        let file = try temp.write("xdg/bulletin/config.toml", defaults.stdout)
        let check = try bulletin(["config", "--check"])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertEqual(check.stderr, "")
        XCTAssertEqual(check.stdout, "")
        let withFile = try bulletin(["config"])
        try FileManager.default.removeItem(at: file)
        let withoutFile = try bulletin(["config"])
        XCTAssertEqual(withFile.status, 0)
        XCTAssertEqual(withFile.stdout, withoutFile.stdout, "the default file gives exactly the defaults")
        XCTAssertTrue(withoutFile.stdout.contains("move-down = [\"j\", \"Down\"]"), withoutFile.stdout)
    }

    func testCheckReportsErrorsWithPositionsAndExits2() throws {
        let file = try temp.write("bad.toml", "[keys]\nmove-down = 3\nmove-dwn = [\"x\"]\n")
        let result = try bulletin(["config", "--check", "--config", file.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, """
            \(file.path):2:13: move-down: expected a list of keys, found an integer
            \(file.path):3:1: warning: unknown action "move-dwn", ignored (did you mean "move-down"?)

            """)
        let syntax = try temp.write("syntax.toml", "[reader]\nmeasure = = 3\n")
        let bad = try bulletin(["config", "--check"], environment: ["BULLETIN_CONFIG": syntax.path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.hasPrefix("\(syntax.path):2:"), bad.stderr)
        let warnOnly = try temp.write("warn.toml", "[reader]\nmesure = 60\n")
        let warned = try bulletin(["config", "--check", "--config", warnOnly.path])
        XCTAssertEqual(warned.status, 0, "unknown names are warnings")
        XCTAssertTrue(warned.stderr.contains("did you mean \"measure\"?"), warned.stderr)
        let missing = try bulletin(["config", "--check", "--config", temp.file("none.toml").path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("none.toml:1:1: no such file"), missing.stderr)
    }

    func testPath() throws {
        XCTAssertEqual(try bulletin(["config", "--path"]).stdout, temp.file("xdg").path + "/bulletin/config.toml\n")
        XCTAssertEqual(try bulletin(["config", "--path"], environment: ["BULLETIN_CONFIG": "/x/y.toml"]).stdout, "/x/y.toml\n")
        XCTAssertEqual(try bulletin(["config", "--path", "--config", "/z.toml"]).stdout, "/z.toml\n")
    }

    func testAnInvalidFileStopsTheReaderFirst() throws {
        let file = try temp.write("bad.toml", "[reader]\nsort = \"size\"\n")
        let state = temp.file("state").path
        // Without a terminal the reader would say it needs one (exit 1): the settings come first.
        let result = try bulletin([Products.sampleLibrary.path, "--no-cache", "--state-dir", state, "--config", file.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "\(file.path):2:8: sort: expected one of \"date\", \"source\", \"title\", found \"size\"\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: state), "nothing was opened")
    }

    func testScreenshotUsesTheSettings() throws {
        let file = try temp.write("keys.toml", "[keys]\nmove-down = [\"x\"]\nhelp = [\"F\"]\n[reader]\nsort = \"title\"\n")
        let args = ["screenshot", Products.sampleLibrary.path, "--no-cache", "--state-dir", temp.file("state").path,
                    "--size", "80x24", "--config", file.path]
        let help = try bulletin(args + ["--keys", "x F"])
        XCTAssertEqual(help.status, 0, help.stderr)
        XCTAssertTrue(help.stdout.contains("x k ↓ ↑") == false && help.stdout.contains("x k ↑"), help.stdout)
        XCTAssertTrue(help.stdout.contains("2/"), "x moved to the second row: \(help.stdout)")
    }

    func testListIncludesTheLibraryFolders() throws {
        let extra = temp.file("extra")
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
        _ = try temp.write("extra/2024-05-01-extra.txt", "A harbour crane goes home\n\nThe old crane on the east quay was lifted onto a barge on Tuesday.\n")
        let file = try temp.write("library.toml", "[library]\nfolders = [\"\(extra.path)\"]\n")
        let args = ["list", Products.sampleLibrary.path, "--no-cache"]
        let without = try bulletin(args)
        XCTAssertEqual(without.status, 0, without.stderr)
        XCTAssertFalse(without.stdout.contains("A harbour crane goes home"), without.stdout)
        let with = try bulletin(args + ["--config", file.path])
        XCTAssertEqual(with.status, 0, with.stderr)
        XCTAssertTrue(with.stdout.contains("A harbour crane goes home"), with.stdout)
        XCTAssertEqual(with.stdout.split(separator: "\n").count, without.stdout.split(separator: "\n").count + 1)
        let bad = try temp.write("bad.toml", "[library]\nfolders = 3\n")
        let refused = try bulletin(args + ["--config", bad.path])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("bad.toml:2:"), refused.stderr)
    }

    func testShowAndSaveFindIdsInTheLibraryFolders() throws {
        let extra = temp.file("extra")
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
        let article = try temp.write("extra/2024-05-02-ferry.txt", "The night ferry keeps its timetable\n\nThe last ferry of the evening left the pier on time again this week.\n")
        let file = try temp.write("library.toml", "[library]\nfolders = [\"\(extra.path)\"]\n")
        let parsed = try bulletin(["parse", "--json", article.path])
        XCTAssertEqual(parsed.status, 0, parsed.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any]
        let id = try XCTUnwrap(json?["id"] as? String)
        let env = ["XDG_DATA_HOME": temp.file("data").path]
        let state = ["--state-dir", temp.file("state").path, "--no-cache"]
        let unknown = try bulletin(["show", id] + state, environment: env)
        XCTAssertEqual(unknown.status, 1, unknown.stdout)
        XCTAssertTrue(unknown.stderr.contains("no article with this id"), unknown.stderr)
        let shown = try bulletin(["show", id, "--config", file.path, "--width", "60"] + state, environment: env)
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("The night ferry keeps its timetable"), shown.stdout)
        let saved = try bulletin(["save", id, "--config", file.path] + state, environment: env)
        XCTAssertEqual(saved.status, 0, saved.stderr)
        let favorites = try bulletin(["saved", "--state-dir", temp.file("state").path], environment: env)
        XCTAssertTrue(favorites.stdout.contains("The night ferry keeps its timetable"), favorites.stdout)
        let bad = try temp.write("bad.toml", "[library]\nfolders = 3\n")
        let refused = try bulletin(["show", id, "--config", bad.path] + state, environment: env)
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("bad.toml:2:"), refused.stderr)
    }

    func testReadmeKeyTableIsTheGeneratedOne() throws {
        let readme = try String(contentsOf: Products.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let table = try bulletin(["config", "--keys-table"])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(readme.contains(table.stdout),
                      "README's key table differs from `bulletin config --keys-table`; paste its output:\n\(table.stdout)")
        XCTAssertTrue(table.stdout.contains("| `move-down` |"))
    }

    func testReadmeDocumentsEverySetting() throws {
        let readme = try String(contentsOf: Products.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let defaults = try bulletin(["config", "--default"]).stdout
        for line in defaults.split(separator: "\n") where !line.hasPrefix("# ") && line.contains(" = ") {
            let name = line.drop { $0 == "#" }.prefix { $0 != " " }
            XCTAssertTrue(readme.contains("`\(name)`"), "README does not mention `\(name)`")
        }
    }

    func testRemappedKeysInARealTerminal() throws {
        try XCTSkipUnless(TmuxSession.isAvailable, "tmux is not installed")
        let library = temp.file("lib")
        try temp.write("lib/one.txt", "The first article\n\nIts only paragraph.\n")
        try temp.write("lib/two.txt", "The second article\n\nAnother paragraph.\n")
        let config = try temp.write("config.toml", "[keys]\nmove-down = [\"x\"]\nquit = [\"Z\"]\n")
        let script = "\"$0\" \"$@\"; echo \"bulletin exited with status $?\"; exec sleep 600"
        let tmux = try TmuxSession(
            command: ["/bin/sh", "-c", script, Products.bulletin.path, library.path, "--no-cache",
                      "--state-dir", temp.file("state").path, "--config", config.path],
            width: 80, height: 24, environment: isolated)
        sessions.append(tmux)
        try tmux.waitFor("1/2")
        try tmux.send("x")
        var screen = try tmux.waitFor("2/2")
        try tmux.send("k")
        try tmux.waitFor("1/2")
        try tmux.send("j")  // no longer bound: keys are handled in order, so the box below shows 1/2
        try tmux.send("?")
        // ncurses draws row by row: wait for the whole box, then read it.
        screen = try tmux.waitUntil("the help box drawn") { $0.contains("close this help") && $0.contains("└") }
        XCTAssertTrue(screen.contains("│ x k ↑       move / scroll a line"), "help shows the remapped key:\n\(screen)")
        XCTAssertTrue(screen.contains("│ Z           quit from anywhere"), screen)
        XCTAssertTrue(screen.contains("1/2"), "j did not move:\n\(screen)")
        try tmux.send("?")
        try tmux.waitUntil("help closed") { !$0.contains("Keys") }
        try tmux.send("Q")
        try tmux.send("Z")
        screen = try tmux.waitFor("bulletin exited with status ")
        let status = screen.components(separatedBy: "bulletin exited with status ").last.map { Int($0.prefix { $0.isNumber }) }
        XCTAssertEqual(status, 0)
    }
}
