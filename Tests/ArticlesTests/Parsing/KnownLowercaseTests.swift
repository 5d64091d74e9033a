import XCTest

@testable import Articles

/// ``KnownLowercase`` gives the bytes of `String.lowercased()` on the text it accepts, and
/// the classifier's and assembler's keys made with it are the ones made by `lowercased()`.
final class KnownLowercaseTests: XCTestCase {
    private static func lowercased(_ text: String, apostrophes: Bool = false, spaces: Bool = false) -> String? {
        UTF8Scan.withBytes(text) {
            KnownLowercase.lowercased($0, straighteningApostrophes: apostrophes, collapsingSpaces: spaces)
        }
    }

    /// Every known scalar alone and between letters, against `lowercased()`.
    func testEveryKnownScalarLowercasesAsTheStandardLibrary() {
        var checked = 0
        for v in UInt32(0)...0x1FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let known = v < 0x80 || KnownLowercase.isKnown(v)
            let text = "A" + String(Character(scalar)) + "b"
            let fast = Self.lowercased(text)
            if known {
                XCTAssertEqual(fast.map { Array($0.utf8) }, Array(text.lowercased().utf8), "U+\(String(v, radix: 16))")
                checked += 1
            } else {
                XCTAssertNil(fast, "U+\(String(v, radix: 16))")
            }
        }
        XCTAssertGreaterThan(checked, 3000)
    }

    /// Random text from known and unknown scalars (combining marks, joiners, skin tones,
    /// cased letters outside Latin-1, spaces): the keys always agree with the slow ones.
    func testKeysAgreeWithLowercasingOnRandomText() {
        let alphabet: [String] = [
            "a", "Z", " ", " ", "  ", "'", "’", "‘", "é", "É", "À", "Þ", "ß", "×", "÷", "ÿ", "\u{A0}", "«", "»",
            "—", "…", "📈", "☕", "👉", "→", "\u{301}", "\u{200D}", "\u{FE0F}", "\u{1F3FB}", "İ", "Σ", "ς", "ẞ",
            "\u{212A}", "Ω", "\u{2126}", "Ł", "日", "\u{2329}", "≠", "=\u{338}", "\t", "1", ".", "Ǆ", "ﬁ",
            "港", "の", "カ", "\u{3099}", "、", "가", "\u{1161}", "\u{11A8}", "\u{1100}", "Ａ",
        ]
        var rng = SplitMix64(seed: 11)
        var fastCount = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 12) { text += alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            let slowKey = FastText.straightenApostrophes(text.lowercased())
            // Compared byte for byte (`==` on strings is canonical equivalence).
            XCTAssertEqual(Array(LineClassifier.lowerKey(text).utf8), Array(slowKey.utf8), text)
            XCTAssertEqual(Array(LineClassifier.lowerKey(text.dropFirst()).utf8),
                           Array(FastText.straightenApostrophes(text.dropFirst().lowercased()).utf8), text)
            let slowComparable = text.lowercased().split(separator: " ").joined(separator: " ")
            XCTAssertEqual(Array(ArticleAssembler.comparable(text).utf8), Array(slowComparable.utf8), text)
            if let fast = Self.lowercased(text, apostrophes: true) {
                XCTAssertEqual(Array(fast.utf8), Array(slowKey.utf8), text)
                fastCount += 1
            }
        }
        XCTAssertGreaterThan(fastCount, 1_000)
    }
}
