import Articles
import ReaderUI
import XCTest

/// The binding table and the keymap it builds: defaults in every mode, remapped keys through
/// the reducer, conflicts, key names and the texts generated from the table.
final class KeyMapTests: XCTestCase {
    let ids = Fixtures.all.map(\.id)

    func remapped(_ overrides: [String: [Key]]) -> ReaderOptions {
        var options = ReaderOptions()
        options.keyMap = KeyMap(overrides: overrides)
        return options
    }

    func testDefaultsInEveryMode() {
        let keyMap = KeyMap.standard
        var s = Fixtures.session()
        func action(_ key: Key) -> Action? { keyMap.action(for: key, in: s.state) }
        // List.
        XCTAssertEqual(action(.character("j")), .move(1))
        XCTAssertEqual(action(.tab), .cycleFilter(1))
        XCTAssertEqual(action(.backTab), .cycleFilter(-1))
        XCTAssertEqual(action(.character("q")), .backOrQuit)
        XCTAssertEqual(action(.character("n")), nil, "n does nothing in the list")
        XCTAssertEqual(action(.character("N")), .nextUnread)
        XCTAssertEqual(action(.control("d")), nil)
        // Article, then article with a find: n/N move between matches.
        s.send(.enter)
        XCTAssertEqual(action(.character("n")), .adjacentArticle(1))
        XCTAssertEqual(action(.character("N")), .nextUnread)
        XCTAssertEqual(action(.tab), nil)
        s.send(Key.parse("/ the Enter"))
        XCTAssertNotNil(s.state.open?.find)
        XCTAssertEqual(action(.character("n")), .findNext(1))
        XCTAssertEqual(action(.character("N")), .findNext(-1))
        XCTAssertEqual(action(.character("J")), .adjacentArticle(1), "the article's keys still work under a find")
        // Prompt: characters are typed, even bound ones.
        s.send(.character("/"))
        XCTAssertEqual(action(.character("q")), .input("q"))
        XCTAssertEqual(action(.character("j")), .input("j"))
        XCTAssertEqual(action(.down), .move(1))
        XCTAssertEqual(action(.enter), .commitInput)
        XCTAssertEqual(action(.escape), .cancelInput)
        XCTAssertEqual(action(.backspace), .deleteBackward)
        // Help: Q quits, anything else closes it.
        var h = Fixtures.session()
        h.send(.character("?"))
        XCTAssertEqual(keyMap.action(for: .character("Q"), in: h.state), .quit)
        XCTAssertEqual(keyMap.action(for: .character("q"), in: h.state), .toggleHelp)
        XCTAssertEqual(keyMap.action(for: .down, in: h.state), .toggleHelp)
        // Summary: n/J and t behave as before (next article, back to the list).
        var t = Fixtures.session()
        t.send(.character("t"))
        t.send(.character("n"))
        XCTAssertEqual(t.state.selected, 1)
        t.send(.character("K"))
        XCTAssertEqual(t.state.selected, 0)
        t.send(.character("t"))
        XCTAssertEqual(t.state.mode, .list)
    }

    func testTheDefaultsHaveNoConflicts() {
        XCTAssertEqual(KeyMap.conflicts(KeyMap.standard.keys), [])
        XCTAssertEqual(Set(BindingTable.names).count, BindingTable.rows.count, "names are unique")
        for name in BindingTable.names {
            XCTAssertTrue(name.allSatisfy { $0.isLowercase || $0 == "-" }, "\(name) is kebab-case")
        }
    }

    func testRemappedKeysGoThroughTheReducer() {
        let options = remapped(["move-down": [.character("x")], "quit": [.character("Z")], "open": [.control("o")]])
        var s = Fixtures.session(options: options)
        s.send(.character("x"))
        XCTAssertEqual(s.state.selected, 1, "x moves down")
        s.send(.character("j"))
        XCTAssertEqual(s.state.selected, 1, "j no longer moves")
        s.send(.down)
        XCTAssertEqual(s.state.selected, 1, "a list replaces every default key")
        s.send(.enter)
        XCTAssertEqual(s.state.mode, .list, "Enter no longer opens")
        s.send(.character("G"))
        s.send(.control("o"))
        XCTAssertEqual(s.state.mode, .article)
        XCTAssertEqual(s.state.open?.article.id, ids[4])
        s.send(.character("x"))
        XCTAssertEqual(s.state.open?.top, 1, "x scrolls the article")
        s.send(.character("Q"))
        XCTAssertFalse(s.state.quitRequested)
        s.send(.character("Z"))
        XCTAssertTrue(s.state.quitRequested)

        var help = Fixtures.session(options: options)
        help.send(Key.parse("? Z"))
        XCTAssertTrue(help.state.quitRequested, "the remapped quit also quits from the help overlay")
    }

    func testAnEmptyListUnbinds() {
        var s = Fixtures.session(options: remapped(["help": [], "toggle-saved": []]))
        s.send(.character("?"))
        XCTAssertFalse(s.state.showHelp)
        s.send(.character("s"))
        XCTAssertEqual(s.effects, [])
        XCTAssertFalse(KeyHelp.hints(.list, s.state.options.keyMap).contains("help"))
        XCTAssertFalse(KeyHelp.overlayLines(s.state.options.keyMap).contains { $0.text == "close this help" })
    }

    func testConflictsNameBothActions() {
        var keys = KeyMap.standard.keys
        keys["toggle-read"] = [.character("j")]
        let conflicts = KeyMap.conflicts(keys)
        XCTAssertEqual(conflicts.map(\.mode), [.list, .article, .summary])
        XCTAssertEqual(Set(conflicts.map(\.names)), [["move-down", "toggle-read"]])
        keys = KeyMap.standard.keys
        keys["find-next"] = [.character("j")]
        XCTAssertEqual(KeyMap.conflicts(keys), [], "the find layer may shadow the article's keys")
        keys["accept"] = [.character("x")]
        XCTAssertEqual(KeyMap.conflicts(keys), [], "characters in a prompt are typed, never bound")
        keys["accept"] = [.down]
        XCTAssertEqual(KeyMap.conflicts(keys).map(\.names), [["move-down", "accept"]])
    }

    func testKeyNames() {
        XCTAssertEqual(Key.named("x"), .character("x"))
        XCTAssertEqual(Key.named("Down"), .down)
        XCTAssertEqual(Key.named("PgDn"), .pageDown)
        XCTAssertEqual(Key.named("enter"), .enter)
        XCTAssertEqual(Key.named("Tab"), .tab)
        XCTAssertEqual(Key.named("Shift-Tab"), .backTab)
        XCTAssertEqual(Key.named("Space"), .character(" "))
        XCTAssertEqual(Key.named(" "), .character(" "))
        XCTAssertEqual(Key.named("Ctrl-d"), .control("d"))
        XCTAssertEqual(Key.named("C-D"), .control("d"))
        XCTAssertEqual(Key.named("Ctrl-i"), .tab, "Ctrl-i is what Tab sends")
        XCTAssertEqual(Key.named("Ctrl-m"), .enter)
        XCTAssertEqual(Key.named("★"), .character("★"))
        XCTAssertNil(Key.named("Ctrl-1"))
        XCTAssertNil(Key.named("Hyper"))
        XCTAssertNil(Key.named(""))
        XCTAssertNil(Key.named("\u{1B}"))
        for row in BindingTable.rows {
            for key in row.defaultKeys { XCTAssertEqual(Key.named(key.name), key, "\(key) round-trips its name") }
        }
        XCTAssertEqual(Key.parse("C-d x"), [.control("d"), .character("x")])
    }

    func testHintsAndOverlayShowRemappedKeys() {
        XCTAssertEqual(KeyHelp.hints(.list, .standard), "Enter read · / search · Tab filter · t summary · s save · ? help · q quit")
        XCTAssertEqual(KeyHelp.hints(.article, .standard), "Space page · n/p next/prev · / find · s save · o link · ? help · q back")
        XCTAssertEqual(KeyHelp.hints(.summary, .standard), "j/k next/prev · Enter read · s save · m read · q back · ? help")
        XCTAssertEqual(KeyHelp.hints(.prompt, .standard), "Enter keep · Esc clear")
        let keyMap = KeyMap(overrides: ["open": [.character("o"), .enter], "open-link": [.character("L")],
                                        "back-or-quit": [.character("Z")], "move-up": [.character("i")]])
        XCTAssertEqual(KeyHelp.hints(.list, keyMap), "o read · / search · Tab filter · t summary · s save · ? help · Z quit")
        XCTAssertEqual(KeyHelp.hints(.summary, keyMap), "j/i next/prev · o read · s save · m read · Z back · ? help")
        let lines = KeyHelp.overlayLines(keyMap)
        XCTAssertEqual(lines[0].keys, "j i ↓")
        XCTAssertEqual(lines[1].keys, "o Enter")
        XCTAssertEqual(lines[2].keys, "Z h ← Esc")
        XCTAssertEqual(lines[2].text, "back (Z in the list quits)")
        XCTAssertTrue(lines.contains { $0 == ("L", "open link in $BROWSER") })
    }

    func testMessagesNameTheBoundKeys() {
        var options = remapped(["find-next": [.character(".")], "find-previous": [], "back": [.character("h")],
                                "filter-next": [.character("f")], "toggle-saved": [.character("S")]])
        var s = Fixtures.session(options: options)
        s.send(Key.parse("G Enter / the Enter"))
        XCTAssertEqual(s.state.message?.text, "\(s.state.open!.find!.matches.count) matches · . next · h clears")
        var list = Fixtures.session(read: Set(ids), options: options)
        list.send(.character("f"))
        XCTAssertTrue(list.render().text.contains("No unread articles. f shows the others."))
        options.keyMap = KeyMap(overrides: ["filter-next": []])
        list = Fixtures.session(read: Set(ids), options: options)
        list.send(.backTab)
        list.send(.backTab)
        XCTAssertEqual(list.state.filter, .unread)
        XCTAssertTrue(list.render().text.contains("No unread articles.\n"), "no key to name, no hint")
    }

    func testMarkdownTableHasEveryAction() {
        let table = KeyHelp.markdownTable()
        XCTAssertEqual(table.split(separator: "\n").count, BindingTable.rows.count + 2)
        XCTAssertTrue(table.contains("| `move-down` | `j` `Down` | list, article, summary, prompt |"))
        let remapped = KeyHelp.markdownTable(KeyMap(overrides: ["quit": []]))
        XCTAssertTrue(remapped.contains("| `quit` | (unbound) |"))
    }
}
