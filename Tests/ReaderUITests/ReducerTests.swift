import Articles
import BulletinTestSupport
import ReaderUI
import Storage
import XCTest

/// Every key, through the keymap and the reducer, on in-memory articles.
final class ReducerTests: XCTestCase {
    let ids = Fixtures.all.map(\.id)

    func session(_ keys: String = "", width: Int = 80, height: Int = 24, read: Set<ArticleID> = [], saved: Set<ArticleID> = []) -> ReaderSession {
        var s = Fixtures.session(width: width, height: height, read: read, saved: saved)
        s.send(Key.parse(keys))
        return s
    }

    func testListMovement() {
        XCTAssertEqual(session("j").state.selected, 1)
        XCTAssertEqual(session("Down Down").state.selected, 2)
        XCTAssertEqual(session("j j k").state.selected, 1)
        XCTAssertEqual(session("Up").state.selected, 0)
        XCTAssertEqual(session("G").state.selected, 4)
        XCTAssertEqual(session("End").state.selected, 4)
        XCTAssertEqual(session("G g").state.selected, 0)
        XCTAssertEqual(session("G Home").state.selected, 0)
        XCTAssertEqual(session("j j j j j j j").state.selected, 4, "clamped at the last row")
        XCTAssertEqual(session("WheelDown").state.selected, 3)
        XCTAssertEqual(session("G WheelUp").state.selected, 1)
    }

    func testListPagingKeepsSelectionVisible() {
        let s = session("Space", height: 4)  // two rows
        XCTAssertEqual(s.state.selected, 2)
        XCTAssertEqual(s.state.listTop, 2)
        XCTAssertEqual(session("PgDn PgDn", height: 4).state.selected, 4)
        let back = session("Space b", height: 4)
        XCTAssertEqual(back.state.selected, 0)
        XCTAssertEqual(session("G PgUp", height: 4).state.listTop, 1)
    }

    func testOpeningMarksReadAndRestoresPosition() {
        for key in ["Enter", "l", "Right"] {
            let s = session("j \(key)")
            XCTAssertEqual(s.state.mode, .article, key)
            XCTAssertEqual(s.state.open?.article.id, ids[1])
            XCTAssertTrue(s.state.readIDs.contains(ids[1]))
            XCTAssertEqual(s.effects, [.markRead(ids[1])])
        }
        var s = session("G Enter j j j j j j j")
        let top = s.state.open!.top
        XCTAssertEqual(top, 7)
        s.send(.character("q"))
        XCTAssertEqual(s.state.mode, .list)
        let position = s.state.open == nil ? s.effects.last : nil
        guard case .setReadingPosition(let id, let p)? = position else { return XCTFail("no position saved") }
        XCTAssertEqual(id, ids[4])
        s.send(.enter)
        XCTAssertEqual(s.state.open?.top, top, "reopening returns to where the reader stopped")
        XCTAssertEqual(s.state.open.map { $0.layout.position(ofLine: $0.top).block }, p.block)
    }

    func testStoredPositionIsRestored() {
        let layout = ArticleLayout(article: Fixtures.lighthouse, width: 80)
        let p = layout.position(ofLine: 30)
        let state = ReaderState(context: Fixtures.context(), width: 80, height: 24, read: [ids[4]],
                                positions: [ids[4]: ReadingPosition(block: p.block, line: p.line)])
        var s = ReaderSession(state: state)
        s.send(Key.parse("G Enter"))
        XCTAssertEqual(s.state.open?.top, 30)
        XCTAssertEqual(s.effects, [], "already read: no second markRead")
    }

    func testBackKeys() {
        for key in ["q", "h", "Left", "Esc"] {
            let s = session("Enter \(key)")
            XCTAssertEqual(s.state.mode, .list, key)
            XCTAssertFalse(s.state.quitRequested, key)
        }
        XCTAssertTrue(session("q").state.quitRequested, "q in the list quits")
        XCTAssertFalse(session("Esc").state.quitRequested)
        XCTAssertFalse(session("h").state.quitRequested)
        for keys in ["Q", "Enter Q", "t Q", "? Q", "Enter / x Enter Q"] {
            let s = session(keys)
            XCTAssertTrue(s.state.quitRequested, keys)
            XCTAssertEqual(s.effects.last, .quit, keys)
        }
    }

    func testArticleScrolling() {
        let s = session("G Enter")
        let rows = s.state.bodyRows
        XCTAssertEqual(session("G Enter j j").state.open?.top, 2)
        XCTAssertEqual(session("G Enter Down Down Up").state.open?.top, 1)
        XCTAssertEqual(session("G Enter k").state.open?.top, 0)
        XCTAssertEqual(session("G Enter Space").state.open?.top, rows - 2)
        XCTAssertEqual(session("G Enter PgDn PgDn b").state.open?.top, rows - 2)
        XCTAssertEqual(session("G Enter PgDn PgUp").state.open?.top, 0)
        let end = session("G Enter G").state.open!
        XCTAssertEqual(end.top, end.layout.lines.count - rows)
        XCTAssertEqual(session("G Enter End Home").state.open?.top, 0)
        XCTAssertEqual(session("G Enter g").state.open?.top, 0)
        XCTAssertEqual(session("G Enter WheelDown").state.open?.top, 3)
        XCTAssertEqual(session("G Enter G j j").state.open?.top, end.top, "clamped at the end")
    }

    func testNextAndPreviousArticle() {
        for key in ["n", "J"] {
            let s = session("Enter \(key)")
            XCTAssertEqual(s.state.open?.article.id, ids[1], key)
            XCTAssertEqual(s.state.selected, 1)
            XCTAssertTrue(s.state.readIDs.isSuperset(of: [ids[0], ids[1]]))
        }
        for key in ["p", "K"] {
            XCTAssertEqual(session("j j Enter \(key)").state.open?.article.id, ids[1], key)
        }
        let last = session("G Enter n")
        XCTAssertEqual(last.state.open?.article.id, ids[4])
        XCTAssertEqual(last.state.message?.text, "This is the last article")
    }

    func testNextUnread() {
        let s = session("Enter N", read: [ids[1], ids[2]])
        XCTAssertEqual(s.state.open?.article.id, ids[3])
        XCTAssertEqual(session("N", read: [ids[1]]).state.selected, 2)
        let none = session("N", read: Set(ids))
        XCTAssertEqual(none.state.message?.text, "No more unread articles")
    }

    func testToggleReadAndSaved() {
        let read = session("m")
        XCTAssertTrue(read.state.readIDs.contains(ids[0]))
        XCTAssertEqual(read.effects, [.markRead(ids[0])])
        let unread = session("m m")
        XCTAssertFalse(unread.state.readIDs.contains(ids[0]))
        XCTAssertEqual(unread.effects.last, .markUnread(ids[0]))
        XCTAssertEqual(unread.state.message?.text, "Marked unread")

        let saved = session("j s")
        XCTAssertTrue(saved.state.savedIDs.contains(ids[1]))
        XCTAssertEqual(saved.effects, [.save(Fixtures.market)], "the full article is saved")
        XCTAssertTrue(saved.state.message!.text.hasPrefix("★ Saved"))
        let unsaved = session("j s s")
        XCTAssertFalse(unsaved.state.savedIDs.contains(ids[1]))
        XCTAssertEqual(unsaved.effects.last, .unsave(ids[1]))
        let inArticle = session("Enter s")
        XCTAssertEqual(inArticle.effects.last, .save(Fixtures.ferry))
        XCTAssertEqual(session("t s").effects.last, .save(Fixtures.ferry))
    }

    func testMarkUnreadInArticleIsNotUndoneByLeaving() {
        let s = session("Enter m q")
        XCTAssertFalse(s.state.readIDs.contains(ids[0]))
        XCTAssertFalse(s.effects.contains { if case .setReadingPosition = $0 { return true } else { return false } })
    }

    func testOpenURL() {
        let s = session("Enter o")
        XCTAssertEqual(s.effects.last, .openURL("https://example.org/ferry"))
        let none = session("j o")
        XCTAssertEqual(none.state.message?.text, "This article has no link")
        XCTAssertEqual(none.effects, [])
    }

    func testOpenURLRefusesAnythingButHTTPAndHTTPS() {
        let hostile = [
            "javascript:alert(document.cookie)", "JavaScript:alert(1)", "file:///etc/passwd", "file:/etc/passwd",
            "$(touch /tmp/pwned)", "`reboot`", "data:text/html,<script>x</script>", "ftp://example.org/a",
            "https://example.org/a b", "https://example.org/`id`", "http:/no-host", "https://", "//example.org/a",
            "-o/tmp/x", "https://example.org/\\x", "mailto:a@example.org",
        ]
        for url in hostile {
            var article = Fixtures.ferry
            article.url = url
            var s = Fixtures.session(articles: [article])
            s.send(Key.parse("Enter o"))
            XCTAssertEqual(s.effects.filter { if case .openURL = $0 { return true } else { return false } }, [], url)
            let message = s.state.message?.text ?? ""
            XCTAssertTrue(message.hasPrefix("Not opening"), "\(url): \(message)")
            XCTAssertEqual(BrowserLauncher.open(url, environment: ["BROWSER": "/bin/true"]), message, "the launcher refuses too")
        }
        for url in ["https://example.org/ferry?id=3&x=(1)#top", "HTTP://EXAMPLE.ORG", "http://例え.jp/記事"] {
            var article = Fixtures.ferry
            article.url = url
            var s = Fixtures.session(articles: [article])
            s.send(Key.parse("Enter o"))
            XCTAssertEqual(s.effects.last, .openURL(url), url)
            XCTAssertNil(LinkPolicy.refusal(for: url), url)
        }
        var www = Fixtures.ferry
        www.url = "www.example.org/ferry"
        var s = Fixtures.session(articles: [www])
        s.send(Key.parse("Enter o"))
        XCTAssertEqual(s.effects.last, .openURL("https://www.example.org/ferry"), "a www. link opens as https")
    }

    func testHelpOverlay() {
        XCTAssertTrue(session("?").state.showHelp)
        XCTAssertFalse(session("? ?").state.showHelp)
        XCTAssertFalse(session("? j").state.showHelp, "any key closes help")
        XCTAssertEqual(session("? j").state.selected, 0, "the closing key does nothing else")
        XCTAssertTrue(session("Enter ?").state.showHelp)
    }

    func testFilters() {
        let unread = session("Tab", read: [ids[0], ids[2]])
        XCTAssertEqual(unread.state.filter, .unread)
        XCTAssertEqual(unread.state.visible.count, 3)
        let savedFilter = session("Tab Tab", saved: [ids[3]])
        XCTAssertEqual(savedFilter.state.filter, .saved)
        XCTAssertEqual(savedFilter.state.visible.count, 1)
        XCTAssertEqual(savedFilter.state.selectedIndex, 3)
        XCTAssertEqual(session("Tab Tab Tab").state.filter, .all)
        XCTAssertEqual(session("BTab").state.filter, .saved)
    }

    func testSavedFilterIncludesFavoritesWhoseFileIsGone() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = StateStore(directory: dir.url)
        store.save(Fixtures.ferry)
        let library = Library(paths: [], cacheDirectory: nil)
        var s = ReaderSession(library: library, store: store, width: 80, height: 24)
        s.send(Key.parse("Tab Tab"))
        XCTAssertEqual(s.state.visible.count, 1)
        XCTAssertTrue(s.render().text.contains("The night ferry"))
        s.send(.enter)
        XCTAssertEqual(s.state.open?.article, Fixtures.ferry)
    }

    func testListSearchIsIncrementalAndCoversBodies() {
        var s = session()
        s.indexBodies()
        s.send(Key.parse("/ t h e"))
        XCTAssertTrue(s.state.isEditingQuery)
        XCTAssertEqual(s.state.visible.count, 3)
        s.send(Key.parse("BSpace BSpace BSpace"))
        XCTAssertEqual(s.state.visible.count, 5)
        s.send(Key.parse("paperbacks Enter"))
        XCTAssertFalse(s.state.isEditingQuery)
        XCTAssertEqual(s.state.visible.count, 1, "body match")
        XCTAssertEqual(s.state.selectedIndex, 0)
        s.send(.escape)
        XCTAssertEqual(s.state.query, "")
        XCTAssertEqual(s.state.visible.count, 5)
        s.send(Key.parse("/ hélène"))
        XCTAssertEqual(s.state.visible.count, 1, "authors are searched, case-insensitively")
        s.send(.escape)
        XCTAssertEqual(s.state.visible.count, 5)
        XCTAssertFalse(s.state.isEditingQuery)
    }

    func testTypingQDuringSearchDoesNotQuit() {
        let s = session("/ q Q")
        XCTAssertFalse(s.state.quitRequested)
        XCTAssertEqual(s.state.query, "qQ")
    }

    func testFindInArticle() {
        var s = session("Enter / passengers")
        let find = s.state.open!.find!
        XCTAssertEqual(find.matches.count, 3)
        XCTAssertTrue(find.isEditing)
        s.send(.enter)
        XCTAssertFalse(s.state.open!.find!.isEditing)
        s.send(.character("n"))
        XCTAssertEqual(s.state.open!.find!.current, 1)
        XCTAssertEqual(s.state.open?.article.id, ids[0], "n jumps between matches while a find is active")
        s.send(.character("N"))
        s.send(.character("N"))
        XCTAssertEqual(s.state.open!.find!.current, 2, "wraps around")
        s.send(.escape)
        XCTAssertNil(s.state.open?.find)
        XCTAssertEqual(s.state.mode, .article, "Esc clears the find first")
        s.send(.character("n"))
        XCTAssertEqual(s.state.open?.article.id, ids[1])
    }

    func testFindHighlightsMatches() {
        let s = session("Enter / passengers Enter")
        let screen = s.render()
        let find = s.state.open!.find!
        let match = find.matches[find.current]
        let line = s.state.open!.layout.lines[match.line]
        let x = s.state.open!.layout.margin + DisplayWidth.of(line.prefix) + match.column
        let row = 1 + match.line - s.state.open!.top
        XCTAssertEqual(screen[row, x].style, .currentMatch)
        XCTAssertEqual(screen[row, x + match.width - 1].style, .currentMatch)
        XCTAssertNotEqual(screen[row, x + match.width].style, .currentMatch)
    }

    func testSummaryView() {
        let s = session("t")
        XCTAssertEqual(s.state.mode, .summary)
        XCTAssertEqual(s.effects, [], "triage does not mark read")
        XCTAssertEqual(session("t j").state.selected, 1)
        XCTAssertEqual(session("t n n p").state.selected, 1)
        XCTAssertEqual(session("t J K").state.selected, 0)
        XCTAssertEqual(session("t j Enter").state.open?.article.id, ids[1])
        XCTAssertEqual(session("t q").state.mode, .list)
        XCTAssertEqual(session("t t").state.mode, .list)
        XCTAssertEqual(session("Enter t").state.mode, .summary)
        XCTAssertTrue(session("t j").render().text.contains("À Castellane"))
    }

    func testSummaryScrollStopsAtTheEnd() {
        // A small window, so the summary is longer than the view.
        let end = session("t Space Space Space Space Space Space", width: 40, height: 8)
        let oneMore = session("t Space Space Space Space Space Space Space", width: 40, height: 8)
        XCTAssertEqual(end.state.summaryTop, oneMore.state.summaryTop, "paging past the end does not pile up")
        XCTAssertGreaterThan(end.state.summaryTop, 0, "the summary does scroll")
        let back = session("t Space Space Space Space Space Space b", width: 40, height: 8)
        XCTAssertNotEqual(back.render().text, end.render().text, "one page back moves at once")
    }

    func testResizeKeepsReadingPosition() {
        var s = session("G Enter")
        for _ in 0..<40 { s.send(.down) }
        let before = s.state.open!
        let text = before.layout.lines[before.top].text
        let block = before.layout.lines[before.top].block
        s.apply(.resize(width: 50, height: 20))
        let after = s.state.open!
        XCTAssertEqual(after.layout.width, 50)
        XCTAssertEqual(after.layout.lines[after.top].block, block, "same paragraph at the top")
        s.apply(.resize(width: 80, height: 24))
        XCTAssertEqual(s.state.open!.layout.lines[s.state.open!.top].text, text)
        s.apply(.resize(width: 1, height: 1))
        XCTAssertEqual(s.render().text, "t")
        s.apply(.resize(width: 80, height: 24))
        XCTAssertTrue(s.render().text.contains("Bulletin › The lighthouse"))
    }

    func testStartupWarningsShowInStatusBar() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("good.txt", "A title\n\nA paragraph of text.\n")
        try dir.write("empty.txt", "")
        let library = Library(paths: [dir.url.path], cacheDirectory: nil)
        let store = StateStore(directory: dir.url.appendingPathComponent("state"))
        var s = ReaderSession(library: library, store: store, width: 80, height: 24)
        XCTAssertTrue(s.render().text.contains("1 file skipped"))
        s.send(.character("j"))
        XCTAssertFalse(s.render().text.contains("1 file skipped"), "cleared by the next key")
    }

    func testKeyParsing() {
        XCTAssertEqual(Key.parse("j Enter Esc PgDn NPage Space abc BSpace"),
                       [.character("j"), .enter, .escape, .pageDown, .pageDown, .character(" "),
                        .character("a"), .character("b"), .character("c"), .backspace])
    }
}
