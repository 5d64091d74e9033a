import Articles
import BulletinTestSupport
import Foundation
import ReaderUI
import Storage
import XCTest

/// `r`, the feeds view, and the list after a refresh brought new articles.
final class FeedsReducerTests: XCTestCase {
    func testFeedsViewCountsUnreadPerSourceAndEnterFilters() {
        var s = Fixtures.session(read: [Fixtures.market.id])
        s.send(.character("v"))
        let view = try! XCTUnwrap(s.state.feeds)
        XCTAssertEqual(view.rows.first?.source, nil)
        XCTAssertEqual(view.rows.first?.total, Fixtures.all.count)
        XCTAssertEqual(view.rows.first?.unread, Fixtures.all.count - 1)
        let provencal = try! XCTUnwrap(view.rows.firstIndex { $0.source == "Le Petit Provençal" })
        XCTAssertEqual(view.rows[provencal].unread, 0)
        XCTAssertEqual(view.rows[provencal].total, 1)
        for _ in 0..<provencal { s.send(.character("j")) }
        s.send(.enter)
        XCTAssertNil(s.state.feeds)
        XCTAssertEqual(s.state.sourceFilter, "Le Petit Provençal")
        XCTAssertEqual(s.state.visible.count, 1)
        XCTAssertEqual(s.state.context.items[s.state.visible[0]].id, Fixtures.market.id)
        // Esc in the list goes back to every feed; so does "All feeds" in the view.
        s.send(.escape)
        XCTAssertNil(s.state.sourceFilter)
        XCTAssertEqual(s.state.visible.count, Fixtures.all.count)
        s.send(Key.parse("v j Enter v g Enter"))
        XCTAssertNil(s.state.sourceFilter)
        XCTAssertEqual(s.state.visible.count, Fixtures.all.count)
    }

    func testFeedsViewClosesWithoutChangingTheList() {
        var s = Fixtures.session()
        s.send(Key.parse("j v j j q"))
        XCTAssertNil(s.state.feeds)
        XCTAssertFalse(s.state.quitRequested)
        XCTAssertEqual(s.state.selected, 1)
        XCTAssertNil(s.state.sourceFilter)
    }

    func testRefreshAsksOnceAndReportsProgressAndResult() {
        var s = Fixtures.session()
        s.send(.character("r"))
        XCTAssertEqual(s.effects, [.refreshFeeds])
        XCTAssertTrue(s.state.isRefreshing)
        s.send(.character("r"))
        XCTAssertEqual(s.effects, [.refreshFeeds], "a second r while refreshing starts nothing")
        XCTAssertEqual(s.state.message?.text, "A refresh is already running")
        s.apply(.refreshProgress("3/10 feeds, 12 new"))
        XCTAssertEqual(s.state.message?.text, "Refreshing: 3/10 feeds, 12 new")
        s.apply(.refreshFinished("10 feeds: 9 ok, 0 not modified, 1 failed; 12 new articles", failed: true))
        XCTAssertFalse(s.state.isRefreshing)
        XCTAssertEqual(s.state.message?.isWarning, true)
    }

    func testNewArticlesKeepTheSelectionAndItsPlaceOnScreen() throws {
        let temp = try TemporaryDirectory(prefix: "bulletin-reload")
        defer { temp.remove() }
        func article(_ name: String, _ title: String, _ day: Int) throws {
            try temp.write("library/\(name).txt", "\(title)\n\n2024-05-\(String(format: "%02d", day))\n\nA paragraph about \(title.lowercased()) that is long enough to be an article body on its own.\n")
        }
        for day in 1...12 { try article("old-\(day)", "Old story \(day)", day) }
        let store = StateStore(directory: temp.url.appendingPathComponent("state"))
        let paths = [temp.url.appendingPathComponent("library").path]
        var state = ReaderState(library: Library(paths: paths, cacheDirectory: nil), store: store, width: 80, height: 12)
        for _ in 0..<9 { state = Reducer.reduce(state, .move(1)).0 }
        let selectedID = state.context.items[state.selectedIndex!].id
        let offset = state.selected - state.listTop
        for day in 20...22 { try article("new-\(day)", "New story \(day)", day) }

        let next = state.replacingLibrary(Library(paths: paths, cacheDirectory: nil), store: store)
        XCTAssertEqual(next.visible.count, 15)
        XCTAssertEqual(next.context.items[next.selectedIndex!].id, selectedID)
        XCTAssertEqual(next.selected, state.selected + 3)
        XCTAssertEqual(next.selected - next.listTop, offset)
    }
}
