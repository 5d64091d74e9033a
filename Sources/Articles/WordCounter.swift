/// Counts words and estimates reading time.
public enum WordCounter {
    /// Average adult reading speed used for reading time.
    public static let wordsPerMinute = 230

    /// Words in `text`: whitespace-separated runs, plus one per CJK ideograph, kana or hangul
    /// syllable (scripts written without spaces).
    public static func count(_ text: String) -> Int {
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {  // ASCII fast path
                if v == 0x20 || (0x09...0x0D).contains(v) {
                    inWord = false
                } else if !inWord {
                    words += 1
                    inWord = true
                }
                continue
            }
            if scalar.properties.isWhitespace {
                inWord = false
            } else if isCJK(scalar) {
                words += 1
                inWord = false
            } else if !inWord {
                words += 1
                inWord = true
            }
        }
        return words
    }

    /// Reading minutes for a word count, rounded up, at least 1.
    public static func readingMinutes(words: Int) -> Int {
        max(1, (words + wordsPerMinute - 1) / wordsPerMinute)
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF,
            0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }
}
