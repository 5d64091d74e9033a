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
