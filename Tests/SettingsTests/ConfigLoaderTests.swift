import Articles
import BulletinTestSupport
import Foundation
import ReaderUI
import XCTest

@testable import Settings

/// config.toml → Settings: every setting, every error kind at its line and column, warnings.
final class ConfigLoaderTests: XCTestCase {
    func load(_ text: String) -> ConfigResult { ConfigLoader.load(text: text, file: "config.toml") }

    func testEverySettingIsRead() throws {
        let result = load("""
            [keys]
            move-down = ["x", "Ctrl-d", "F"]
            quit = ["Z"]
            help = []

            [theme]
            name = "light"
            list-selection = "green"
            unread-mark = 196
            saved-mark = "default"
            title = "white"
            byline = 8
            summary-bar = "magenta"
            headings = "RED"
            find-highlight = 255
            status-bar = 0

            [reader]
            measure = 66
            preview-width = 100
            mark-read-on-open = false
            sort = "source"
            date-format = "d MMM"
            browser = "w3m %s"

            [library]
            folders = ["~/articles", "/srv/news"]

            [feeds]
            concurrency = 4
            per-host = 1
            timeout = 30
            user-agent = "Test/1"
            full-article = "never"
            refresh-on-start = true
            keep-days = 30
            keep-per-feed = 500
            """)
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.warnings, [])
        let s = result.settings
        XCTAssertEqual(s.keys["move-down"], [.character("x"), .control("d"), .character("F")])
        XCTAssertEqual(s.keys["quit"], [.character("Z")])
        XCTAssertEqual(s.keys["help"], [])
        XCTAssertEqual(s.keys["move-up"], [.character("k"), .up], "actions not in the file keep their defaults")
        XCTAssertEqual(s.theme.name, .light)
        XCTAssertEqual(s.theme.colors, [.listSelection: 2, .unreadMark: 196, .savedMark: -1, .title: 7, .byline: 8,
                                        .summaryBar: 5, .headings: 1, .findHighlight: 255, .statusBar: 0])
        XCTAssertEqual(s.reader.measure, 66)
        XCTAssertEqual(s.reader.previewWidth, 100)
        XCTAssertFalse(s.reader.markReadOnOpen)
        XCTAssertEqual(s.reader.sort, .source)
        XCTAssertEqual(s.reader.dateFormat, "d MMM")
        XCTAssertEqual(s.reader.browser, "w3m %s")
        XCTAssertEqual(s.library.folders, ["~/articles", "/srv/news"])
        XCTAssertEqual(s.feeds.concurrency, 4)
        XCTAssertEqual(s.feeds.perHost, 1)
        XCTAssertEqual(s.feeds.timeout, 30)
        XCTAssertEqual(s.feeds.userAgent, "Test/1")
        XCTAssertEqual(s.feeds.fullArticle, .never)
        XCTAssertTrue(s.feeds.refreshOnStart)
        XCTAssertEqual(s.feeds.keepDays, 30)
        XCTAssertEqual(s.feeds.keepPerFeed, 500)

        let options = s.readerOptions
        XCTAssertEqual(options.keyMap.keys(for: "move-down"), [.character("x"), .control("d"), .character("F")])
        XCTAssertEqual(options.theme.color(of: .listSelection), 2)
        XCTAssertEqual(options.theme.color(of: .headings), 1)
        XCTAssertEqual(options.theme.name, .light)
        XCTAssertEqual(options.maximumMeasure, 66)
        XCTAssertEqual(options.previewMinimumWidth, 100)
        XCTAssertFalse(options.markReadOnOpen)
        XCTAssertEqual(options.sort, .source)
        XCTAssertEqual(options.listDate.pattern, "d MMM")
        XCTAssertEqual(options.browser, "w3m %s")
        XCTAssertEqual(s.library.resolvedFolders(configDirectory: URL(fileURLWithPath: "/etc/b"), home: "/home/u"),
                       ["/home/u/articles", "/srv/news"])
    }

    func testEmptyAndMissingFilesGiveTheDefaults() throws {
        XCTAssertEqual(load("").settings, .defaults)
        XCTAssertTrue(load("").isValid)
        let temp = try TemporaryDirectory(prefix: "bulletin-settings")
        defer { temp.remove() }
        let missing = temp.file("nothing/config.toml")
        let result = ConfigLoader.load(missing)
        XCTAssertTrue(result.isValid)
        XCTAssertEqual(result.settings, .defaults)
        let named = ConfigLoader.load(missing, displayName: "x.toml", mustExist: true)
        XCTAssertEqual(named.errors.map(\.description), ["x.toml:1:1: no such file"])
    }

    func testTheDefaultFileGivesTheDefaults() {
        let text = ConfigPrinter.defaultFile()
        let result = load(text)
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.warnings, [])
        XCTAssertEqual(result.settings, .defaults)
        for row in BindingTable.rows {
            XCTAssertTrue(text.contains("\n\(row.name) = ["), "\(row.name) is in the default file")
        }
        // Every non-comment line has a comment above it (or is a table header or a colour).
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() where !line.isEmpty && !line.hasPrefix("#") && !line.hasPrefix("[") {
            XCTAssertTrue(lines[i - 1].hasPrefix("#") || line.hasPrefix("#"), "no comment above \(line)")
        }
    }

    func testEffectiveSettingsReadBackTheSame() {
        let source = """
            [keys]
            quit = ["Z", "\\"", "\\\\"]
            [theme]
            name = "light"
            title = 33
            [reader]
            browser = "open -a \\"Safari\\""
            sort = "title"
            [library]
            folders = ["a b"]
            """
        let first = load(source)
        XCTAssertEqual(first.errors, [])
        XCTAssertEqual(first.settings.keys["quit"], [.character("Z"), .character("\""), .character("\\")])
        let again = load(ConfigPrinter.effective(first.settings))
        XCTAssertEqual(again.errors, [])
        XCTAssertEqual(again.settings.keys, first.settings.keys)
        XCTAssertEqual(again.settings.theme.theme, first.settings.theme.theme)
        XCTAssertEqual(again.settings.reader, first.settings.reader)
        XCTAssertEqual(again.settings.library, first.settings.library)
        XCTAssertEqual(again.settings.feeds, first.settings.feeds)
    }

    func testControlCharactersInStringsReadBackTheSame() {
        var settings = Settings.defaults
        settings.reader.dateFormat = "a\u{1B}[2J\u{7F}\u{9B}\u{2028}\t\"\\b"
        settings.feeds.userAgent = "UA\r\n\u{1}x"
        let printed = ConfigPrinter.effective(settings)
        XCTAssertFalse(printed.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B }, "no raw escape in the printed file")
        let again = load(printed)
        XCTAssertEqual(again.errors, [])
        XCTAssertEqual(again.settings.reader.dateFormat, settings.reader.dateFormat)
        XCTAssertEqual(again.settings.feeds.userAgent, settings.feeds.userAgent)
    }

    func testTheDefaultUserAgentIsTheVersionedOne() {
        XCTAssertEqual(Settings.defaults.feeds.userAgent, "Bulletin/\(BulletinVersion.current) (terminal article reader)")
    }

    func testErrorsNameTheFileLineAndColumn() {
        let cases: [(String, String)] = [
            ("[keys]\nmove-down = 3\n", "config.toml:2:13: move-down: expected a list of keys, found an integer"),
            ("[keys]\nmove-down = [\"j\", 4]\n", "config.toml:2:13: move-down: expected a key name, found an integer"),
            ("[keys]\n  quit = [\"Z\", \"Hyper-q\"]\n",
             "config.toml:2:16: quit: unknown key \"Hyper-q\" (a character, Ctrl-x, or one of Enter, Esc, Tab, Shift-Tab, Space, Backspace, Up, Down, Left, Right, PgUp, PgDn, Home, End, WheelUp, WheelDown)"),
            ("[keys]\nsearch = [\"/\",\n  \"j\"]\n",
             "config.toml:3:3: search: key \"j\" is bound to both search and move-down in list, article and summary modes"),
            ("[keys]\nfind-next = [\"x\"]\nfind-previous = [\"x\"]\n",
             "config.toml:3:18: find-previous: key \"x\" is bound to both find-previous and find-next in find mode"),
            ("[keys]\nquit = [\"Ctrl-c\"]\n",
             "config.toml:2:9: quit: Ctrl-c cannot be bound: the terminal keeps it (interrupt, suspend, flow control)"),
            ("keys = 1\n", "config.toml:1:8: keys: expected a table, found an integer"),
            ("[theme]\nname = \"dark\"\n", "config.toml:2:8: name: expected one of \"default\", \"light\", \"monochrome\", found \"dark\""),
            ("[theme]\ntitle = 300\n", "config.toml:2:9: title: expected a colour from 0 to 255, found 300"),
            ("[theme]\ntitle = \"teal\"\n", "config.toml:2:9: title: unknown colour \"teal\" (black, red, green, yellow, blue, magenta, cyan, white, default, or 0-255)"),
            ("[theme]\ntitle = true\n", "config.toml:2:9: title: expected a colour name or a number from 0 to 255, found a boolean"),
            ("[reader]\nmeasure = \"wide\"\n", "config.toml:2:11: measure: expected an integer, found a string"),
            ("[reader]\nmeasure = 5\n", "config.toml:2:11: measure: expected an integer from 20 to 500, found 5"),
            ("[reader]\nmark-read-on-open = \"no\"\n", "config.toml:2:21: mark-read-on-open: expected true or false, found a string"),
            ("[reader]\nsort = \"size\"\n", "config.toml:2:8: sort: expected one of \"date\", \"source\", \"title\", found \"size\""),
            ("[reader]\nbrowser = \"  \"\n", "config.toml:2:11: browser: expected a non-empty string"),
            ("[reader]\ndate-format = 1.5\n", "config.toml:2:15: date-format: expected a string, found a floating-point number"),
            ("[library]\nfolders = \"~/a\"\n", "config.toml:2:11: folders: expected a list of folders, found a string"),
            ("[library]\nfolders = [1]\n", "config.toml:2:11: folders: expected a folder name, found an integer"),
            ("[feeds]\nper-host = 0\n", "config.toml:2:12: per-host: expected an integer from 1 to 16, found 0"),
            ("[feeds]\nfull-article = \"sometimes\"\n",
             "config.toml:2:16: full-article: expected one of \"auto\", \"always\", \"never\", found \"sometimes\""),
            ("[feeds]\nrefresh-on-start = 1\n", "config.toml:2:20: refresh-on-start: expected true or false, found an integer"),
            ("[feeds]\nkeep-days = \"90\"\n", "config.toml:2:13: keep-days: expected an integer, found a string"),
        ]
        for (text, expected) in cases {
            let result = load(text)
            XCTAssertEqual(result.errors.map(\.description), [expected], text)
            XCTAssertFalse(result.isValid)
        }
    }

    func testSyntaxErrorsUseTOMLKitsPosition() throws {
        let result = load("[reader]\nmeasure = 70\nsort = \"date\n")
        let error = try XCTUnwrap(result.errors.first)
        XCTAssertEqual(result.errors.count, 1)
        XCTAssertEqual(error.line, 3)
        XCTAssertTrue(error.description.hasPrefix("config.toml:3:"), error.description)
        XCTAssertEqual(result.settings, .defaults)
        XCTAssertEqual(load("[keys\n").errors.first?.line, 1)
    }

    func testUnknownNamesAreWarningsWithTheNearestName() {
        let result = load("""
            [keys]
            move-dwn = ["x"]
            [theme]
            list-selectoin = "red"
            [reader]
            mesure = 60
            [library]
            folder = ["a"]
            [feeds]
            per_host = 3
            [reeder]
            measure = 1
            """)
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.warnings.map(\.description), [
            "config.toml:2:1: unknown action \"move-dwn\", ignored (did you mean \"move-down\"?)",
            "config.toml:4:1: unknown theme setting \"list-selectoin\", ignored (did you mean \"list-selection\"?)",
            "config.toml:6:1: unknown reader setting \"mesure\", ignored (did you mean \"measure\"?)",
            "config.toml:8:1: unknown library setting \"folder\", ignored (did you mean \"folders\"?)",
            "config.toml:10:1: unknown feeds setting \"per_host\", ignored (did you mean \"per-host\"?)",
            "config.toml:11:2: unknown table [reeder], ignored (did you mean \"reader\"?)",
        ])
        XCTAssertEqual(result.settings, .defaults)
    }

    func testCRLFFilesGetTheSamePositions() {
        let result = load("[keys]\r\nmove-down = 3\r\n")
        XCTAssertEqual(result.errors.map(\.description), ["config.toml:2:13: move-down: expected a list of keys, found an integer"])
    }

    func testLocation() {
        XCTAssertEqual(ConfigLocation(option: "/a/b.toml", environment: ["BULLETIN_CONFIG": "/c.toml"]).url.path, "/a/b.toml")
        XCTAssertTrue(ConfigLocation(option: "/a/b.toml", environment: [:]).isExplicit)
        XCTAssertEqual(ConfigLocation(option: nil, environment: ["BULLETIN_CONFIG": "/c.toml", "XDG_CONFIG_HOME": "/x"]).url.path, "/c.toml")
        let xdg = ConfigLocation(option: nil, environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"])
        XCTAssertEqual(xdg.url.path, "/x/bulletin/config.toml")
        XCTAssertFalse(xdg.isExplicit)
        XCTAssertEqual(ConfigLocation(option: nil, environment: ["HOME": "/h"]).url.path, "/h/.config/bulletin/config.toml")
        XCTAssertEqual(ConfigLocation(option: nil, environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/h"]).url.path,
                       "/h/.config/bulletin/config.toml", "a relative XDG_CONFIG_HOME is ignored")
    }

    func testNearestName() {
        XCTAssertEqual(NearestName.distance("kitten", "sitting"), 3)
        XCTAssertEqual(NearestName.distance("", "abc"), 3)
        XCTAssertEqual(NearestName.distance("abc", ""), 3)
        XCTAssertEqual(NearestName.to("Qiut", in: ["quit", "help", "top"]), "quit")
        XCTAssertNil(NearestName.to("x", in: []))
    }
}
