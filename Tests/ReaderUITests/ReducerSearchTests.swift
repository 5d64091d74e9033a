import Articles
import Foundation
import XCTest

@testable import ReaderUI

/// The list search typed letter by letter (with backspaces, under each filter, with and
/// without indexed bodies) must list exactly the rows a plain filter over the catalog
/// lists, in catalog order.
final class ReducerSearchTests: XCTestCase {
    static let words = ["Harbour", "ferry", "night", "Café", "été", "喫茶店", "Straße", "bees", "the", "ledger", "Ha", "aha", "☕"]

    static func articles(_ count: Int, seed: UInt64) -> [Article] {
        var random = SplitMix64(seed: seed)
        func phrase(_ most: Int) -> String { (0..<(1 + random.below(most))).map { _ in words[random.below(words.count)] }.joined(separator: " ") }
        return (0..<count).map { i in
            Article(
                id: ArticleID(rawValue: String(format: "%016x", i)), title: phrase(6),
                source: random.chance(40) ? ["Harbour Post", "Slow Cities", "Le Petit"][random.below(3)] : nil,
                author: random.chance(50) ? phrase(2) : nil,
                date: Date(timeIntervalSince1970: Double(1_000_000 - i)),
                sections: [ArticleSection(paragraphs: [phrase(12)])])
        }
    }

    /// The rows a plain pass over the catalog gives: the filters, then the query in the
    /// title, author or source, or (when bodies are indexed) in the body.
    func reference(_ s: ReaderState, _ articles: [Article], bodies: Bool) -> [Int] {
        let needle = s.query.lowercased()
        return s.context.items.indices.filter { i in
            let item = s.context.items[i]
            if let source = s.sourceFilter, item.source != source { return false }
            if s.filter == .unread, s.readIDs.contains(item.id) { return false }
            if s.filter == .saved, !s.savedIDs.contains(item.id) { return false }
            guard !needle.isEmpty else { return true }
            let text = ([item.title] + [item.author, item.source].compactMap { $0 }).map { $0.lowercased() }.joined(separator: "\n")
            if text.utf8.contains(needle.utf8) { return true }
            guard bodies else { return false }
            let body = articles[i].sections.flatMap(\.paragraphs).joined(separator: "\n").lowercased() + "\n"
            return body.utf8.contains(needle.utf8)
        }
    }

    func rows(_ s: ReaderState) -> [Int] { (0..<s.visible.count).map { s.visible[$0] } }

    func testTypedSearchMatchesPlainFilter() {
        let articles = ReducerSearchTests.articles(1_200, seed: 21)
        var random = SplitMix64(seed: 3)
        for bodies in [false, true] {
            let context = ReaderContext(articles: articles)
            if bodies { context.bodyIndex.build(context) }
            let read = Set(articles.filter { _ in random.chance(40) }.map(\.id))
            let saved = Set(articles.filter { _ in random.chance(20) }.map(\.id))
            var s = ReaderState(context: context, width: 120, height: 40, read: read, saved: saved)
            for round in 0..<40 {
                // Sometimes another filter or one source first, as a user would.
                if random.chance(30) { s = Reducer.reduce(s, .cycleFilter(1)).0 }
                s.sourceFilter = random.chance(20) ? "Harbour Post" : nil
                Reducer.refilter(&s, incremental: false)  // as choosing a feed does
                s = Reducer.reduce(s, .startSearch).0
                let word = ReducerSearchTests.words[random.below(ReducerSearchTests.words.count)]
                let query = random.chance(50) ? word.lowercased() : String(word.dropFirst(random.below(2))).uppercased()
                for c in query {
                    s = Reducer.reduce(s, .input(c)).0
                    XCTAssertEqual(rows(s), reference(s, articles, bodies: bodies), "round \(round), bodies \(bodies), query \(s.query)")
                    if random.chance(15) {
                        s = Reducer.reduce(s, .deleteBackward).0
                        XCTAssertEqual(rows(s), reference(s, articles, bodies: bodies), "after a backspace, query \(s.query)")
                    }
                }
                s = Reducer.reduce(s, random.chance(50) ? .cancelInput : .commitInput).0
                XCTAssertEqual(rows(s), reference(s, articles, bodies: bodies), "after the search, query \(s.query)")
                if !s.query.isEmpty { s = Reducer.reduce(s, .back).0 }
            }
        }
    }
}
