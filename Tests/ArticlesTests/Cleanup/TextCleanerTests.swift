import Articles
import XCTest

final class TextCleanerTests: XCTestCase {
    func testPipelineOrder() {
        // An entity that encodes ESC is removed with its sequence by the sanitizer afterwards.
        XCTAssertEqual(TextCleaner.cleanLine("a&#27;[31mred&#x1b;[0m b"), "ared b")
        XCTAssertEqual(TextCleaner.cleanLine("  Fish &amp;\tchips\u{00A0}?  "), "Fish & chips?")
        XCTAssertEqual(TextCleaner.cleanLine("Pourquoi\u{00A0}?", typography: .french), "Pourquoi ?")
    }

    func testPlainLinesPassUnchanged() {
        let text = "A plain line, with punctuation: and numbers 1234!"
        XCTAssertEqual(TextCleaner.cleanLine(text), text)
    }

    func testOutputIsAlwaysOneCleanLine() {
        let messy = "\u{1B}]0;x\u{7}Title\twith\u{202E}tricks\u{2028}and\u{0}nul &#7; &#x85;end"
        let clean = TextCleaner.cleanLine(messy)
        assertCleanLine(clean, "clean")
        XCTAssertFalse(clean.contains("\n") || clean.contains("\t"))
        XCTAssertEqual(clean, "Title withtricks andnul …end")  // &#x85; is Windows-1252 …
    }
}
