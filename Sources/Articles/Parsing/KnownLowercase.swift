/// Lowercases UTF-8 text on its bytes when every scalar is one whose lowercase is known
/// here without a Unicode property look-up; `nil` for any other text, which goes through
/// `String.lowercased()` as before.
///
/// The known scalars: ASCII; Latin-1 (`U+00A0`–`U+00FF`, where `À`–`Þ` except `×` map to the
/// scalar 0x20 above and the rest to themselves); and the caseless punctuation, arrows,
/// symbols and emoji of ``SourceExtractor/isASCIIForSearch(_:)`` (`U+2010`–`U+2027`,
/// `U+2030`–`U+205E`, `U+2190`–`U+23FF`, `U+2500`–`U+27BF`, `U+1F300`–`U+1F3FA`,
/// `U+1F400`–`U+1FAFF`), which map to themselves; and the caseless CJK letters and their
/// punctuation (`U+3001`–`U+3029`, hiragana `U+3041`–`U+3096`, katakana `U+30A1`–`U+30FA`,
/// ideographs `U+4E00`–`U+9FFF`, Hangul syllables `U+AC00`–`U+D7A3`; not the combining
/// tone and sound marks, nor the Hangul vowel and final jamo a syllable joins with), which
/// also map to themselves. `String.lowercased()` maps scalar by scalar,
/// so on such text it gives these bytes. None of these scalars is a combining mark, a joiner,
/// a prepended mark or a space, so a `0x20` byte among them is a `" "` `Character` on its own.
enum KnownLowercase {
    /// Whether `v` (outside ASCII) is a known scalar.
    @inline(__always)
    static func isKnown(_ v: UInt32) -> Bool {
        switch v {
        case 0xA0...0xFF, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x23FF, 0x2500...0x27BF,
            0x1F300...0x1F3FA, 0x1F400...0x1FAFF, 0x3001...0x3029, 0x3041...0x3096, 0x30A1...0x30FA,
            0x4E00...0x9FFF, 0xAC00...0xD7A3:
            return true
        default:
            return false
        }
    }

    /// Whether every scalar of the valid UTF-8 `text` is known.
    @inline(__always)
    static func isAllKnown(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < text.count {
            if text[i] < 0x80 {
                i += 1
                continue
            }
            let (v, length) = UTF8Scan.decode(text, at: i)
            guard isKnown(v) else { return false }
            i += length
        }
        return true
    }

    /// ``isAllKnown(_:)`` for bytes in an array.
    static func isAllKnown(bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isAllKnown($0) }
    }

    /// The lowercase of the valid UTF-8 `text` with, when `straighteningApostrophes`, every
    /// `’` made `'` (``LineClassifier/lowerKey(_:)``); with `collapsingSpaces`, runs of spaces
    /// made one and none at either end (``ArticleAssembler/comparable(_:)``). `nil` when a
    /// scalar is not known.
    static func lowercased(
        _ text: UnsafeBufferPointer<UInt8>, straighteningApostrophes: Bool = false, collapsingSpaces: Bool = false
    ) -> String? {
        guard isAllKnown(text) else { return nil }
        let n = text.count
        // The output is never longer than the input.
        return String(unsafeUninitializedCapacity: n) { out -> Int in
            var i = 0
            var k = 0
            var pendingSpace = false
            while i < n {
                let b = text[i]
                if collapsingSpaces && b == 0x20 {
                    pendingSpace = k > 0
                    i += 1
                    continue
                }
                if pendingSpace {
                    out[k] = 0x20
                    k += 1
                    pendingSpace = false
                }
                if b < 0x80 {
                    out[k] = ASCIICase.lower(b)
                    k += 1
                    i += 1
                } else if b == 0xC3 && text[i + 1] <= 0x9E && text[i + 1] != 0x97 {
                    // À–Þ except × (C3 80–C3 9E) → à–þ (C3 A0–C3 BE).
                    out[k] = 0xC3
                    out[k + 1] = text[i + 1] | 0x20
                    k += 2
                    i += 2
                } else if straighteningApostrophes && b == 0xE2 && text[i + 1] == 0x80 && text[i + 2] == 0x99 {
                    out[k] = 0x27  // ’ → '
                    k += 1
                    i += 3
                } else {
                    let length = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                    for j in 0..<length { out[k + j] = text[i + j] }
                    k += length
                    i += length
                }
            }
            return k
        }
    }
}
