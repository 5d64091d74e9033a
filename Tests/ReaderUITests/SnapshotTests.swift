import Articles
import ReaderUI
import SnapshotTesting
import XCTest

/// The rendered grid as text, compared with reviewed snapshots in `__Snapshots__`.
final class SnapshotTests: XCTestCase {
    static let sizes = [(80, 24), (120, 40), (40, 12)]

    func screens(_ keys: String) -> [(String, String)] {
        Self.sizes.map { (w, h) in
            var session = Fixtures.session(width: w, height: h, read: [Fixtures.market.id], saved: [Fixtures.bees.id])
            session.indexBodies()
            session.send(Key.parse(keys))
            return ("\(w)x\(h)", session.render().text)
        }
    }

    func check(_ keys: String, file: StaticString = #filePath, testName: String = #function, line: UInt = #line) {
        for (size, text) in screens(keys) {
            assertSnapshot(of: text, as: .lines, named: size, file: file, testName: testName, line: line)
        }
    }

    func testList() { check("j") }
    func testArticle() { check("Enter") }
    func testArticleScrolled() { check("G j Enter Space") }
    func testSummary() { check("t") }
    func testHelp() { check("?") }
    func testSearchTyping() { check("/ the") }
    func testSearchBody() { check("/ keeper Enter") }
    func testFindInArticle() { check("Enter / passengers") }
    func testSavedFilter() { check("Tab Tab") }
    func testCJKArticle() { check("j j Enter") }

    func testTooSmall() {
        for (w, h) in [(19, 24), (80, 4), (1, 1), (10, 3)] {
            let session = Fixtures.session(width: w, height: h)
            assertSnapshot(of: session.render().text, as: .lines, named: "\(w)x\(h)")
        }
    }
}
