import Foundation
import XCTest

@testable import Articles

/// StringLiteral: one quoting for article front matter (JSON/YAML) and config.toml (TOML).
final class StringLiteralTests: XCTestCase {
    func testEscapesQuotesBackslashesAndControls() {
        XCTAssertEqual(StringLiteral.quoted("plain é 日本"), "\"plain é 日本\"")
        XCTAssertEqual(StringLiteral.quoted("a \"b\" \\c"), "\"a \\\"b\\\" \\\\c\"")
        XCTAssertEqual(StringLiteral.quoted("1\n2\r3\t4"), "\"1\\n2\\r3\\t4\"")
        XCTAssertEqual(StringLiteral.quoted("\u{1B}[2J\u{7F}\u{9B}\u{2028}\u{2029}"),
                       "\"\\u001b[2J\\u007f\\u009b\\u2028\\u2029\"")
    }

    func testJSONReadsTheLiteralBackToTheSameText() throws {
        let samples = ["", "plain", "q\"uote \\ back", "\u{0}\u{1}\u{1F}\u{7F}\u{80}\u{9F}\u{A0}", "\u{2028}x\u{2029}", "😀 \u{202E}"]
        for text in samples {
            let data = Data(StringLiteral.quoted(text).utf8)
            let decoded = try JSONDecoder().decode(String.self, from: data)
            XCTAssertEqual(decoded, text)
        }
    }
}
