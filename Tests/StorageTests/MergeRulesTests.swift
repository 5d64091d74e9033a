import Articles
import XCTest

@testable import Storage

final class MergeRulesTests: XCTestCase {
    let a = Fixture.id(1)
    let b = Fixture.id(2)

    func testLaterChangeWinsForReadState() {
        let read = ReadRecord.read(at: Fixture.time(100), position: ReadingPosition(block: 2, line: 1))
        let unread = ReadRecord.unread(at: Fixture.time(200))
        XCTAssertEqual(StateMerge.winner(read, unread), unread)
        XCTAssertEqual(StateMerge.winner(unread, read), unread)
        let reread = ReadRecord.read(at: Fixture.time(300))
        XCTAssertEqual(StateMerge.winner(unread, reread), reread)
    }

    func testLaterChangeWinsForFavorites() {
        let saved = SavedRecord.saved(Fixture.article("x"), at: Fixture.time(100))
        let unsaved = SavedRecord.unsaved(at: Fixture.time(50))
        XCTAssertEqual(StateMerge.winner(saved, unsaved), saved)
        XCTAssertEqual(StateMerge.winner(unsaved, saved), saved)
        let later = SavedRecord.unsaved(at: Fixture.time(150))
        XCTAssertEqual(StateMerge.winner(saved, later), later)
    }

    func testTiesAreBrokenDeterministicallyWithTheRemovalWinning() {
        let read = ReadRecord.read(at: Fixture.time(100))
        let unread = ReadRecord.unread(at: Fixture.time(100))
        XCTAssertEqual(StateMerge.winner(read, unread), unread)
        XCTAssertEqual(StateMerge.winner(unread, read), unread)
        let saved = SavedRecord.saved(Fixture.article("x"), at: Fixture.time(100))
        let unsaved = SavedRecord.unsaved(at: Fixture.time(100))
        XCTAssertEqual(StateMerge.winner(saved, unsaved), unsaved)
        XCTAssertEqual(StateMerge.winner(unsaved, saved), unsaved)
        let p1 = ReadRecord.read(at: Fixture.time(100), readAt: Fixture.time(10), position: ReadingPosition(block: 1, line: 0))
        let p2 = ReadRecord.read(at: Fixture.time(100), readAt: Fixture.time(10), position: ReadingPosition(block: 3, line: 0))
        XCTAssertEqual(StateMerge.winner(p1, p2), p2)
        XCTAssertEqual(StateMerge.winner(p2, p1), p2)
        let s1 = SavedRecord.saved(Fixture.article("x"), at: Fixture.time(100))
        let s2 = SavedRecord.saved(Fixture.article("y"), at: Fixture.time(100))
        XCTAssertEqual(StateMerge.winner(s1, s2), StateMerge.winner(s2, s1))
    }

    func testMergeIsAUnionWithPerArticleLatestWins() {
        let left: [ArticleID: ReadRecord] = [a: .read(at: Fixture.time(100)), b: .unread(at: Fixture.time(300))]
        let right: [ArticleID: ReadRecord] = [a: .unread(at: Fixture.time(200)), Fixture.id(3): .read(at: Fixture.time(50))]
        let merged = StateMerge.merge(left, right)
        XCTAssertEqual(merged.count, 3)
        XCTAssertEqual(merged[a], .unread(at: Fixture.time(200)))
        XCTAssertEqual(merged[b], .unread(at: Fixture.time(300)))
        XCTAssertEqual(merged[Fixture.id(3)], .read(at: Fixture.time(50)))
    }

    func testApplyReportsOnlyRealChanges() {
        var table: [ArticleID: ReadRecord] = [a: .read(at: Fixture.time(100))]
        XCTAssertEqual(StateMerge.apply([a: .read(at: Fixture.time(100))], to: &table), [])
        XCTAssertEqual(StateMerge.apply([a: .unread(at: Fixture.time(50))], to: &table), [])
        XCTAssertEqual(StateMerge.apply([a: .unread(at: Fixture.time(150)), b: .read(at: Fixture.time(1))], to: &table).sorted(), [a, b].sorted())
    }

    /// Random tables: merging is commutative, associative and idempotent, so two copies of
    /// the state converge whatever order the instances write in.
    func testMergeIsCommutativeAssociativeAndIdempotent() {
        var rng = SplitMix64(seed: 7)
        func randomTable() -> [ArticleID: ReadRecord] {
            var table: [ArticleID: ReadRecord] = [:]
            for _ in 0..<40 {
                let id = Fixture.id(Int(rng.next() % 25))
                let time = Fixture.time(Int64(rng.next() % 30))
                table[id] = rng.next() % 2 == 0
                    ? .unread(at: time)
                    : .read(at: time, position: rng.next() % 2 == 0 ? nil : ReadingPosition(block: Int(rng.next() % 3), line: 0))
            }
            return table
        }
        for _ in 0..<200 {
            let x = randomTable(), y = randomTable(), z = randomTable()
            XCTAssertEqual(StateMerge.merge(x, y), StateMerge.merge(y, x))
            XCTAssertEqual(StateMerge.merge(StateMerge.merge(x, y), z), StateMerge.merge(x, StateMerge.merge(y, z)))
            XCTAssertEqual(StateMerge.merge(x, x), x)
        }
    }

    func testFavoriteRecordsExposeTheSavedArticle() {
        let article = Fixture.article("x")
        let saved = SavedRecord.saved(article, at: Fixture.time(5_000), savedAt: Fixture.time(1_000))
        XCTAssertEqual(saved.savedArticle, SavedArticle(article: article, savedAt: Date(timeIntervalSince1970: 1)))
        XCTAssertNil(SavedRecord.unsaved(at: Fixture.time(1)).savedArticle)
    }
}
