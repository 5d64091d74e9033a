import Articles
import Foundation
import XCTest

@testable import ReaderUI

/// The one-pass title search must agree with searching each item on its own.
final class TitleIndexTests: XCTestCase {
    func testMatchMaskAgreesWithPerItemSearch() {
        var random = SplitMix64(seed: 11)
        let words = ["Harbour", "ferry", "Night", "train", "bees", "喫茶店", "Café", "été", "a", "an", "the", "Ledger"]
        let items = (0..<3_000).map { i -> CatalogItem in
            let title = (0..<(1 + random.below(6))).map { _ in words[random.below(words.count)] }.joined(separator: " ")
            return CatalogItem(
                id: ArticleID(rawValue: String(format: "%016x", i)), title: title,
                source: random.chance(50) ? "The \(words[random.below(words.count)]) Post" : nil,
                author: random.chance(50) ? words[random.below(words.count)] : nil,
                date: Date(timeIntervalSince1970: 0), readingMinutes: 1,
                origin: .library(i))
        }
        let index = TitleIndex(items: items)
        for query in ["h", "ha", "harbour", "night train", "post", "喫茶", "CAFÉ", "été", "e", "zz", "ledger the", "r l"] {
            let needle = ByteSearch.folded(query)
            let mask = index.matchMask(needle)
            let expected = (0..<items.count).map { index.matches($0, needle) }
            XCTAssertEqual(mask, expected, "query \(query)")
            XCTAssertTrue(expected.contains(true) || query == "zz" || query == "ledger the" || query == "r l", "query \(query) should match something")
        }
    }
}
