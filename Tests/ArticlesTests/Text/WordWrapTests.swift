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

    /// Wraps `text` both ways: the one-cell-per-scalar path and the general one. For plain
    /// ASCII text, the ASCII path must give the same lines as the first.
    static func bothPaths(_ text: String, width: Int) -> (fast: [String], general: [String]) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer {
            var fast = WordWrap.wrapOneCellPerScalar($0, width: width)
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                let ascii = WordWrap.wrapASCII($0, width: width)
                if ascii != fast { fast = ["ASCII path:"] + ascii }
            }
            return (fast, WordWrap.wrapAny(text, $0, width: width))
        }
    }

    static func isOneCellPerScalar(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer(WordWrap.isOneCellPerScalar)
    }

    /// Word characters for the fast path: printable ASCII, and one-cell scalars of other
    /// lengths in UTF-8 (no-break space, Latin-1, Latin Extended, Greek, Cyrillic, quotes,
    /// dashes, the ellipsis).
    static let oneCellCharacters: [Character] = (0x21...0x7E).map { Character(Unicode.Scalar(UInt8($0))) }
        + ["\u{00A0}", "é", "ß", "ÿ", "\u{00AD}", "ő", "ǆ", "ʼ", "Σ", "ω", "Ж", "я", "ԯ", "’", "“", "”", "—", "–", "‐", "…", "‧"]

    func testOneCellPerScalarPathMatchesTheGeneralPath() {
        var samples = TextSamples(seed: 11)
        let letters = Self.oneCellCharacters
        for round in 0..<6000 {
            // Words of 1 to 40 characters (some longer than the line), runs of 1 to 4 spaces,
            // sometimes spaces at the start or the end; half the texts plain ASCII.
            let ascii = samples.below(2) == 0
            var text = samples.below(4) == 0 ? String(repeating: " ", count: 1 + samples.below(3)) : ""
            for w in 0..<samples.below(12) {
                if w > 0 { text += String(repeating: " ", count: samples.below(5) == 0 ? 1 + samples.below(4) : 1) }
                let length = samples.below(6) == 0 ? 1 + samples.below(40) : 1 + samples.below(9)
                for _ in 0..<length {
                    text.append(letters[samples.below(ascii || samples.below(4) != 0 ? 94 : letters.count)])
                }
            }
            if samples.below(4) == 0 { text += String(repeating: " ", count: 1 + samples.below(3)) }
            let width = 1 + samples.below(samples.below(3) == 0 ? 8 : 40)
            XCTAssertTrue(Self.isOneCellPerScalar(text), text.debugDescription)
            let (fast, general) = Self.bothPaths(text, width: width)
            if fast != general || fast != Self.referenceLines(text, width: width) || WordWrap.lines(text, width: width) != fast {
                XCTFail("round \(round), width \(width): \(text.debugDescription)\n got \(fast)\nwant \(general)")
                return
            }
        }
        for text in ["", " ", "   ", "a", " a ", "a  b", "ab  ", "abcdef", "abc def", "abcdefgh ij", "é—’ ÿ\u{00A0}Ж"] {
            for width in 1...9 {
                let (fast, general) = Self.bothPaths(text, width: width)
                XCTAssertEqual(fast, general, "\(text.debugDescription) at width \(width)")
            }
        }
    }

    func testOneCellPerScalarTestAcceptsOnlyTextWhoseCharactersAreSingleOneCellScalars() {
        // Random text of every script: whenever the test says yes, each character is one
        // scalar of width one, and none is a tab, a newline or another control.
        var samples = TextSamples(seed: 3)
        var accepted = 0
        for _ in 0..<4000 {
            let text = samples.text(maxPieces: 6)
            guard Self.isOneCellPerScalar(text) else { continue }
            accepted += 1
            for character in text {
                XCTAssertEqual(character.unicodeScalars.count, 1, text.debugDescription)
                XCTAssertEqual(DisplayWidth.of(character), 1, text.debugDescription)
            }
            XCTAssertEqual(Self.bothPaths(text, width: 7).fast, Self.referenceLines(text, width: 7), text.debugDescription)
        }
        XCTAssertGreaterThan(accepted, 100)
        for text in ["e\u{0301}", "\u{0301}", "東", "😀", "\u{0600} a", "a\tb", "a\nb", "\r\n", "\u{3000}", "\u{200B}", "\u{2028}", "\u{1100}"] {
            XCTAssertFalse(Self.isOneCellPerScalar("word " + text + " word"), text.debugDescription)
        }
    }

    func testOneCellPerScalarTestAgreesWithAByteByByteCheckOnASCII() {
        // Every ASCII byte value at every position of buffers up to 19 bytes (the 8-byte
        // steps and the tail), the rest of the buffer plain letters; and a non-ASCII
        // scalar at every position.
        for length in 1..<20 {
            for position in 0..<length {
                for value in 0..<128 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "k"), count: length)
                    bytes[position] = UInt8(value)
                    let expected = value >= 0x20 && value <= 0x7E
                    XCTAssertEqual(bytes.withUnsafeBufferPointer(WordWrap.oneCellText), expected ? .ascii : nil,
                                   "byte \(value) at \(position) of \(length)")
                }
                for (scalar, expected) in [("’", true), ("\u{00A0}", true), ("Ж", true), ("\u{0301}", false), ("東", false), ("\u{85}", false)] {
                    let text = String(repeating: "k", count: position) + scalar + String(repeating: "k", count: length - position)
                    XCTAssertEqual(Array(text.utf8).withUnsafeBufferPointer(WordWrap.oneCellText), expected ? .mixed : nil,
                                   "\(scalar.debugDescription) at \(position)")
                }
            }
        }
        XCTAssertTrue([UInt8]().withUnsafeBufferPointer(WordWrap.isOneCellPerScalar))
    }

    func testTextWithAnyOtherByteTakesTheGeneralPath() {
        // One non-printable or non-ASCII character among plain words: the result is still
        // the character-by-character one.
        var samples = TextSamples(seed: 5)
        for special in ["\t", "\n", "\r\n", "\u{7F}", "\u{1B}", "\u{00A0}", "e\u{0301}", "東京", "😀", "\u{0600}"] {
            for _ in 0..<200 {
                var words = (0..<samples.below(8)).map { _ in String(repeating: "x", count: 1 + samples.below(12)) }
                words.insert(special, at: samples.below(words.count + 1))
                let text = words.joined(separator: samples.below(2) == 0 ? " " : "  ")
                let width = 1 + samples.below(20)
                XCTAssertEqual(WordWrap.lines(text, width: width), Self.referenceLines(text, width: width),
                               "\(text.debugDescription) at width \(width)")
            }
        }
    }
}
