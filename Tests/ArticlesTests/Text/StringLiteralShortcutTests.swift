@testable import Articles
import XCTest

/// The byte-scan shortcut of ``StringLiteral/quoted(_:)`` gives the same literal as the
/// scalar-by-scalar escape.
final class StringLiteralShortcutTests: XCTestCase {
    func testShortcutMatchesTheScalarEscape() {
        let samples = [
            "", "plain title", "caf\u{E9} \u{4E2D}\u{6587} \u{1F600}", "say \"hi\"", "back\\slash", "tab\there",
            "line\nbreak", "cr\rhere", "del\u{7F}", "c1\u{85}next", "\u{9F}", "\u{A0}nbsp", "\u{2028}\u{2029}",
            "\u{2013} dash \u{201C}quotes\u{201D}", "\u{0}nul", "\u{1B}[31m",
        ]
        for sample in samples {
            XCTAssertEqual(StringLiteral.quoted(sample), StringLiteral.quotedByScalars(sample), sample.debugDescription)
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", " ", "\"", "\\", "\n", "\u{7F}", "\u{85}", "\u{A9}", "\u{2028}", "\u{2014}", "\u{E9}", "\u{1}", "z9"]
        for _ in 0..<1000 {
            let sample = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(StringLiteral.quoted(sample), StringLiteral.quotedByScalars(sample), sample.debugDescription)
        }
    }
}
