import Articles
import ReaderUI
import SnapshotTesting
import XCTest

/// Screens under settings: the help overlay with remapped keys, and every theme at 80x24
/// with the attributes and colours of every cell run.
final class SettingsSnapshotTests: XCTestCase {
    func session(_ keys: String, options: ReaderOptions, width: Int = 80, height: Int = 24) -> ReaderSession {
        var session = Fixtures.session(width: width, height: height, read: [Fixtures.market.id], saved: [Fixtures.bees.id],
                                       options: options)
        session.indexBodies()
        session.send(Key.parse(keys))
        return session
    }

    func testHelpWithRemappedKeys() {
        var options = ReaderOptions()
        options.keyMap = KeyMap(overrides: [
            "move-down": [.character("x")], "quit": [.character("Z")], "back-or-quit": [.control("w")],
            "filter-next": [.character("f")], "filter-previous": [], "open-link": [.character("O"), .control("o")],
        ])
        let s = session("?", options: options)
        assertSnapshot(of: s.render().text, as: .lines, named: "80x24")
    }

    func testThemes() {
        // A list with a selection, unread and saved marks, then an article with its title,
        // byline, summary bar and a heading, then a find with matches.
        let screens = [("list", "j"), ("article", "G Enter"), ("find", "G Enter / the Enter")]
        for name in Theme.Name.allCases {
            var options = ReaderOptions()
            options.theme = Theme(name: name)
            for (screen, keys) in screens {
                let s = session(keys, options: options)
                assertSnapshot(of: StyleDump.dump(s.render(), theme: options.theme), as: .lines,
                               named: "\(name.rawValue)-\(screen)")
            }
        }
    }

    func testElementColoursAndNoColor() {
        var options = ReaderOptions()
        options.theme = Theme(name: .default, overrides: [
            .listSelection: 2, .unreadMark: 1, .savedMark: 5, .title: 196, .byline: 8, .summaryBar: 3,
            .headings: 4, .findHighlight: 6, .statusBar: 0,
        ])
        let list = session("j", options: options).render()
        assertSnapshot(of: StyleDump.dump(list, theme: options.theme), as: .lines, named: "custom-list")
        let article = session("G Enter / the Enter", options: options).render()
        assertSnapshot(of: StyleDump.dump(article, theme: options.theme), as: .lines, named: "custom-find")
        // NO_COLOR wins over any theme: no colour at all, dim for muted text.
        let noColor = StyleDump.dump(list, theme: options.theme, monochrome: true)
        XCTAssertFalse(noColor.contains("fg="))
        XCTAssertEqual(noColor, StyleDump.dump(list, theme: Theme(name: .monochrome)).replacingOccurrences(of: "(monochrome)", with: "(default, NO_COLOR)"))
    }
}
