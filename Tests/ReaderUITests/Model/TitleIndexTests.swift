import Articles
import Foundation
import XCTest

@testable import ReaderUI

/// The list-based title search must give exactly the items a plain substring search of
/// each item gives, in catalog order, whatever the order of the needles it is asked.
final class TitleIndexTests: XCTestCase {
    static let words = [
        "Harbour", "harbourledger.example", "ferry", "Night", "train", "bees", "喫茶店", "Café", "été", "a", "an", "the",
        "Ledger", "Straße", "ΣΟΦΊΑ", "naïve", "☕", "🔥🔥", "ǅemal", "İstanbul", "haha", "aaaa", "Ha-ha", "Ş", "x",
    ]

    /// A catalog with short and long titles (past the 64-byte probe and the 255-byte offset
    /// limit), optional authors and sources, and many repeated triples.
    static func catalog(_ count: Int, seed: UInt64) -> [CatalogItem] {
        var random = SplitMix64(seed: seed)
        func phrase(_ most: Int) -> String {
            (0..<(1 + random.below(most))).map { _ in words[random.below(words.count)] }.joined(separator: random.chance(20) ? "" : " ")
        }
        return (0..<count).map { i -> CatalogItem in
            CatalogItem(
                id: ArticleID(rawValue: String(format: "%016x", i)), title: phrase(random.chance(10) ? 70 : 8),
                source: random.chance(50) ? "The \(phrase(2)) Post" : nil,
                author: random.chance(50) ? phrase(2) : nil,
                date: Date(timeIntervalSince1970: 0), readingMinutes: 1,
                origin: .library(i))
        }
    }

    /// A query: part of an item's text (so that it matches something), or random letters.
    static func query(_ items: [CatalogItem], _ random: inout SplitMix64) -> String {
        if random.chance(25) {
            return String((0..<(1 + random.below(5))).map { _ in "abehrt喫é ".randomCharacter(&random) })
        }
        let item = items[random.below(items.count)]
        let text = Array([item.title, item.author ?? "", item.source ?? ""][random.below(3)])
        guard !text.isEmpty else { return "x" }
        let start = random.below(text.count)
        let length = 1 + random.below(min(12, text.count - start))
        let part = String(text[start..<(start + length)])
        return random.chance(30) ? part.uppercased() : part
    }

    func reference(_ index: TitleIndex, _ needle: [UInt8], within: [Int]?) -> [Int] {
        (within ?? Array(0..<index.count)).filter { index.matches($0, needle) }
    }

    /// Queries typed letter by letter (each narrowing the previous result, as the list
    /// search does), with backspaces and fresh queries, on an index with the usual number of
    /// triple lists and on one with so few that most triples share a list.
    func testMatchingItemsAgreeWithSubstringSearchWhileTyping() {
        let items = TitleIndexTests.catalog(2_000, seed: 11)
        for bits in [18, 4] {
            let index = TitleIndex(items: items, tripleBits: bits)
            var random = SplitMix64(seed: UInt64(bits))
            for _ in 0..<60 {
                let query = TitleIndexTests.query(items, &random)
                var typed = ""
                var shown: [Int]? = nil  // the rows: every item before the first letter
                var steps: [Character] = Array(query)
                if random.chance(40), steps.count > 2 {
                    steps.insert("\u{8}", at: 1 + random.below(steps.count - 1))  // a backspace
                }
                for step in steps {
                    let grew: Bool
                    if step == "\u{8}" { typed.removeLast(); grew = false } else { typed.append(step); grew = true }
                    let needle = ByteSearch.folded(typed)
                    let within = grew ? shown : nil
                    let found = index.matchingItems(needle, within: within)
                    XCTAssertEqual(found, reference(index, needle, within: within), "\(bits) bits, query \(typed)")
                    shown = found
                }
            }
        }
    }

    /// Needles asked in any order, with subsets that are not earlier results.
    func testMatchingItemsAgreeWithSubstringSearchInAnyOrder() {
        let items = TitleIndexTests.catalog(1_500, seed: 12)
        let index = TitleIndex(items: items, tripleBits: 10)
        var random = SplitMix64(seed: 5)
        for _ in 0..<300 {
            let needle = ByteSearch.folded(TitleIndexTests.query(items, &random))
            let within: [Int]? = random.chance(50) ? (0..<items.count).filter { _ in random.chance(30) } : nil
            XCTAssertEqual(index.matchingItems(needle, within: within), reference(index, needle, within: within),
                           String(decoding: needle, as: UTF8.self))
        }
        // A needle longer than the batched probe's reach, one that spans two fields, and
        // one with a separator's byte.
        let long = ByteSearch.folded(String(repeating: "harbour ", count: 20))
        XCTAssertEqual(index.matchingItems(long), reference(index, long, within: nil))
        for needle in [[UInt8]("post".utf8), Array("ledger\nthe".utf8), [0x61, 0x00]] {
            XCTAssertEqual(index.matchingItems(needle), reference(index, needle, within: nil))
        }
        XCTAssertEqual(index.matchingItems([]), Array(0..<items.count))
    }

    func testKnownMatches() {
        let items = TitleIndexTests.catalog(500, seed: 13)
        let index = TitleIndex(items: items)
        for query in ["h", "ha", "harbour", "喫茶", "CAFÉ", "été", "straße", "σοφία", "zq"] {
            let needle = ByteSearch.folded(query)
            let expected = items.indices.filter { i in
                [items[i].title, items[i].author ?? "", items[i].source ?? ""].contains { $0.lowercased().contains(query.lowercased()) }
            }
            XCTAssertEqual(index.matchingItems(needle), expected, query)
            XCTAssertEqual(expected.isEmpty, query == "zq", query)
        }
    }
}

private extension String {
    func randomCharacter(_ random: inout SplitMix64) -> Character {
        let all = Array(self)
        return all[random.below(all.count)]
    }
}
