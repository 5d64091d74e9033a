import XCTest

@testable import Articles

final class WordWrapTests: XCTestCase {
    /// The straightforward `Character`-by-`Character` algorithm that ``WordWrap`` must match.
    static func referenceLines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var word = ""
        var wordWidth = 0
        func flushLine() {
            while line.hasSuffix(" ") { line.removeLast(); lineWidth -= 1 }
            lines.append(line)
            line = ""
            lineWidth = 0
        }
        func placeWord() {
            guard !word.isEmpty else { return }
            if lineWidth > 0, lineWidth + wordWidth > width { flushLine() }
            if wordWidth <= width - lineWidth {
                line += word
                lineWidth += wordWidth
            } else {
                for ch in word {
                    let w = DisplayWidth.of(ch)
                    if lineWidth + w > width, lineWidth > 0 { flushLine() }
                    line.append(ch)
                    lineWidth += w
                }
            }
            word = ""
            wordWidth = 0
        }
        for ch in text {
            if ch == " " || ch == "\t" || ch == "\n" {
                placeWord()
                if ch == "\n" { flushLine(); continue }
                if lineWidth > 0, lineWidth < width { line.append(" "); lineWidth += 1 }
            } else {
                let w = DisplayWidth.of(ch)
                if w == 2, let scalar = ch.unicodeScalars.first, WordCounter.isCJK(scalar) {
                    placeWord()
                    word = String(ch)
                    wordWidth = w
                    placeWord()
                } else {
                    word.append(ch)
                    wordWidth += w
                }
            }
        }
        placeWord()
        if !line.isEmpty || lines.isEmpty { flushLine() }
        return lines
    }

    func testWrapsAtSpacesWithinWidth() {
        XCTAssertEqual(WordWrap.lines("the quick brown fox jumps", width: 10), ["the quick", "brown fox", "jumps"])
        XCTAssertEqual(WordWrap.lines("", width: 10), [""])
        XCTAssertEqual(WordWrap.lines("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(WordWrap.lines("one\ntwo", width: 20), ["one", "two"])
    }

    func testBreaksBetweenIdeographsAndKeepsWideCharactersWhole() {
        XCTAssertEqual(WordWrap.lines("東京の喫茶店", width: 5), ["東京", "の喫", "茶店"])
        XCTAssertEqual(WordWrap.lines("ab😀cd", width: 3), ["ab", "😀c", "d"])
    }

    func testCombiningMarksStayWithTheirLetter() {
        // "e" + U+0301 is one character of width 1, so "abcde\u{301}" is five cells wide.
        XCTAssertEqual(WordWrap.lines("abcde\u{301} fg", width: 5), ["abcde\u{301}", "fg"])
    }

    func testMatchesCharacterByCharacterWrappingOnRandomText() {
        var samples = TextSamples(seed: 42)
        for round in 0..<4000 {
            let text = samples.text()
            let width = 1 + samples.below(30)
            let expected = Self.referenceLines(text, width: width)
            let actual = WordWrap.lines(text, width: width)
            if actual != expected {
                XCTFail("round \(round), width \(width): \(text.debugDescription)\n got \(actual)\nwant \(expected)")
                return
            }
        }
    }

    func testMatchesOnBridgedAndSubstringBackedText() {
        var samples = TextSamples(seed: 7)
        for _ in 0..<300 {
            let text = samples.text()
            let copy = String(text[...])  // another storage of the same text
            XCTAssertEqual(WordWrap.lines(copy, width: 12), Self.referenceLines(text, width: 12))
        }
    }
}
