/// A rough guess of whether a text is French, from its most common short words.
/// Used only to choose how spaces before `? ! : ;` are written (see ``WhitespaceNormalizer``).
public enum LanguageGuess {
    /// Whether French function words outnumber English ones in the first 16 KiB.
    public static func isFrench(_ bytes: [UInt8]) -> Bool {
        let limit = min(bytes.count, 16 * 1024)
        let table = LanguageGuess.table
        let wordByte = LanguageGuess.wordByte
        let (french, english) = bytes.withUnsafeBufferPointer { buffer -> (Int, Int) in
            var french = 0
            var english = 0
            // The word's bytes packed into an integer (words of 2 to 5 bytes are all that count).
            var key: UInt64 = 0
            var length = 0
            var i = 0
            while i <= limit {
                let b: UInt8 = i < limit ? buffer[i] : 0x20
                i += 1
                let folded = wordByte[Int(b)]  // 0 ends a word
                if folded != 0 {
                    key = key << 8 | UInt64(folded)
                    length += 1
                } else if length > 0 {
                    if length >= 2 && length <= 5 {
                        switch table.language(of: key) {
                        case 1: french += 1
                        case 2: english += 1
                        default: break
                        }
                    }
                    key = 0
                    length = 0
                }
            }
            return (french, english)
        }
        return french >= 5 && french > english
    }

    /// Each byte as it counts in a word (ASCII letters lowercased, bytes of other scalars
    /// kept), or 0 for a byte that ends a word.
    static let wordByte: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
        switch b {
        case 0x61...0x7A, 0x80...0xFF: return UInt8(b)
        case 0x41...0x5A: return UInt8(b | 0x20)
        default: return 0
        }
    }

    /// A word of at most 8 bytes packed into an integer, first byte highest.
    static func key(_ word: String) -> UInt64 {
        word.utf8.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The function words by key: an open-addressing hash table (French wins a tie).
    struct WordTable {
        var keys = [UInt64](repeating: 0, count: 256)
        var languages = [UInt8](repeating: 0, count: 256)

        init() {
            for word in LanguageGuess.englishWords { insert(LanguageGuess.key(word), 2) }
            for word in LanguageGuess.frenchWords { insert(LanguageGuess.key(word), 1) }
        }

        @inline(__always)
        static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56) }

        mutating func insert(_ key: UInt64, _ language: UInt8) {
            var i = WordTable.slot(key)
            while keys[i] != 0 && keys[i] != key { i = (i + 1) & 255 }
            keys[i] = key
            languages[i] = language
        }

        /// 1 for French, 2 for English, 0 for neither.
        @inline(__always)
        func language(of key: UInt64) -> UInt8 {
            var i = WordTable.slot(key)
            while true {
                let k = keys[i]
                if k == key { return languages[i] }
                if k == 0 { return 0 }
                i = (i + 1) & 255
            }
        }
    }

    static let table = WordTable()

    static let frenchWords: Set<String> = [
        "le", "la", "les", "des", "est", "une", "et", "du", "dans", "pour", "que", "qui", "sur",
        "pas", "au", "aux", "avec", "ce", "cette", "il", "elle", "sont", "ont", "mais", "ou", "un",
        "nous", "vous", "leur", "été", "très", "plus",
    ]
    static let englishWords: Set<String> = [
        "the", "and", "of", "to", "is", "in", "that", "for", "with", "on", "are", "was", "it",
        "this", "be", "by", "as", "from", "have", "has", "an", "at", "or", "were", "their",
    ]
}
