import XCTest

@testable import Articles

/// The one-pass marker search finds each promotion marker where searching for it alone does.
final class SourceExtractorMarkerTests: XCTestCase {
    func testOnePassFindsEachMarkerWhereItsOwnSearchDoes() {
        let pieces = SourceExtractor.promoMarkers + SourceExtractor.promoMarkers.map { $0.uppercased() } + [
            "The Lantern Post", " ", "news", "from", "follow", "FoLLoW uS oN ", "the", "📰", "—", "get", "sign up for", "x",
        ]
        var rng = SplitMix64(seed: 12)
        var found = 0
        for _ in 0..<20_000 {
            var line = ""
            for _ in 0..<Int(rng.next() % 7) { line += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let ends = UTF8Scan.withBytes(line, SourceExtractor.markerEnds)
            let bytes = Array(line.utf8)
            for (index, needle) in SourceExtractor.promoMarkerNeedles.enumerated() {
                let expected = needle.flatMap { ASCIICase.firstMatchEnd(of: $0, in: bytes) }
                XCTAssertEqual(ends[index], expected, "\(line) / \(SourceExtractor.promoMarkers[index])")
                if expected != nil { found += 1 }
            }
        }
        XCTAssertGreaterThan(found, 5_000)
    }
}

/// The source line's shortcuts answer as the whole-line work did.
final class SourceLineFastPathTests: XCTestCase {
    private static let pieces = [
        "https://example.com/a", "HTTP://X.ORG", "www.site.net", "(https://a.b/c)", "<www.x.y>", "[http://q.r]", "(\u{301}https://a.b",
        "h", "w", "Reuters", "The", "Verge", "on", "and", "Grist", "Ünïcode", "e\u{301}", " ", "  ", ",", "(", "-", "—", "Field & Stream", "x",
        "Ａ", "ｈttps://a.b",
    ]

    func testURLPrefilterNeverRejectsAURL() {
        var rng = SplitMix64(seed: 21)
        var urls = 0
        for _ in 0..<20_000 {
            var token = ""
            for _ in 0..<(1 + Int(rng.next() % 3)) { token += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
            if SourceExtractor.standaloneURL(token) != nil {
                urls += 1
                XCTAssertTrue(SourceExtractor.mayBeURL(token[...]), token)
            }
        }
        XCTAssertGreaterThan(urls, 1_000)
    }

    /// `leadingName` reads no further than it needs (or by bytes): the same names as
    /// splitting the whole text.
    func testLeadingNameAgreesWithSplittingTheWholeText() {
        func whole(_ text: Substring, maxWords: Int) -> String? {
            SourceExtractor.leadingName(pieces: text.split(separator: " ", omittingEmptySubsequences: true), maxWords: maxWords)
        }
        var rng = SplitMix64(seed: 22)
        var named = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 9) { text += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] + (rng.next() % 3 == 0 ? "" : " ") }
            for maxWords in [4, 6] {
                let expected = whole(text[...], maxWords: maxWords)
                if expected != nil { named += 1 }
                XCTAssertEqual(SourceExtractor.leadingName(text[...], maxWords: maxWords), expected, text)
            }
        }
        XCTAssertGreaterThan(named, 1_000)
    }
}
