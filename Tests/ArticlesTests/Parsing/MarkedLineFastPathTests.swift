import XCTest

@testable import Articles

/// ``ByteLineClassifier/markedKind(_:)`` (bullets and `©` lines told apart on their bytes)
/// never gives a line another kind than ``LineClassifier/classifyFully(_:promoSources:)``.
final class MarkedLineFastPathTests: XCTestCase {
    func testMarkedLinesAgreeWithTheFullClassifier() {
        let markers = ["-", "*", "+", "©", "#", "1.", "=", "_", "a", "\u{2022}", "▪", "·", "✔", "✔\u{FE0F}", "►", "→", "“", ""]
            + LineClassifier.symbolMarkers.map { String($0) }
        let gaps = [" ", "  ", "", "\u{301}", " \u{301}", "\u{FE0F} ", "\t", " \u{200D}"]
        let bodies = [
            "A crowded bicycle described that lighthouse.", "- -", "-", "—", "“Quoted” line", "é", "2024", "  x  ",
            "Priya Mensah/Unframed Studio", "Key points", "Share this", "By Jane Doe", "", "📈 Rising", " ", "\u{301}a",
            "x" + String(repeating: " long", count: 60),
        ]
        var rng = SplitMix64(seed: 3)
        var taken = 0
        for _ in 0..<30_000 {
            var line = markers[Int(rng.next() % UInt64(markers.count))] + gaps[Int(rng.next() % UInt64(gaps.count))]
            for _ in 0..<Int(rng.next() % 3) { line += bodies[Int(rng.next() % UInt64(bodies.count))] }
            line = FastText.trimmingWhitespace(line[...])
            guard !line.isEmpty else { continue }
            if UTF8Scan.withBytes(line, ByteLineClassifier.markedKind) != nil { taken += 1 }
            let fast = LineClassifier.classify(line, promoSources: false)
            let full = LineClassifier.classifyFully(line, promoSources: false)
            XCTAssertEqual(fast, full, line)
            // Bytes too: `==` on strings is canonical equivalence.
            if case .bullet(let a, let m) = fast, case .bullet(let b, let k) = full {
                XCTAssertEqual(Array(a.utf8), Array(b.utf8), line)
                XCTAssertEqual(Array(m.utf8), Array(k.utf8), line)
            }
        }
        XCTAssertGreaterThan(taken, 3_000)
        XCTAssertEqual(UTF8Scan.withBytes("- A line", ByteLineClassifier.markedKind), .bullet)
        XCTAssertEqual(UTF8Scan.withBytes("© Ana Cruz", ByteLineClassifier.markedKind), .copyright)
        XCTAssertNil(UTF8Scan.withBytes("- - -", ByteLineClassifier.markedKind))
    }
}
