import XCTest

@testable import Articles

/// Lines that ``TextCleaner/isPlain(_:)`` lets skip the cleanup passes must come out of the
/// passes unchanged.
final class TextCleanerFastPathTests: XCTestCase {
    static func allPasses(_ bytes: [UInt8], _ typography: WhitespaceNormalizer.Typography) -> [UInt8] {
        var work = EntityRepair.repair(bytes[...])
        work = TextSanitizer.sanitize(work[...])
        if MarkdownInline.needsStripping(work[...]) { work = MarkdownInline.strip(work[...]) }
        return WhitespaceNormalizer.normalize(work[...], typography: { typography })
    }

    func testPlainLinesAreLeftUnchangedByEveryPass() {
        var samples = TextSamples(seed: 21)
        let extra = ["&amp;", "&#8217;", ";#8217;", "#", "*", "**", "_", "]", "](x)", "\u{202E}", "\u{2066}", "\u{200E}",
                     "\u{FEFF}", "\u{FFFE}", "\u{0085}", "\u{009B}", "\u{00AD}", "\u{061C}", "\u{205F}", "\u{2029}", "«", "»", "©"]
        var plain = 0
        for _ in 0..<20000 {
            var text = samples.text(maxPieces: 12)
            if samples.below(2) == 0 { text += extra[samples.below(extra.count)] + samples.text(maxPieces: 4) }
            let bytes = Array(text.utf8)
            guard TextCleaner.isPlain(bytes[...]) else { continue }
            plain += 1
            for typography in [WhitespaceNormalizer.Typography.standard, .french] {
                XCTAssertEqual(String(decoding: Self.allPasses(bytes, typography), as: UTF8.self), text, text.debugDescription)
            }
        }
        XCTAssertGreaterThan(plain, 1000)  // the test exercises the fast path
    }

    func testNonASCIILinesCanBePlain() {
        XCTAssertTrue(TextCleaner.isPlain(Array("L’été à Paris — « oui » 東京 😀".utf8)[...]))
        XCTAssertFalse(TextCleaner.isPlain(Array("a\u{00A0}?".utf8)[...]))
        XCTAssertFalse(TextCleaner.isPlain(Array("a\u{202E}b".utf8)[...]))
        XCTAssertFalse(TextCleaner.isPlain(Array("a\u{2003}b".utf8)[...]))
    }
}
