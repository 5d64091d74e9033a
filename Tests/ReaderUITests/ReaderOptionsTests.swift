import Articles
import Foundation
import ReaderUI
import Storage
import XCTest

/// The `[reader]` choices: mark-read-on-open, sort order, measure, preview width, list date.
final class ReaderOptionsTests: XCTestCase {
    let ids = Fixtures.all.map(\.id)

    func testOpeningDoesNotMarkReadWhenTurnedOff() {
        var options = ReaderOptions()
        options.markReadOnOpen = false
        var s = Fixtures.session(options: options)
        s.send(Key.parse("Enter"))
        XCTAssertEqual(s.state.mode, .article)
        XCTAssertFalse(s.state.readIDs.contains(ids[0]))
        XCTAssertEqual(s.effects, [])
        s.send(Key.parse("m q"))
        XCTAssertTrue(s.state.readIDs.contains(ids[0]), "m still marks it read")
        XCTAssertEqual(s.effects.first, .markRead(ids[0]))

        var standard = Fixtures.session()
        standard.send(.enter)
        XCTAssertEqual(standard.effects, [.markRead(ids[0])], "the default marks read on open")
    }

    func testSortOrders() {
        let items = Fixtures.context().items
        func order(_ sort: ListOrder) -> [String] {
            ReaderContext.sorted(items, by: sort).map(\.title)
        }
        XCTAssertEqual(order(.date), items.map(\.title))
        // By title, ignoring case and accents: "À Castellane" before "Do city bees".
        XCTAssertEqual(order(.title), [Fixtures.market.title, Fixtures.bees.title, Fixtures.lighthouse.title,
                                       Fixtures.ferry.title, Fixtures.kissaten.title])
        // By source (author when there is none): Archive Notes, Harbour Weekly, Le Petit
        // Provençal, Sam Okafor (no source), Slow Cities.
        XCTAssertEqual(order(.source), [Fixtures.lighthouse.title, Fixtures.ferry.title, Fixtures.market.title,
                                        Fixtures.bees.title, Fixtures.kissaten.title])
    }

    func testMeasure() {
        var options = ReaderOptions()
        options.maximumMeasure = 40
        var s = Fixtures.session(width: 100, options: options)
        s.send(.enter)
        let layout = try! XCTUnwrap(s.state.open?.layout)
        XCTAssertEqual(layout.measure, 40)
        XCTAssertEqual(layout.margin, 30)
        XCTAssertTrue(layout.lines.allSatisfy { DisplayWidth.of($0.prefix + $0.text) <= 40 })
        s.apply(.resize(width: 120, height: 24))
        XCTAssertEqual(s.state.open?.layout.measure, 40, "a resize keeps the measure")
        XCTAssertEqual(Fixtures.session(width: 100).state.width, 100)
        var standard = Fixtures.session(width: 100)
        standard.send(.enter)
        XCTAssertEqual(standard.state.open?.layout.measure, 78)
    }

    func testPreviewWidthAndDateFormat() {
        var options = ReaderOptions()
        options.previewMinimumWidth = 100
        options.listDate = ListDateFormat(pattern: "d MMM")
        let wide = Fixtures.session(width: 110, height: 20, options: options).render()
        XCTAssertTrue(wide.text(ofRow: 1).contains("│"), "the preview pane shows from 100 columns")
        XCTAssertFalse(Fixtures.session(width: 110, height: 20).render().text(ofRow: 1).contains("│"))
        options.previewMinimumWidth = 200
        let list = Fixtures.session(width: 110, height: 20, options: options).render()
        XCTAssertTrue(list.text(ofRow: 1).contains("11 Mar"), list.text(ofRow: 1))
        XCTAssertFalse(list.text(ofRow: 1).contains("2024-03-11"))
        XCTAssertTrue(Fixtures.session(width: 110, height: 20).render().text(ofRow: 1).contains("2024-03-11"))
        XCTAssertEqual(ListDateFormat(pattern: "d MMM").width, 6)
        XCTAssertEqual(ListDateFormat.standard.width, 10)
    }
}
