@testable import Articles
import XCTest

/// The shared list of unsafe characters, checked over every Unicode scalar.
final class UnsafeCharactersTests: XCTestCase {
    /// Every scalar value, surrogates excluded.
    let allScalars: [Unicode.Scalar] = (0...0x10FFFF).compactMap { Unicode.Scalar(UInt32($0)) }

    func testTheRequiredRangesAreUnsafe() {
        let required: [ClosedRange<UInt32>] = [
            0x00...0x1F, 0x7F...0x7F, 0x80...0x9F,  // C0 (ESC included), DEL, C1
            0x202A...0x202E, 0x2066...0x2069,  // bidi embeddings, overrides, isolates
            0x200E...0x200F, 0x061C...0x061C,  // bidi marks
        ]
        for range in required {
            for v in range { XCTAssertTrue(UnsafeCharacters.isUnsafe(value: v), String(v, radix: 16)) }
        }
    }

    func testEveryControlAndBidiControlIsUnsafe() {
        for scalar in allScalars {
            if scalar.properties.generalCategory == .control || scalar.properties.isBidiControl {
                XCTAssertTrue(UnsafeCharacters.isUnsafe(scalar), "U+\(String(scalar.value, radix: 16))")
            }
        }
    }

    func testPrintableTextIsSafe() {
        for scalar in allScalars where UnsafeCharacters.isUnsafe(scalar) {
            let category = scalar.properties.generalCategory
            XCTAssertTrue([.control, .format, .lineSeparator, .paragraphSeparator, .unassigned].contains(category),
                          "U+\(String(scalar.value, radix: 16)) is \(category)")
        }
        let unsafe = allScalars.filter(UnsafeCharacters.isUnsafe).count
        XCTAssertEqual(unsafe, 86, "65 C0/DEL/C1, 12 bidi, 2 separators, 3 annotations, soft hyphen, BOM, 2 noncharacters")
    }

    func testByteFormAgreesWithScalarFormForEveryScalar() {
        for scalar in allScalars {
            let bytes = Array(String(Character(scalar)).utf8)
            XCTAssertEqual(UnsafeCharacters.isUnsafeSequence(bytes, at: 0), UnsafeCharacters.isUnsafe(scalar),
                           "U+\(String(scalar.value, radix: 16))")
            let inText = Array("ab".utf8) + bytes + Array("cd".utf8)
            let expected = UnsafeCharacters.isUnsafe(scalar) && scalar != "\t" && scalar != "\n"
            XCTAssertEqual(UnsafeCharacters.containsUnsafeExceptTabAndNewline(inText), expected,
                           "U+\(String(scalar.value, radix: 16))")
        }
    }

    func testSanitizerRemovesExactlyTheUnsafeScalars() {
        for scalar in allScalars {
            let text = "a" + String(Character(scalar))
            let expected: String
            switch scalar {
            case "\t", "\n": expected = text
            case "\u{0B}", "\u{0C}": expected = "a "
            case "\u{2028}", "\u{2029}": expected = "a\n"
            default: expected = UnsafeCharacters.isUnsafe(scalar) ? "a" : text
            }
            XCTAssertEqual(TextSanitizer.sanitize(text), expected, "U+\(String(scalar.value, radix: 16))")
        }
    }

    func testSequencesCutShortAreNotUnsafe() {
        XCTAssertFalse(UnsafeCharacters.isUnsafeSequence([0xC2], at: 0))
        XCTAssertFalse(UnsafeCharacters.isUnsafeSequence([0xE2, 0x80], at: 0))
        XCTAssertFalse(UnsafeCharacters.isUnsafeSequence([0xEF, 0xBB], at: 0))
        XCTAssertTrue(UnsafeCharacters.isUnsafeSequence([0xE2, 0x80, 0xAE], at: 0))
    }
    /// The word scan against the byte loop, on slices of text with unsafe and safe
    /// multi-byte sequences, controls, tab and newline at every offset (and cut-short sequences).
    func testWordScanMatchesByteLoop() {
        let pieces: [[UInt8]] = [Array("plain text ".utf8), Array("é".utf8), Array("’".utf8), Array("😀".utf8), Array("\u{00A0}".utf8),
                                 Array("\u{202E}".utf8), Array("\u{2066}".utf8), Array("\u{200E}".utf8), Array("\u{FEFF}".utf8),
                                 Array("\u{FFFE}".utf8), Array("\u{0085}".utf8), Array("\u{00AD}".utf8), Array("\u{061C}".utf8),
                                 Array("\u{2029}".utf8), [0x09], [0x0A], [0x1B], [0x7F], [0x01], [0xE2], [0xC2], Array("abcdefgh".utf8)]
        var random = SplitMix64(seed: 47)
        var unsafe = 0
        for _ in 0..<5000 {
            var bytes: [UInt8] = Array(repeating: 0x61, count: random.below(9))
            let skip = bytes.count
            for _ in 0..<random.below(12) {
                bytes += pieces[random.below(2) == 0 ? random.below(3) : random.below(pieces.count)]
            }
            let slice = bytes[skip...]
            let fast = UnsafeCharacters.containsUnsafeExceptTabAndNewline(slice)
            XCTAssertEqual(fast, UnsafeCharacters.containsUnsafeExceptTabAndNewlineByteAtATime(slice), "\(Array(slice))")
            if fast { unsafe += 1 }
        }
        XCTAssertGreaterThan(unsafe, 500)
        XCTAssertLessThan(unsafe, 4500)
    }

    /// The word scan says what the byte loop says on index-cache-like lines of plain ASCII,
    /// tabs, controls and every multi-byte kind the check tells apart, at every position
    /// relative to the eight-byte words (sequences cut by a word's end too).
    func testWordScanMatchesByteLoopOnLinesWithTabs() {
        let pieces: [[UInt8]] = [
            Array("plain".utf8), Array(" text, ".utf8), [0x09], [0x09, 0x09], [0x0A], [0x00], [0x1B], [0x7F], [0x0D],
            Array("é".utf8), Array("’".utf8), Array("📈".utf8), Array("日本".utf8),
            [0xC2, 0x85], [0xC2, 0xA0], [0xC2, 0xAD], [0xC2, 0x9F], [0xD8, 0x9C], [0xD8, 0x9D],
            [0xE2, 0x80, 0x8E], [0xE2, 0x80, 0x8F], [0xE2, 0x80, 0xAA], [0xE2, 0x80, 0xAE], [0xE2, 0x80, 0xAF],
            [0xE2, 0x81, 0xA6], [0xE2, 0x81, 0xA9], [0xE2, 0x81, 0xAA], [0xEF, 0xBF, 0xBD], [0xEF, 0xBB, 0xBF],
        ]
        var random = SplitMix64(seed: 11)
        var unsafe = 0
        for _ in 0..<5_000 {
            var line: [UInt8] = []
            for _ in 0..<random.below(12) {
                let piece = pieces[random.below(pieces.count)]
                // Mostly safe pieces, so that lines long enough for whole words occur.
                if random.below(4) != 0, piece.count < 4, piece.first! < 0x20 || piece.first! == 0x7F || piece.first! == 0xC2
                    || piece.first! == 0xD8 || piece.first! == 0xEF || piece == [0xE2, 0x80, 0x8E]
                {
                    line += Array("abc".utf8)
                    continue
                }
                line += piece
            }
            let expected = UnsafeCharacters.containsUnsafeExceptTabAndNewlineByteAtATime(line)
            if expected { unsafe += 1 }
            line.withUnsafeBufferPointer { XCTAssertEqual(UnsafeCharacters.containsUnsafeExceptTabAndNewline(buffer: $0), expected, "\(line)") }
            // A line cut anywhere (a sequence cut short is not unsafe for either).
            if !line.isEmpty {
                let cut = Array(line.prefix(random.below(line.count)))
                cut.withUnsafeBufferPointer {
                    XCTAssertEqual(UnsafeCharacters.containsUnsafeExceptTabAndNewline(buffer: $0), UnsafeCharacters.containsUnsafeExceptTabAndNewlineByteAtATime(cut), "\(cut)")
                }
            }
        }
        XCTAssertGreaterThan(unsafe, 500)
        XCTAssertLessThan(unsafe, 4_500)
    }

    /// Every byte value at every place of two eight-byte words, among letters and tabs, by the
    /// word scan and by the byte loop.
    func testEveryByteAtEveryPlaceOfAWord() {
        for filler in [UInt8(ascii: "a"), 0x09] {
            for position in 0..<17 {
                for byte in UInt8(0)...UInt8(255) {
                    var line = [UInt8](repeating: filler, count: 17)
                    line[position] = byte
                    let expected = UnsafeCharacters.containsUnsafeExceptTabAndNewlineByteAtATime(line)
                    line.withUnsafeBufferPointer { XCTAssertEqual(UnsafeCharacters.containsUnsafeExceptTabAndNewline(buffer: $0), expected, "\(byte) at \(position)") }
                }
            }
        }
    }
}
