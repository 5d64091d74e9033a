import Articles
import BulletinTestSupport
import Foundation
import XCTest

/// Every terminal escape vector in every field an article, a favorite or an error message
/// can bring to the screen, against the real binary in tmux: the pane title, the paste
/// buffers and the colours stay as they were, and nothing raw shows. The command-line
/// output paths print no raw control characters either.
final class TerminalEscapeEndToEndTests: XCTestCase {
    var temp: TemporaryDirectory!
    var sessions: [TmuxSession] = []

    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Products.bulletin.path), "bulletin is not built")
        temp = try TemporaryDirectory(prefix: "bulletin-escapes")
    }

    override func tearDown() {
        for session in sessions { session.kill() }
        temp?.remove()
    }

    /// Escape sequences that a terminal would act on; `PWN` marks payloads that must never
    /// reach the screen (each sequence is removed whole).
    static let vectors: [String] = [
        "\u{1B}[21t",  // CSI 21 t: report the window title (as typed input)
        "\u{1B}P$q\"p\u{1B}\\",  // DCS $q: request a setting (DECRQSS)
        "\u{1B}]50;?\u{07}",  // OSC 50: query the font
        "\u{1B}]52;c;UFdOY2xpcA==\u{07}",  // OSC 52: set the clipboard
        "\u{1B}]8;;https://PWN.example/\u{1B}\\linked\u{1B}]8;;\u{1B}\\",  // OSC 8 hyperlink
        "\u{1B}]0;PWNTITLE\u{07}", "\u{1B}]2;PWNTITLE\u{1B}\\",  // window title
        "\u{1B}[38;2;1;2;3m\u{1B}[45m\u{1B}[5m",  // colours and blink
        "\u{9B}41m", "\u{9D}0;PWNTITLE\u{9C}", "\u{90}$q\"p\u{9C}",  // 8-bit CSI, OSC, DCS
        "\u{1B}[2J\u{1B}[H\u{1B}[?1049l",  // clear, home, leave the alternate screen
        "\u{202E}\u{2066}",  // bidi override and isolate
    ]

    /// Every vector, every C1 control, then an unterminated OSC and a lone ESC ending the field.
    static var hostile: String {
        let c1 = (0x80...0x9F).map { String(Character(Unicode.Scalar(UInt32($0))!)) }.joined()
        return vectors.joined(separator: " x ") + " c1" + c1 + "c1 \u{1B}]0;LEFTOPEN \u{1B}"
    }

    /// A library with the vectors in title, byline, source, url and body (a sequence split
    /// across two paragraphs too), and a Latin-1 file with raw 8-bit controls.
    func writeLibrary() throws -> String {
        let h = Self.hostile
        try temp.write("lib/hostile.txt", """
            Hostile headline \(h)

            By Mallory Vance \(h)

            Source: Evil Gazette \(h)

            https://example.org/hostile\(h.replacingOccurrences(of: " ", with: ""))

            First paragraph of the body \(h) ends with a split \u{1B}]0;

            SPLITTITLE\u{07} starts the second paragraph, which goes on \(h) to the end.

            Split sequence \u{1B}

            [45mcontinues here.
            """)
        // Windows-1252 gives most of these bytes printable meanings (0x9B is `›`); the rest
        // (0x81, 0x8D, 0x8F, 0x90, 0x9D) must not come through as C1 controls.
        var latin1: [UInt8] = Array("Latin headline caf".utf8) + [0xE9, 0x20, 0x9B] + Array("41m and ".utf8) + [0x9D]
            + Array("0;latin".utf8) + [0x07, 0x0A, 0x0A]
        latin1 += Array("Body with raw 8-bit controls: ".utf8) + Array(0x80...0x9F) + Array(" then ".utf8) + [0x90]
            + Array("$qlatin".utf8) + [0x9C, 0x20, 0x85, 0x81, 0x8D, 0x8F] + Array(" and an accent ".utf8) + [0xE9, 0x2E, 0x0A]
        try temp.write("lib/latin1.txt", Data(latin1))
        // A Bulletin article file as fetched from a feed: the feed's name is the source.
        try temp.write("lib/from-feed.md", """
            ---
            bulletin: 1
            title: \("Feed headline \(h)".jsonQuoted)
            author: \(h.jsonQuoted)
            source: \("Feed name \(h)".jsonQuoted)
            url: \(("https://example.org/item" + Self.vectors[5]).jsonQuoted)
            feed: \(("https://example.org/feed.xml" + Self.vectors[3]).jsonQuoted)
            guid: \(h.jsonQuoted)
            ---

            # Feed headline

            Feed body \(h) ends here.
            """)
        return temp.file("lib").path
    }

    /// A state folder whose name holds escapes, with a damaged read.json (its bad key is
    /// quoted in the warning) and favorites whose files are gone and whose links are not
    /// http: the status bar's error messages carry every vector.
    func writeState() throws -> String {
        let dir = "state" + Self.vectors.prefix(8).joined()
        let key = (Self.vectors.prefix(6).joined() + "\u{9B}45m").jsonQuoted
        try temp.write(dir + "/read.json", #"{"version": 1, "articles": {\#(key): {"read": true, "changedAt": "2024-05-01T10:00:00.000Z"}}}"#)
        let links = ["javascript:alert(document.cookie)", "file:///etc/passwd", "$(touch /tmp/bulletin-pwned)"]
        var entries: [String] = []
        for (i, link) in links.enumerated() {
            let id = String(repeating: String(i + 1), count: 16)
            let article = """
                {"id": "\(id)", "title": \("Saved \(i + 1) \(Self.hostile)".jsonQuoted), "author": \(Self.hostile.jsonQuoted),
                 "source": \(Self.hostile.jsonQuoted), "url": \((link + Self.vectors[5]).jsonQuoted),
                 "sections": [{"heading": \(Self.hostile.jsonQuoted), "paragraphs": [\(Self.hostile.jsonQuoted)]}],
                 "summary": [{"text": \(Self.hostile.jsonQuoted)}], "summarySource": "author"}
                """
            entries.append(#""\#(id)": {"article": \#(article), "changedAt": "2024-05-0\#(i + 1)T10:00:00.000Z", "saved": true}"#)
        }
        try temp.write(dir + "/saved.json", "{\"version\": 1, \"articles\": {\(entries.joined(separator: ",\n"))}}")
        return temp.file(dir).path
    }

    func start(_ arguments: [String], width: Int, height: Int, environment: [String: String] = [:]) throws -> TmuxSession {
        let script = "\"$0\" \"$@\"; echo \"bulletin exited with status $?\"; exec sleep 600"
        let session = try TmuxSession(command: ["/bin/sh", "-c", script, Products.bulletin.path] + arguments,
                                      width: width, height: height, environment: environment)
        sessions.append(session)
        try session.tmux(["set-option", "-g", "set-clipboard", "on"])
        try session.tmux(["set-option", "-g", "allow-rename", "on"])
        try session.tmux(["set-option", "-g", "allow-passthrough", "on"])
        return session
    }

    /// SGR parameters used on the screen (from capture-pane -e).
    func colourParameters(_ text: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: "\u{1B}\\[([0-9;:]*)m")
        var params: Set<String> = []
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            params.insert((text as NSString).substring(with: match.range(at: 1)))
        }
        return params
    }

    /// What the terminal must still be after any screen: title, buffers, colours, text.
    /// A message that names something hostile (a file, `$BROWSER`) spells its escapes out
    /// (`\u{1B}]0;…`); such a line is exempt from the payload check only.
    func assertTerminalUntouched(_ tmux: TmuxSession, title: String, step: String,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        let fullScreen = try tmux.screen()
        let screen = fullScreen.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\\u{1B}") }.joined(separator: "\n")
        XCTAssertEqual(try tmux.display("#{pane_title}"), title, "pane title changed after \(step)", file: file, line: line)
        XCTAssertEqual(try tmux.tmux(["list-buffers"]), "", "a paste buffer was set after \(step)", file: file, line: line)
        XCTAssertEqual(try tmux.display("#{alternate_on}"), "1", "left the alternate screen after \(step)", file: file, line: line)
        let attributes = try tmux.screenWithAttributes()
        for params in colourParameters(attributes) {
            let list = params.split(separator: ";")
            XCTAssertFalse(params.contains("38;2;1;2;3") || list.contains("45") || list.contains("41") || list.contains("5"),
                           "the article's colours reached the screen after \(step): \(params)", file: file, line: line)
        }
        for marker in ["PWN", "\u{1B}", "^[", "]52;", "]0;PWN", "[21t", "$q\"p", "[38;2"] {
            XCTAssertFalse(screen.contains(marker), "\(marker.debugDescription) shows after \(step):\n\(screen)", file: file, line: line)
        }
        XCTAssertFalse(fullScreen.unicodeScalars.contains { UnsafeCharacters.isUnsafe($0) && $0 != "\n" },
                       "a control character in the pane after \(step)", file: file, line: line)
        XCTAssertFalse(fullScreen.contains("bulletin exited"), "the reader ended after \(step):\n\(screen)", file: file, line: line)
    }

    func testEveryVectorInEveryFieldLeavesTheTerminalAlone() throws {
        try XCTSkipUnless(TmuxSession.isAvailable, "tmux is not installed")
        let lib = try writeLibrary()
        let state = try writeState()
        let browser = "/nonexistent/browser" + Self.vectors.joined()
        let tmux = try start([lib, "--no-cache", "--state-dir", state], width: 130, height: 40, environment: ["BROWSER": browser])
        let title = try tmux.display("#{pane_title}")
        var screen = try tmux.waitFor("[All]")
        XCTAssertTrue(screen.contains(temp.file("state").path + "\\u{1B}[21t\\u{1B}P$q"),
                      "the damaged read.json is reported, its folder's escapes spelled out:\n\(screen)")
        try assertTerminalUntouched(tmux, title: title, step: "the list with the warning")
        XCTAssertTrue(screen.contains("Hostile headline"), screen)
        XCTAssertTrue(screen.contains("Latin headline café"), screen)
        XCTAssertTrue(screen.contains("Feed headline"), screen)

        // Each article in the preview pane, the article view and the summary view.
        for row in 0..<3 {
            if row > 0 { try tmux.send("j") }
            try tmux.waitFor("\(row + 1)/")
            try assertTerminalUntouched(tmux, title: title, step: "preview of row \(row + 1)")
            try tmux.send("Enter")
            try tmux.waitFor("Bulletin ›")
            try assertTerminalUntouched(tmux, title: title, step: "article \(row + 1)")
            for _ in 0..<3 { try tmux.send("Space") }
            try assertTerminalUntouched(tmux, title: title, step: "article \(row + 1), paged")
            try tmux.send("q")
            try tmux.waitFor("[All]")
        }
        try tmux.send("/")
        try tmux.type("Hostile")
        try tmux.send("Enter")
        try tmux.send("Enter")
        screen = try tmux.waitFor("Bulletin › Hostile headline")
        XCTAssertTrue(screen.contains("Mallory Vance"), screen)
        XCTAssertTrue(screen.contains("SPLITTITLE"), "the split sequence's second half is plain text:\n\(screen)")

        // `o` on an https link with a hostile $BROWSER: the error names the browser.
        try tmux.send("o")
        screen = try tmux.waitFor("Cannot start /nonexistent/browser")
        try assertTerminalUntouched(tmux, title: title, step: "a browser that cannot start")
        try tmux.send("q")
        try tmux.waitFor("[All]")
        try tmux.send("t")
        try tmux.waitFor("Summary")
        try assertTerminalUntouched(tmux, title: title, step: "the summary view")
        try tmux.send("t")
        try tmux.send("Escape")

        // The favorites (files gone) with javascript:, file: and $(...) links: `o` refuses.
        try tmux.send("Tab")
        try tmux.send("Tab")
        screen = try tmux.waitFor("[Saved]")
        try assertTerminalUntouched(tmux, title: title, step: "the saved list")
        var refusals: [String] = []
        for row in 0..<3 {
            if row > 0 { try tmux.send("j") }
            try tmux.waitFor("\(row + 1)/3")
            try tmux.send("o")
            screen = try tmux.waitFor("Not opening")
            refusals.append(String(screen.split(separator: "\n").last { $0.contains("Not opening") } ?? ""))
            try assertTerminalUntouched(tmux, title: title, step: "o on saved link \(row + 1)")
            try tmux.send("Enter")
            try tmux.waitFor("Bulletin › Saved")
            try assertTerminalUntouched(tmux, title: title, step: "saved article \(row + 1)")
            try tmux.send("o")
            try tmux.waitFor("Not opening")
            try tmux.send("q")
            try tmux.waitFor("[Saved]")
        }
        for scheme in ["javascript:", "file:", "$(touch"] {
            XCTAssertTrue(refusals.contains { $0.contains(scheme) }, "\(scheme) refused: \(refusals)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/bulletin-pwned"))
        try tmux.send("Q")
        screen = try tmux.waitFor("bulletin exited with status 0")
        XCTAssertEqual(try tmux.display("#{pane_title}"), title)
        XCTAssertEqual(try tmux.tmux(["list-buffers"]), "")
    }

    /// `list`, `show`, `parse` (text), `saved` and `export-saved` print no raw control,
    /// escape or bidi character on stdout or stderr, also for hostile file names.
    func testCommandLineOutputHasNoRawControlCharacters() throws {
        let lib = try writeLibrary()
        let state = try writeState()
        let badName = "bad" + Self.vectors.joined() + ".txt"
        try temp.write("lib/" + badName, "")
        let runs: [[String]] = [
            ["list", lib, "--no-cache"],
            ["show", temp.file("lib/hostile.txt").path], ["show", temp.file("lib/latin1.txt").path],
            ["show", temp.file("lib/from-feed.md").path], ["parse", temp.file("lib/from-feed.md").path],
            ["show", temp.file("lib/" + badName).path], ["parse", temp.file("lib/hostile.txt").path],
            ["parse", temp.file("lib/latin1.txt").path, temp.file("lib/" + badName).path],
            ["saved", "--state-dir", state], ["export-saved", "--state-dir", state],
            ["mark-read", temp.file("lib/hostile.txt").path, "--state-dir", state],
        ]
        for arguments in runs {
            let result = try ProcessRunner.bulletin(arguments)
            for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
                let raw = text.unicodeScalars.filter { UnsafeCharacters.isUnsafe($0) && $0 != "\n" }
                XCTAssertTrue(raw.isEmpty, "\(arguments.first!) \(stream): \(raw.map { String($0.value, radix: 16) }):\n\(text)")
                if stream == "stdout" {
                    XCTAssertFalse(text.contains("PWN"), "\(arguments.first!) prints a payload:\n\(text)")
                }
            }
        }
        let show = try ProcessRunner.bulletin(["show", temp.file("lib/" + badName).path])
        XCTAssertTrue(show.stderr.contains("bad\\u{1B}[21t"), "a hostile file name is shown escaped: \(show.stderr)")
    }
}

extension String {
    /// The string as a JSON string literal.
    var jsonQuoted: String {
        String(decoding: try! JSONEncoder().encode(self), as: UTF8.self)
    }
}
