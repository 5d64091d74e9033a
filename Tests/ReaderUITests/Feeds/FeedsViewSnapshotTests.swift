import Articles
import ReaderUI
import SnapshotTesting
import XCTest

/// The feeds view and the list narrowed to one feed, as reviewed text snapshots.
final class FeedsViewSnapshotTests: XCTestCase {
    func check(_ keys: String, file: StaticString = #filePath, testName: String = #function, line: UInt = #line) {
        for (w, h) in SnapshotTests.sizes {
            var session = Fixtures.session(width: w, height: h, read: [Fixtures.market.id], saved: [Fixtures.bees.id])
            session.send(Key.parse(keys))
            assertSnapshot(of: session.render().text, as: .lines, named: "\(w)x\(h)", file: file, testName: testName, line: line)
        }
    }

    func testFeedsView() { check("v") }
    func testFeedsViewSelection() { check("v j j") }
    func testListNarrowedToOneFeed() { check("v j j Enter") }
}
