import BulletinTestSupport
import Foundation
import XCTest

/// The real `bulletin` binary in a headless tmux pane, with a temporary state folder.
final class ReaderEndToEndTests: XCTestCase {
    var temp: TemporaryDirectory!
    var sessions: [TmuxSession] = []

    override func setUpWithError() throws {
        try XCTSkipUnless(TmuxSession.isAvailable, "tmux is not installed")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Products.bulletin.path), "bulletin is not built")
        temp = try TemporaryDirectory(prefix: "bulletin-e2e")
    }

    override func tearDown() {
        for session in sessions { session.kill() }
        temp?.remove()
    }

    var stateDir: String { temp.file("state").path }

    func start(_ paths: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws -> TmuxSession {
        // A shell stays in the pane and prints the exit status: tmux does not always report
        // `pane_dead_status` for a program that exits right after closing the terminal.
        let script = "\"$0\" \"$@\"; echo \"bulletin exited with status $?\"; exec sleep 600"
        let session = try TmuxSession(
            command: ["/bin/sh", "-c", script, Products.bulletin.path] + paths + ["--no-cache", "--state-dir", stateDir],
            width: width, height: height,
            environment: ["XDG_CONFIG_HOME": temp.file("config").path].merging(environment) { $1 })
        sessions.append(session)
        return session
    }

    /// A library with exact content: a short article and a long one with one-line paragraphs.
    func writeLibrary() throws -> String {
        try temp.write("lib/ferry.txt", """
            The night ferry runs again

            At eleven in the evening the quay is quiet, apart from the ferry.

            The crossing takes ninety minutes.
            """)
        var long = "The lighthouse logbooks\n\n"
        for i in 1...80 { long += "Paragraph \(i) of the logbook, short enough for one line.\n\n" }
        try temp.write("lib/logbooks.txt", long)
        return temp.file("lib").path
    }

    /// Waits for the reader to exit and returns its status.
    func waitForExit(_ tmux: TmuxSession) throws -> Int {
        let screen = try tmux.waitFor("bulletin exited with status ")
        let tail = screen.components(separatedBy: "bulletin exited with status ").last ?? ""
        return Int(tail.prefix { $0.isNumber }) ?? -1
    }

    /// The reader's process id (the child of the pane's shell).
    func readerPID(_ tmux: TmuxSession) throws -> Int32 {
        let shell = try tmux.display("#{pane_pid}")
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return try XCTUnwrap(children.split(separator: " ").first.flatMap { Int32($0) })
    }

    /// Rows of the screen that are list rows for `title`.
    func row(_ screen: String, containing title: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.contains(title) }
    }

    func testNeedsATerminal() throws {
        let result = try ProcessRunner.bulletin([Products.sampleLibrary.path, "--no-cache", "--state-dir", stateDir])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("bulletin list"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
    }

    func testScreenshotRendersWithoutATerminal() throws {
        let lib = try writeLibrary()
        let result = try ProcessRunner.bulletin(["screenshot", lib, "--no-cache", "--state-dir", stateDir, "--size", "80x24"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 25, "24 rows and a final newline")
        XCTAssertTrue(result.stdout.contains("Bulletin  [All] Unread Saved"))
        XCTAssertTrue(result.stdout.contains("The night ferry runs again"))
        let article = try ProcessRunner.bulletin(["screenshot", lib, "--no-cache", "--state-dir", stateDir,
                                                  "--size", "60x15", "--keys", "/ lighthouse Enter Enter"])
        XCTAssertTrue(article.stdout.contains("Bulletin › The lighthouse logbooks"), article.stdout)
        XCTAssertTrue(article.stdout.contains("Paragraph 1 of the logbook"))
        let bad = try ProcessRunner.bulletin(["screenshot", lib, "--size", "big"])
        XCTAssertEqual(bad.status, 2)
    }

    func testOpenBundledLibraryReadSaveQuitAndRestart() throws {
        var tmux = try start([Products.sampleLibrary.path])
        var screen = try tmux.waitFor("[All] Unread Saved")
        XCTAssertTrue(screen.contains("1/"))
        try tmux.send("j")
        try tmux.waitFor("2/")
        try tmux.send("Enter")
        screen = try tmux.waitFor("Bulletin ›")
        let title = try XCTUnwrap(screen.split(separator: "\n").first).replacingOccurrences(of: " Bulletin › ", with: "")
        let titleStart = String(title.prefix(20))
        try tmux.send("Space")
        try tmux.send("j")
        try tmux.send("s")
        try tmux.waitFor("★ Saved")
        try tmux.send("q")
        try tmux.waitFor("[All] Unread Saved")
        try tmux.send("Q")
        XCTAssertEqual(try waitForExit(tmux), 0)
        XCTAssertEqual(try tmux.display("#{alternate_on}"), "0", "the terminal is restored")
        // The line shown while the library loads ("bulletin: opening the library…") is erased
        // before the reader starts, so no piece of it is left beside the shell's next output.
        let after = try tmux.screen()
        XCTAssertFalse(after.contains("opening the library") || after.contains("…"), after)
        tmux.kill()

        tmux = try start([Products.sampleLibrary.path])
        screen = try tmux.waitUntil("the list drawn") { $0.contains("[All] Unread Saved") && $0.contains(titleStart) }
        let line = try XCTUnwrap(row(screen, containing: titleStart), screen)
        XCTAssertTrue(line.hasPrefix("  ★ "), "read (no ●) and saved (★): \(line)")
        try tmux.send("Tab")
        try tmux.send("Tab")
        screen = try tmux.waitFor("[Saved]")
        XCTAssertTrue(screen.contains("1/1"), screen)
        try tmux.send("q")
        XCTAssertEqual(try waitForExit(tmux), 0)
    }

    func testReopeningReturnsToReadingPositionAcrossRestarts() throws {
        let lib = try writeLibrary()
        var tmux = try start([lib], width: 80, height: 20)
        try tmux.waitFor("The lighthouse logbooks")
        try tmux.send("G")  // the long article is the last row? find it by search instead
        try tmux.send("/")
        try tmux.type("lighthouse")
        try tmux.send("Enter")
        try tmux.send("Enter")
        var screen = try tmux.waitFor("Bulletin ›")
        // One page at a time, each waited for (under load two quick pages can be captured
        // between the first and the second).
        for page in 1...2 {
            let before = screen
            try tmux.send("NPage")
            screen = try tmux.waitUntil("page \(page) drawn") { $0 != before && $0.contains("Paragraph") }
        }
        let top = try XCTUnwrap(screen.split(separator: "\n").dropFirst().first.map(String.init))
        try tmux.send("Q")
        XCTAssertEqual(try waitForExit(tmux), 0)
        tmux.kill()

        tmux = try start([lib], width: 80, height: 20)
        try tmux.waitFor("[All]")
        try tmux.send("/")
        try tmux.type("lighthouse")
        try tmux.send("Enter")
        try tmux.send("Enter")
        let reopened = try tmux.waitFor("Bulletin ›")
        XCTAssertEqual(reopened.split(separator: "\n").dropFirst().first.map(String.init), top)
        try tmux.send("Q")
    }

    func testResizeWhileReadingKeepsPosition() throws {
        let lib = try writeLibrary()
        let tmux = try start([lib], width: 100, height: 30)
        try tmux.waitFor("[All]")
        try tmux.send("/")
        try tmux.type("lighthouse")
        try tmux.send("Enter")
        try tmux.send("Enter")
        try tmux.waitFor("Bulletin ›")
        for _ in 0..<3 { try tmux.send("Space") }
        let before = try tmux.waitUntil("scrolled") { $0.split(separator: "\n").dropFirst().first?.contains("Paragraph 3") == true }
        let topLine = try XCTUnwrap(before.split(separator: "\n").dropFirst().first).trimmingCharacters(in: .whitespaces)
        try tmux.resize(width: 64, height: 16)
        // The body as well as the top bar (under load a capture can fall between the two).
        let after = try tmux.waitUntil("resized") {
            $0.split(separator: "\n").first?.count ?? 0 <= 64 && $0.contains("%") && $0.split(separator: "\n").count > 2
        }
        let afterTop = after.split(separator: "\n").dropFirst().first.map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(afterTop, topLine, "same paragraph at the top after the resize:\n\(after)")
        try tmux.send("Q")
        XCTAssertEqual(try waitForExit(tmux), 0)
    }

    func testTinyTerminalShowsMessageAndRecovers() throws {
        let lib = try writeLibrary()
        let tmux = try start([lib], width: 1, height: 1)
        // ncurses cannot draw the only cell of a 1x1 terminal; what matters is that the
        // reader started (cursor hidden), survives, and recovers.
        let deadline = Date().addingTimeInterval(10)
        while (try? tmux.display("#{cursor_flag}")) != "0", Date() < deadline { usleep(100_000) }
        XCTAssertEqual(try tmux.display("#{cursor_flag}"), "0", "the reader is running")
        XCTAssertFalse(try tmux.screen().contains("bulletin exited"))
        try tmux.resize(width: 30, height: 4)
        try tmux.waitFor("terminal too small")
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor("[All] Unread Saved")
        try tmux.send("q")
        XCTAssertEqual(try waitForExit(tmux), 0)
    }

    /// SGR parameters used on the screen (from capture-pane -e).
    func colourParameters(_ text: String) -> [Int] {
        let regex = try! NSRegularExpression(pattern: "\u{1B}\\[([0-9;]*)m")
        var params: [Int] = []
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let list = (text as NSString).substring(with: match.range(at: 1))
            params += list.split(separator: ";").compactMap { Int($0) }
        }
        return params
    }

    func isColour(_ p: Int) -> Bool { (30...38).contains(p) || (40...48).contains(p) || (90...107).contains(p) }

    func testNoColorIsMonochromeButUsable() throws {
        let lib = try writeLibrary()
        let colour = try start([lib], width: 80, height: 24)
        try colour.waitFor("[All]")
        XCTAssertTrue(colourParameters(try colour.screenWithAttributes()).contains(where: isColour), "colours without NO_COLOR")

        let mono = try start([lib], width: 80, height: 24, environment: ["NO_COLOR": "1"])
        try mono.waitFor("[All]")
        let params = colourParameters(try mono.screenWithAttributes())
        XCTAssertFalse(params.contains(where: isColour), "no colour with NO_COLOR: \(params)")
        XCTAssertTrue(params.contains(7), "reverse video marks the bars and the selection")
        XCTAssertTrue(params.contains(1), "bold marks unread titles")
        try mono.send("q")
        XCTAssertEqual(try waitForExit(mono), 0)
    }

    func testEscapeStuffedArticleCannotTouchTheTerminal() throws {
        let esc = "\u{1B}"
        let bel = "\u{07}"
        try temp.write("evil/evil.txt", """
            Evil \(esc)]0;pwned-title\(bel)headline \(esc)[38;2;1;2;3mcoloured \u{202E}reversed\u{202C}

            By \(esc)]52;c;cHduZWQtY2xpcGJvYXJk\(bel)Mallory

            Body \(esc)[2J\(esc)[H\(esc)[41mred background\(esc)[0m and \(esc)]52;c;cHduZWQ=\(esc)\\ more \u{2066}isolate\u{2069} text \u{9B}31m end.

            A second paragraph with \(esc)]0;pwned-again\(esc)\\ a title change.
            """)
        let tmux = try start([temp.file("evil").path], width: 100, height: 30)
        try tmux.tmux(["set-option", "-g", "set-clipboard", "on"])
        try tmux.tmux(["set-option", "-g", "allow-rename", "on"])
        let titleBefore = try tmux.display("#{pane_title}")
        try tmux.waitFor("Evil")
        try tmux.send("Enter")
        try tmux.waitFor("Bulletin ›")
        try tmux.send("q")
        try tmux.waitFor("[All]")
        try tmux.send("Enter")
        let screen = try tmux.waitFor("Bulletin ›")
        XCTAssertTrue(screen.contains("red background"), screen)
        let title = try tmux.display("#{pane_title}")
        XCTAssertFalse(title.contains("pwned"), title)
        XCTAssertEqual(title, titleBefore)
        let buffers = try tmux.tmux(["list-buffers"])
        XCTAssertEqual(buffers, "", "no OSC 52 reached the clipboard")
        let attributes = try tmux.screenWithAttributes()
        XCTAssertFalse(attributes.contains("\u{1B}[38;2;1;2;3"), "the article's colour did not leak")
        XCTAssertFalse(colourParameters(attributes).contains(41), "no red background")
        XCTAssertFalse(screen.contains("\u{1B}"))
        try tmux.send("Q")
        XCTAssertEqual(try waitForExit(tmux), 0)
    }

    func testSigtermRestoresTerminalAndKeepsState() throws {
        let lib = try writeLibrary()
        let tmux = try start([lib], width: 80, height: 24)
        try tmux.waitFor("[All]")
        try tmux.send("s")
        try tmux.waitFor("★ Saved")
        kill(try readerPID(tmux), SIGTERM)
        XCTAssertEqual(try waitForExit(tmux), 128 + Int(SIGTERM), "killed by SIGTERM, after cleaning up")
        XCTAssertEqual(try tmux.display("#{alternate_on}"), "0", "the terminal is restored")
        let after = try ProcessRunner.bulletin(["screenshot", lib, "--no-cache", "--state-dir", stateDir, "--size", "80x24", "--keys", "Tab Tab"])
        XCTAssertTrue(after.stdout.contains("1/1"), after.stdout)
        XCTAssertTrue(after.stdout.contains("★"), after.stdout)
    }
}
