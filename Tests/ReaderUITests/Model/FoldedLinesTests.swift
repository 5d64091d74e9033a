import Articles
import Foundation
import XCTest

@testable import ReaderUI

/// Find on the layout's folded text must give what comparing folded characters one by one
/// gives (the way find worked before the text was folded once).
final class FoldedLinesTests: XCTestCase {
    /// The reference: per line, characters folded one by one, greedy non-overlapping matches.
    static func referenceMatches(_ query: String, in lines: [ArticleLayout.Line]) -> [FindMatch] {
        referenceMatches(query, inTexts: lines.map(\.text))
    }

    /// The reference over lines of text.
    static func referenceMatches(_ query: String, inTexts lines: [String]) -> [FindMatch] {
        let needle = query.map { String($0).lowercased() }
        guard !needle.isEmpty else { return [] }
        var matches: [FindMatch] = []
        for (lineIndex, text) in lines.enumerated() where !text.isEmpty {
            let chars = Array(text)
            guard chars.count >= needle.count else { continue }
            let folded = chars.map { String($0).lowercased() }
            var columns: [Int] = [0]
            for ch in chars { columns.append(columns.last! + DisplayWidth.of(ch)) }
            var i = 0
            while i + needle.count <= chars.count {
                if Array(folded[i..<(i + needle.count)]) == needle {
                    matches.append(FindMatch(line: lineIndex, column: columns[i], width: columns[i + needle.count] - columns[i]))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return matches
    }

    static let pieces = [
        "the", "The", "THE", "harbour", "Harbour", " ", " ", " ", "a", "aa", "aaa", "e", "é", "e\u{0301}", "\u{0301}",
        "É", "ÉTÉ", "été", "İ", "ß", "SS", "Σ", "σ", "ς", "東京", "東", "喫茶店", "👩‍💻", "🇫🇷", "👍🏽", "ﬁ", "Ǆ", ",", ".",
        "\u{00A0}", "Ａ", "ａ", "K", "\u{212A}",
    ]

    /// Eight bytes folded at once agree with folding each byte: every byte value in every
    /// place of the word, among random neighbours.
    func testFoldingEightBytesAtOnceAgreesWithOneByOne() {
        var random = SplitMix64(seed: 9)
        for place in 0..<8 {
            for value in 0...255 {
                var bytes = (0..<8).map { _ in UInt8(0x20 + random.below(0x5F)) }
                bytes[place] = UInt8(value)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let plain = bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
                let expected = bytes.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                XCTAssertEqual(FoldedLines.Builder.foldPlain(word), plain ? expected : nil, "byte \(value) at \(place)")
            }
        }
        // Long plain lines (folded eight bytes at a time) and ones with a non-ASCII byte late.
        let lines = ["The Quick Brown Fox Jumps Over The Lazy Dog, AGAIN AND AGAIN!", "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{~ café AT THE END"]
        let folded = FoldedLines(lines)
        XCTAssertEqual(Array(folded.bytes[folded.starts[0]..<(folded.starts[1] - 1)]), Array(lines[0].lowercased().utf8))
        XCTAssertEqual(Array(folded.bytes[folded.starts[1]..<(folded.starts[2] - 1)]), Array(lines[1].lowercased().utf8))
    }

    func testMatchesAgreeWithComparingFoldedCharacters() {
        var random = SplitMix64(seed: 23)
        for round in 0..<40 {
            let paragraphs = (0..<(1 + random.below(6))).map { _ in
                (0..<random.below(60)).map { _ in Self.pieces[random.below(Self.pieces.count)] }.joined()
            }
            let article = Article(title: "Round \(round)", sections: [ArticleSection(paragraphs: paragraphs)])
            let layout = ArticleLayout(article: article, width: 20 + random.below(60))
            for query in ["e", "é", "e\u{0301}", "the", "aa", "aaa", "É", "東", "京 ", "🇫🇷", "ss", "ß", "σ", "İ", "a a", "ﬁ", "k"] {
                XCTAssertEqual(Reducer.findMatches(query, in: layout), Self.referenceMatches(query, in: layout.lines),
                               "round \(round), query \(query.debugDescription)")
            }
        }
    }

    func testNarrowingToThePreviousMatchesLinesGivesTheFullResult() {
        var random = SplitMix64(seed: 5)
        let paragraphs = (0..<30).map { _ in
            (0..<random.below(80)).map { _ in Self.pieces[random.below(Self.pieces.count)] }.joined()
        }
        let layout = ArticleLayout(article: Article(title: "Narrowing", sections: [ArticleSection(paragraphs: paragraphs)]), width: 50)
        let word = "harbour"
        var previous: [FindMatch] = []
        for length in 1...word.count {
            let query = String(word.prefix(length))
            let narrowed = length == 1 ? nil : Reducer.linesWithMatches(previous)
            let matches = Reducer.findMatches(query, in: layout, within: narrowed)
            XCTAssertEqual(matches, Self.referenceMatches(query, in: layout.lines), query)
            previous = matches
        }
        XCTAssertFalse(previous.isEmpty)
    }

    func testFoundMatchesAnswerLinesAndTheFirstMatchBelowALineLikeTheFullList() {
        var random = SplitMix64(seed: 11)
        let paragraphs = (0..<40).map { _ in
            (0..<random.below(120)).map { _ in Self.pieces[random.below(Self.pieces.count)] }.joined()
        }
        // Wide lines: each spans many 16-byte probes.
        let layout = ArticleLayout(article: Article(title: "Probe", sections: [ArticleSection(paragraphs: paragraphs)]), width: 200)
        for query in ["e", "the", "aa", "é", "東", "harbour", "a a"] {
            let found = layout.folded.find(FoldedLines.needle(query))
            let all = Self.referenceMatches(query, in: layout.lines)
            XCTAssertEqual(found.all, all, query)
            XCTAssertEqual(found.count, all.count, query)
            XCTAssertEqual(found.lines, Reducer.linesWithMatches(all), query)
            for k in all.indices {
                XCTAssertEqual(found[k], all[k], query)
                XCTAssertEqual(found.line(of: k), all[k].line, query)
            }
            for line in 0...(layout.lines.count + 1) {
                let expected = all.firstIndex { $0.line >= line } ?? all.count
                XCTAssertEqual(found.first(atOrBelow: line), expected, "\(query) from line \(line)")
            }
        }
        XCTAssertTrue(layout.folded.find([]).isEmpty)
    }

    /// A find over every line (a first pass counting probe hits, one-byte needles found a
    /// whole run of plain lines at a time) gives what searching line by line and the
    /// character-by-character reference give: runs of plain ASCII lines of every length
    /// (ending anywhere in a 16-byte probe) between lines with non-ASCII characters.
    func testFindingInEveryLineAgreesWithLineByLineAndTheReference() {
        var random = SplitMix64(seed: 31)
        let plain = ["the", "The", "HARBOUR", "station", "a", "e", "zq", "Q", " ", ",", ".", "0", "9", "x", "!", "~"]
        for round in 0..<30 {
            var lines: [String] = []
            for _ in 0..<(1 + random.below(40)) {
                let complex = random.below(4) == 0
                let pieces = complex ? Self.pieces + plain : plain
                lines.append((0..<random.below(70)).map { _ in pieces[random.below(pieces.count)] }.joined())
            }
            let folded = FoldedLines(lines)
            for query in ["e", "t", "Q", "z", " ", ",", "0", "~", "é", "東", "th", "zq", "the", "harbour", "a a", "ß", "\0"] {
                let needle = FoldedLines.needle(query)
                let all = folded.find(needle)
                let lineByLine = folded.find(needle, in: Array(0..<folded.count))
                XCTAssertEqual(all.offsets, lineByLine.offsets, "round \(round), query \(query.debugDescription)")
                XCTAssertEqual(all.all, Self.referenceMatches(query, inTexts: lines), "round \(round), query \(query.debugDescription)")
            }
        }
    }

    func testTypingAFindInTheReaderNarrowsAndFindsTheSameMatches() {
        var session = Fixtures.session(width: 80, height: 24)
        session.send(Key.parse("Enter / t h e"))
        let open = try! XCTUnwrap(session.state.open)
        XCTAssertEqual(open.find?.matches, Self.referenceMatches("the", in: open.layout.lines))
        XCTAssertGreaterThan(open.find?.matches.count ?? 0, 3)
    }
}
