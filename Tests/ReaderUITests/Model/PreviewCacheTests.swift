import Articles
import BulletinTestSupport
import Foundation
import Storage
import XCTest

@testable import ReaderUI

/// The preview pane's cache: one layout per article and pane size while the file is
/// unchanged, the least recently used dropped when full.
final class PreviewCacheTests: XCTestCase {
    func testLinesAreMadeOncePerKeyAndTheLeastRecentlyUsedIsDropped() {
        let cache = PreviewCache(limit: 2)
        var made = 0
        func key(_ index: Int) -> PreviewCache.Key {
            PreviewCache.Key(index: index, path: nil, size: 0, modified: 0, width: 50, rows: 38)
        }
        func lines(_ index: Int) -> [ArticleLayout.Line] {
            cache.lines(for: key(index)) {
                made += 1
                return [ArticleLayout.Line(text: "article \(index)", prefix: "", kind: .title, block: 0, lineInBlock: 0)]
            }
        }
        XCTAssertEqual(lines(1).first?.text, "article 1")
        XCTAssertEqual(lines(1).first?.text, "article 1")
        XCTAssertEqual(made, 1, "kept while the selection stays")
        _ = lines(2)
        _ = lines(1)  // 1 is now the most recently used
        _ = lines(3)  // drops 2
        XCTAssertEqual(made, 3)
        XCTAssertTrue(cache.contains(key(1)))
        XCTAssertFalse(cache.contains(key(2)))
        XCTAssertTrue(cache.contains(key(3)))
    }

    func testTheKeyFollowsTheFilesSizeAndTimeAndThePaneSize() throws {
        let dir = try TemporaryDirectory(prefix: "bulletin-preview")
        defer { dir.remove() }
        let file = try dir.write("harbour.txt", "The harbour at dawn\n\nBoats come in before the market opens.\n")
        let library = Library(paths: [dir.url.path], cacheDirectory: nil)
        let context = ReaderContext(library: library, saved: [])
        let before = PreviewCache.key(context, 0, width: 50, rows: 38)
        XCTAssertEqual(before.path, file.path)
        XCTAssertEqual(before, PreviewCache.key(context, 0, width: 50, rows: 38))
        XCTAssertNotEqual(before, PreviewCache.key(context, 0, width: 60, rows: 38))
        try Data("The harbour at dawn\n\nBoats come in before the market opens, and leave.\n".utf8).write(to: file)
        XCTAssertNotEqual(before, PreviewCache.key(context, 0, width: 50, rows: 38), "a changed file is read again")
        try FileManager.default.removeItem(at: file)
        XCTAssertEqual(PreviewCache.key(context, 0, width: 50, rows: 38).size, -1)
    }

    func testThePreviewShowsTheSelectedArticleAsTheSelectionMoves() {
        var session = Fixtures.session(width: 120, height: 40)
        for step in 0..<3 {
            let index = session.state.selectedIndex!
            let title = session.state.context.items[index].title
            let screen = session.render()
            // The pane is right of the list's divider; its first row is the title.
            let pane = screen.text(ofRow: 1).components(separatedBy: "│").last!.trimmingCharacters(in: .whitespaces)
            XCTAssertTrue(pane.hasPrefix(String(title.prefix(8))), "step \(step): \(pane) for \(title)")
            XCTAssertEqual(session.render(), screen, "a second render from the cache is the same screen")
            session.send(.character("j"))
        }
    }
}
