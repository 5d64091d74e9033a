/// A rough guess of whether a text is French, from its most common short words.
/// Used only to choose how spaces before `? ! : ;` are written (see ``WhitespaceNormalizer``).
public enum LanguageGuess {
    /// Whether French function words outnumber English ones in the first 16 KiB.
    public static func isFrench(_ bytes: [UInt8]) -> Bool {
        let limit = min(bytes.count, 16 * 1024)
        let table = LanguageGuess.table
        let (french, english) = bytes.withUnsafeBufferPointer { buffer -> (Int, Int) in
            table.entries.withUnsafeBufferPointer { entries in
                var counts = WordEndCounts(entries: entries, multiplier: table.multiplier)
                counts.scan(buffer, limit: limit)
                return (counts.french, counts.english)
            }
        }
        return french >= 5 && french > english
    }

    /// ``isFrench(_:)`` one byte at a time (the reference the word-at-a-time scan is tested against).
    static func isFrenchByteAtATime(_ bytes: [UInt8]) -> Bool {
        let limit = min(bytes.count, 16 * 1024)
        let table = LanguageGuess.table
        let (french, english) = bytes.withUnsafeBufferPointer { buffer -> (Int, Int) in
            table.entries.withUnsafeBufferPointer { entries in
                LanguageGuess.wordByte.withUnsafeBufferPointer { wordByte in
                    var counts = Counts()
                    for i in 0..<limit { counts.add(wordByte[Int(buffer[i])], entries, table.multiplier) }
                    counts.add(0, entries, table.multiplier)  // the end of the text ends a word
                    return (counts.french, counts.english)
                }
            }
        }
        return french >= 5 && french > english
    }

    /// The word counts of ``isFrench(_:)`` found eight bytes at a time: each block gives a
    /// mask of its word bytes, and only the separators that end a word are looked at (about
    /// one in six bytes of prose), each with the word's length and its bytes read back at once.
    struct WordEndCounts {
        let entries: UnsafeBufferPointer<UInt64>
        let multiplier: UInt64
        var french = 0
        var english = 0

        init(entries: UnsafeBufferPointer<UInt64>, multiplier: UInt64) {
            self.entries = entries
            self.multiplier = multiplier
        }

        /// Counts the words of `buffer[0..<limit]`; the end of the range ends a word.
        mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>, limit: Int) {
            guard let base = buffer.baseAddress, limit > 0 else { return }
            var i = 0
            var lastSeparator = -1  // the text starts as if after a separator
            var wordBefore: UInt64 = 0  // 0x80 when the byte before the block is a word byte
            while i + 8 <= limit {
                let w = UTF8Scan.load(base, i)
                let words = WordEndCounts.wordLanes(w)
                let separators = ~words & UTF8Scan.highBits
                // Separators right after a word byte: each ends a word.
                var ends = separators & (words << 8 | wordBefore)
                while ends != 0 {
                    let bit = ends.trailingZeroBitCount
                    let before = separators & ((1 << UInt64(bit)) &- 1)
                    let start = before != 0 ? i + (63 - before.leadingZeroBitCount) >> 3 + 1 : lastSeparator + 1
                    let end = i + bit >> 3
                    count(base, start: start, end: end)
                    ends &= ends &- 1
                }
                if separators != 0 { lastSeparator = i + (63 - separators.leadingZeroBitCount) >> 3 }
                wordBefore = words >> 56
                i += 8
            }
            while i < limit {
                if LanguageGuess.wordByte[Int(base[i])] == 0 {
                    if i > lastSeparator + 1 { count(base, start: lastSeparator + 1, end: i) }
                    lastSeparator = i
                }
                i += 1
            }
            if limit > lastSeparator + 1 { count(base, start: lastSeparator + 1, end: limit) }
        }

        /// 0x80 in each lane of `w` that holds a word byte (an ASCII letter or a byte of 0x80 or more).
        @inline(__always)
        static func wordLanes(_ w: UInt64) -> UInt64 {
            let high = w & UTF8Scan.highBits
            let folded = (w & ~UTF8Scan.highBits) | UTF8Scan.ones &* 0x20  // every lane below 0x80: no carries
            let atLeastA = UTF8Scan.lanes(ascii: folded, atLeast: 0x61)
            let pastZ = UTF8Scan.lanes(ascii: folded, atLeast: 0x7B)
            return high | (atLeastA & ~pastZ)
        }

        /// Counts the word `base[start..<end]` if it is a function word, without branches on
        /// the word (its length and whether it is in the table are too irregular to predict).
        @inline(__always)
        mutating func count(_ base: UnsafePointer<UInt8>, start: Int, end: Int) {
            let length = end - start
            let counted: UInt64 = UInt(bitPattern: length &- 2) <= 3 ? 1 : 0
            // Words of 2 to 5 bytes keep their bytes; any other gives the empty key.
            let mask = ((1 << UInt64(8 * (length & 7))) &- 1) & (0 &- counted)
            var key: UInt64
            if end >= 8 {
                // The eight bytes that end at `end`, last byte lowest, cut to the word.
                key = UTF8Scan.load(base, end - 8).byteSwapped & mask
            } else {
                key = 0
                for k in start..<end { key = key << 8 | UInt64(base[k]) }
                key &= mask
            }
            // Every byte of a word is a letter or 0x80 or more: lowercase the ASCII ones.
            key |= (~key & UTF8Scan.highBits) >> 2 & mask
            let entry = entries[WordTable.slot(key, multiplier)]
            let found: UInt64 = entry & WordTable.keyMask == key ? counted : 0
            let language = (entry >> 56) & (0 &- found)  // 1 French, 2 English
            french &+= Int(language & 1)
            english &+= Int(language >> 1)
        }
    }

    /// The running word counts of ``isFrench(_:)``, one byte at a time without branches on
    /// the data (word ends are too irregular to predict).
    struct Counts {
        var french = 0
        var english = 0
        /// The word's bytes packed into an integer (words of 2 to 5 bytes are all that count).
        var key: UInt64 = 0
        var length = 0

        @inline(__always)
        mutating func add(_ folded: UInt8, _ entries: UnsafeBufferPointer<UInt64>, _ multiplier: UInt64) {
            let ends = folded == 0
            let entry = entries[WordTable.slot(key, multiplier)]
            let counts = ends && UInt(bitPattern: length &- 2) <= 3 && entry & WordTable.keyMask == key
            let language = counts ? entry >> 56 : 0  // 1 French, 2 English
            french &+= Int(language & 1)
            english &+= Int(language >> 1)
            // All ones inside a word, zero at its end (arithmetic, so that no branch is made).
            let inWord = 0 &- UInt64((folded | (0 &- folded)) >> 7)
            key = (key << 8 | UInt64(folded)) & inWord
            length = (length &+ 1) & Int(truncatingIfNeeded: inWord)
        }
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

    /// The function words by key: a direct-mapped table of 1024 entries (each the key, with
    /// the language in the top byte: 1 French, 2 English; French wins a tie) whose multiplier
    /// is chosen so that no two words share a slot.
    struct WordTable {
        static let keyMask: UInt64 = 0xFF_FFFF_FFFF  // keys of up to 5 bytes
        private(set) var entries: [UInt64] = []
        private(set) var multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

        init() {
            let words = LanguageGuess.englishWords.sorted().map { (LanguageGuess.key($0), UInt64(2)) }
                + LanguageGuess.frenchWords.sorted().map { (LanguageGuess.key($0), UInt64(1)) }
            while true {
                var table = [UInt64](repeating: 0, count: 1024)
                var clash = false
                for (key, language) in words {
                    precondition(key != 0 && key & ~WordTable.keyMask == 0)
                    let i = WordTable.slot(key, multiplier)
                    if table[i] != 0 && table[i] & WordTable.keyMask != key { clash = true; break }
                    table[i] = key | language << 56
                }
                if !clash { entries = table; return }
                multiplier = multiplier &+ 0x2_0000_0002  // stays odd
            }
        }

        @inline(__always)
        static func slot(_ key: UInt64, _ multiplier: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* multiplier) >> 54)
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
