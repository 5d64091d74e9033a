/// A rough guess of whether a text is French, from its most common short words.
/// Used only to choose how spaces before `? ! : ;` are written (see ``WhitespaceNormalizer``).
public enum LanguageGuess {
    /// Whether French function words outnumber English ones in the first 16 KiB.
    public static func isFrench(_ bytes: [UInt8]) -> Bool {
        let limit = min(bytes.count, 16 * 1024)
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
                if (b >= 0x61 && b <= 0x7A) || b >= 0x80 {
                    key = key << 8 | UInt64(b)
                    length += 1
                } else if b >= 0x41 && b <= 0x5A {
                    key = key << 8 | UInt64(b | 0x20)
                    length += 1
                } else if length > 0 {
                    if length >= 2 && length <= 5 {
                        if binarySearch(frenchKeys, key) {
                            french += 1
                        } else if binarySearch(englishKeys, key) {
                            english += 1
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

    /// A word of at most 8 bytes packed into an integer, first byte highest.
    static func key(_ word: String) -> UInt64 {
        word.utf8.reduce(0) { $0 << 8 | UInt64($1) }
    }

    static let frenchKeys: [UInt64] = frenchWords.map(key).sorted()
    static let englishKeys: [UInt64] = englishWords.map(key).sorted()

    @inline(__always)
    static func binarySearch(_ keys: [UInt64], _ key: UInt64) -> Bool {
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < keys.count && keys[low] == key
    }

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
