import XCTest

@testable import Articles

final class CharacterSegmenterTests: XCTestCase {
    func testCountMatchesStringCount() {
        var samples = TextSamples(seed: 3)
        for _ in 0..<5000 {
            let text = samples.text()
            XCTAssertEqual(CharacterSegmenter.count(text), text.count, text.debugDescription)
        }
    }

    func testBoundedCountIsExactUpToTheLimit() {
        var samples = TextSamples(seed: 5)
        for _ in 0..<3000 {
            let text = samples.text()
            let limit = samples.below(50)
            let bounded = CharacterSegmenter.count(text, limit: limit)
            if text.count <= limit {
                XCTAssertEqual(bounded, text.count, text.debugDescription)
            } else {
                XCTAssertGreaterThan(bounded, limit, text.debugDescription)
            }
        }
    }

    /// Long ASCII runs (skipped eight bytes at a time) broken by CR, CR LF, combining marks,
    /// emoji, CJK and prepended marks at every offset: the run skipping must count as the
    /// character-by-character walk and as `String`, with and without a limit.
    func testRunSkippingMatchesCharacterWalk() {
        var samples = TextSamples(seed: 41)
        var random = SplitMix64(seed: 43)
        let ascii = ["lorem", "ipsum", " ", "dolor sit amet", ",", "x", "\r", "\r\n", "\n"]
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<random.below(40) {
                text += random.below(6) == 0 ? TextSamples.pieces[samples.below(TextSamples.pieces.count)] : ascii[random.below(ascii.count)]
            }
            XCTAssertEqual(CharacterSegmenter.count(text), text.count, text.debugDescription)
            let limit = random.below(text.utf8.count + 2)
            let bounded = CharacterSegmenter.count(text, limit: limit)
            XCTAssertEqual(bounded <= limit, text.count <= limit, text.debugDescription)
            if text.count <= limit { XCTAssertEqual(bounded, text.count, text.debugDescription) }
            XCTAssertEqual(min(bounded, limit + 1), min(CharacterSegmenter.countByCharacter(text, limit: limit), limit + 1))
        }
    }

    func testKnownClusters() {
        XCTAssertEqual(CharacterSegmenter.count("a\r\nb"), 3)
        XCTAssertEqual(CharacterSegmenter.count("🇫🇷🇩🇪"), 2)
        XCTAssertEqual(CharacterSegmenter.count("👩‍💻x"), 2)
        XCTAssertEqual(CharacterSegmenter.count("\u{0600} x"), 2)  // a prepended mark joins the space
        XCTAssertEqual(CharacterSegmenter.count("\u{1100}\u{AC00}"), 1)  // leading jamo + syllable
        XCTAssertEqual(CharacterSegmenter.count(""), 0)
    }

    func testFastBreakTableHasNoJoiningScalars() {
        // Every scalar the table says always starts a character must do so after "a" and after "中".
        for v in UInt32(0x20)...0x10FFFF where CharacterSegmenter.alwaysBreaksBefore(v) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            for lead in ["a", "中", "é", "’"] {
                let text = lead + String(Character(scalar))
                XCTAssertEqual(text.count, 2, "U+\(String(v, radix: 16)) after \(lead)")
            }
        }
    }

    func testWhitespaceTableMatchesUnicodeProperty() {
        for v in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(UTF8Scan.isNonASCIIWhitespace(v), scalar.properties.isWhitespace, "U+\(String(v, radix: 16))")
        }
    }

    func testDisplayWidthFastRangesMatchTheGeneralRule() {
        func general(_ scalar: Unicode.Scalar) -> Int {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format, .control: return 0
            default: break
            }
            let v = scalar.value
            if v == 0x200B || (0x1160...0x11FF).contains(v) || (0xFE00...0xFE0F).contains(v) { return 0 }
            if DisplayWidth.isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
            return 1
        }
        for range in [UInt32(0x2010)...0x2027, 0x4E00...0x9FFF, 0xAC00...0xD7A3] {
            for v in range {
                let scalar = Unicode.Scalar(v)!
                XCTAssertEqual(DisplayWidth.of(scalar), general(scalar), "U+\(String(v, radix: 16))")
            }
        }
    }

    func testNeverLowercasesRangesHaveNoLowercaseMapping() {
        for v in UInt32(0)...0x10FFFF where FNV1a64.neverLowercases(v) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            XCTAssertFalse(scalar.properties.changesWhenLowercased, "U+\(String(v, radix: 16))")
        }
    }
}
