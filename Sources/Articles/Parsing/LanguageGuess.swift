/// A rough guess of whether a text is French, from its most common short words.
/// Used only to choose how spaces before `? ! : ;` are written (see ``WhitespaceNormalizer``).
public enum LanguageGuess {
    /// Whether French function words outnumber English ones in the first 16 KiB.
    public static func isFrench(_ bytes: [UInt8]) -> Bool {
        let limit = min(bytes.count, 16 * 1024)
        var french = 0
        var english = 0
        var word: [UInt8] = []
        func finish() {
            if word.count >= 2 && word.count <= 5 {
                let w = String(decoding: word, as: UTF8.self)
                if frenchWords.contains(w) { french += 1 } else if englishWords.contains(w) { english += 1 }
            }
            word.removeAll(keepingCapacity: true)
        }
        for i in 0..<limit {
            let b = bytes[i]
            if (b >= 0x61 && b <= 0x7A) || b >= 0x80 {
                word.append(b)
            } else if b >= 0x41 && b <= 0x5A {
                word.append(b | 0x20)
            } else {
                finish()
            }
        }
        finish()
        return french >= 5 && french > english
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
