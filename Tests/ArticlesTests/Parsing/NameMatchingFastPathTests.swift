import XCTest

@testable import Articles

/// The byte paths of the name checks answer as the `Character` paths on random text, with
/// ASCII, accents, curly apostrophes, combining marks and control characters mixed in.
final class NameMatchingFastPathTests: XCTestCase {
    private static let pieces: [String] = [
        "Jane", "Doe", "jane", "DOE", "is", "Is", "has", "writes", "est", "a", "de", "De", "van", "d'Arc", "D'", "O'Neil",
        "o’", "St.", "st.", "Mr.", "Prof.", "J.", "Ann-Marie", "&", "and", "x", "É", "é", "Zoë", "e\u{301}", "\u{301}",
        " ", " ", "  ", ",", "’", "'", "(", ".", "-", "\r\n", "\t", "3", "📈", "Émile", "İ",
    ]

    private static func randomText(_ rng: inout SplitMix64, maxPieces: Int) -> String {
        var text = ""
        for _ in 0..<Int(rng.next() % UInt64(maxPieces + 1)) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
        return text
    }

    func testStartsWithNameAgreesWithCharacterPath() {
        var rng = SplitMix64(seed: 5)
        var taken = 0
        for _ in 0..<30_000 {
            let name = Self.randomText(&rng, maxPieces: 4)
            var text = Self.randomText(&rng, maxPieces: 6)
            if rng.next() % 2 == 0 { text = name + text }
            let fast = UTF8Scan.withBytes(text) { t in UTF8Scan.withBytes(name) { n in ArticleAssembler.asciiStartsWithName(t, name: n) } }
            if fast != nil { taken += 1 }
            XCTAssertEqual(ArticleAssembler.startsWithName(text, name: name),
                           ArticleAssembler.startsWithNameByCharacters(text, name: name), "\(text) / \(name)")
        }
        XCTAssertGreaterThan(taken, 5_000)
        XCTAssertTrue(ArticleAssembler.startsWithName("Jane Doe is a reporter", name: "Jane Doe"))
        XCTAssertTrue(ArticleAssembler.startsWithName("Doe has covered", name: "Jane Doe"))
        XCTAssertFalse(ArticleAssembler.startsWithName("Jane Doe\u{301} is", name: "Jane Doe"))
    }

    func testIsNameWordAgreesWithCharacterPath() {
        var rng = SplitMix64(seed: 6)
        var taken = 0
        for _ in 0..<30_000 {
            let word = Substring(Self.randomText(&rng, maxPieces: 3))
            for (first, last) in [(true, false), (false, false), (false, true)] {
                if word.utf8.withContiguousStorageIfAvailable({ BylineParser.asciiIsNameWord($0, first: first, last: last) }) != nil {
                    taken += 1
                }
                XCTAssertEqual(BylineParser.isNameWord(word, first: first, last: last),
                               BylineParser.isNameWordByCharacters(word, first: first, last: last), String(word))
            }
        }
        XCTAssertGreaterThan(taken, 5_000)
    }

    /// The promotion line's site name, read from a line split no further than it needs (or
    /// by bytes), is the one read from the whole split line.
    func testCapitalisedNameAgreesWithSplittingTheWholeLine() {
        func whole(_ text: Substring) -> String? {
            SourceExtractor.capitalisedName(pieces: text.split(separator: " ", omittingEmptySubsequences: true))
        }
        let pieces = ["The", "Lantern", "Post", "of", "de", "and", "&", "Field", "Weekly,", "News.", "every", "Friday",
                      "3", "Zoë", " ", "  ", "(", "x", "A", "B", "C", "D", "E", "F", "G", "E\u{301}mile", " \u{301}", "A \u{301}B"]
        var rng = SplitMix64(seed: 7)
        var named = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 12) { text += pieces[Int(rng.next() % UInt64(pieces.count))] + " " }
            let expected = whole(Substring(text))
            if expected != nil { named += 1 }
            XCTAssertEqual(SourceExtractor.capitalisedName(Substring(text)), expected, text)
        }
        XCTAssertGreaterThan(named, 1_000)
    }
}

/// The byte paths of the byline's word split and the subheading test answer as `split`
/// and the `Character` counts do.
final class WordSplitFastPathTests: XCTestCase {
    private static let pieces = ["Jane", " ", "  ", "Doe", "é", "e\u{301}", " \u{301}", "’", "📈", "\t", "\r\n", "a.", "X", "İ", "—",
                                 "港", "가", " \u{1161}", " \u{3099}"]

    func testByteWordsAreTheSplitWords() {
        var rng = SplitMix64(seed: 8)
        var taken = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 8) { text += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
            let expected = text.split(separator: " ", omittingEmptySubsequences: true)
            if let words = SpaceWords.words(text[...]) {
                XCTAssertEqual(words.map { Array($0.utf8) }, expected.map { Array($0.utf8) }, text)
                let limit = Int(rng.next() % 4)
                XCTAssertEqual(SpaceWords.words(text.dropFirst(), limit: limit)?.map { Array($0.utf8) },
                               text.dropFirst().split(separator: " ").prefix(limit).map { Array($0.utf8) }, text)
                taken += 1
            }
        }
        XCTAssertGreaterThan(taken, 1_000)
    }

    func testKnownWordCountIsTheSplitCount() {
        var rng = SplitMix64(seed: 9)
        var taken = 0
        for _ in 0..<20_000 {
            // Around sixteen words, with spaces and other pieces between them.
            var text = ""
            for _ in 0..<(13 + Int(rng.next() % 6)) {
                text += "w" + Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] + " "
            }
            guard KnownLowercase.isAllKnown(bytes: Array(text.utf8)) else { continue }
            taken += 1
            XCTAssertEqual(FastText.wordCount(text, limit: 16) > 16, text.split(separator: " ").count > 16, text)
        }
        XCTAssertGreaterThan(taken, 150)
    }

    /// A run that says "more than the limit" is right by `Character` count, for every limit
    /// around the run's end and odd bytes (CR, accents, combining marks) at every position.
    func testASCIIRunIsPastTheLimit() {
        var texts = [String(repeating: "a b ", count: 40), String(repeating: "\r\n", count: 60), ""]
        for position in 0..<40 {
            for odd in ["é", "\r", "\n", "\u{301}", "\r\n"] {
                var bytes = Array(String(repeating: "x", count: 40).utf8)
                bytes.replaceSubrange(position..<position + 1, with: Array(odd.utf8))
                texts.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        var taken = 0
        for text in texts {
            for limit in 0...45 where UTF8Scan.withBytes(text, { ArticleAssembler.hasASCIIRun($0, longerThan: limit) }) {
                taken += 1
                XCTAssertGreaterThan(text.count, limit, "\(text.debugDescription) / \(limit)")
            }
        }
        XCTAssertGreaterThan(taken, 1_000)
        XCTAssertTrue(UTF8Scan.withBytes(String(repeating: "a", count: 111), { ArticleAssembler.hasASCIIRun($0, longerThan: 110) }))
        XCTAssertFalse(UTF8Scan.withBytes(String(repeating: "a", count: 110) + "é", { ArticleAssembler.hasASCIIRun($0, longerThan: 110) }))
        XCTAssertFalse(UTF8Scan.withBytes(String(repeating: "\r\n", count: 60), { ArticleAssembler.hasASCIIRun($0, longerThan: 110) }))
    }
}
