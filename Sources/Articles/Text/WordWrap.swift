/// Word wrapping by display width.
public enum WordWrap {
    /// Wraps `text` into lines of at most `width` cells. Breaks at spaces; a word wider than
    /// the line is cut between characters (never inside a wide character); CJK text, which
    /// has no spaces, breaks between any two ideographs. Returns at least one line.
    ///
    /// Works on the UTF-8 bytes: characters (grapheme clusters) are found with a fast test
    /// for the common scripts and the standard library's rules for everything else, so the
    /// result is the same as wrapping `Character` by `Character`. Text whose every scalar is
    /// a one-cell character of its own (most paragraphs) takes a shorter path, plain ASCII
    /// a shorter one still; both give the same lines.
    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        if let result = text.utf8.withContiguousStorageIfAvailable({ wrap(text, $0, width: width) }) {
            return result
        }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { wrap(text, $0, width: width) }
    }

    static func wrap(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>, width: Int) -> [String] {
        switch oneCellText(bytes) {
        case .ascii: return wrapASCII(bytes, width: width)
        case .mixed: return wrapOneCellPerScalar(bytes, width: width)
        case nil: return wrapAny(text, bytes, width: width)
        }
    }

    /// The general path: any text, character by character.
    static func wrapAny(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>, width: Int) -> [String] {
        var wrapper = Wrapper(segmenter: CharacterSegmenter(text: text, bytes: bytes), width: width)
        return wrapper.run()
    }

    /// Whether every scalar of the text (valid UTF-8) is a character of its own, one cell
    /// wide, and only the space separates words: spaces, printable ASCII, and scalars that
    /// never join the character before them, nor the next one to themselves (Latin-1 and
    /// Latin Extended letters, the no-break space, Greek, Cyrillic, dashes and quotes),
    /// whose width is one. Plain ASCII is checked eight bytes at a time.
    static func isOneCellPerScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { oneCellText(bytes) != nil }

    /// Text whose every scalar is a one-cell character of its own (see ``isOneCellPerScalar(_:)``).
    enum OneCellText {
        /// Spaces and printable ASCII only: one byte, one cell.
        case ascii
        /// Some scalars of more than one byte.
        case mixed
    }

    /// What ``isOneCellPerScalar(_:)`` finds, and whether the text is plain ASCII.
    static func oneCellText(_ bytes: UnsafeBufferPointer<UInt8>) -> OneCellText? {
        guard let base = bytes.baseAddress else { return .ascii }
        var ascii = true
        let n = bytes.count
        var i = 0
        while i < n {
            if i + 8 <= n {
                let word = UTF8Scan.load(base, i)
                if word & UTF8Scan.highBits == 0, !UTF8Scan.hasByte(word, lessThan: 0x20),
                   !UTF8Scan.hasByte(word, equalTo: 0x7F) {
                    i += 8
                    continue
                }
            }
            let b = bytes[i]
            if b < 0x80 {
                if b < 0x20 || b == 0x7F { return nil }
                i += 1
                continue
            }
            let (scalar, length) = UTF8Scan.decode(bytes, at: i)
            guard CharacterSegmenter.alwaysBreaksBefore(scalar), !CharacterSegmenter.mayPrepend(scalar),
                  DisplayWidth.of(Unicode.Scalar(scalar)!) == 1 else { return nil }
            ascii = false
            i += length
        }
        return ascii ? .ascii : .mixed
    }

    /// Wraps spaces and printable ASCII, giving the same lines as the general path. As in
    /// ``wrapOneCellPerScalar(_:width:)`` a line is a run of the text, and here its width is
    /// its length in bytes, so a line is found by looking at the byte one line width ahead
    /// and back to the last space before it: only the bytes of one word per line are read.
    static func wrapASCII(_ bytes: UnsafeBufferPointer<UInt8>, width: Int) -> [String] {
        var lines: [String] = []
        let n = bytes.count
        var start = 0
        while start < n, bytes[start] == 0x20 { start += 1 }
        while start < n {
            var end: Int  // the line ends here, or at the spaces just before it
            if n - start <= width {
                end = n  // the rest fits
            } else if bytes[start + width] == 0x20 {
                end = start + width  // the last word that fits ends right at the width
            } else {
                // Back to the space before the word that crosses the width; with none, the
                // line's first word is longer than the line: cut it at the width.
                var space = start + width - 1
                while space > start, bytes[space] != 0x20 { space -= 1 }
                end = space > start ? space : start + width
            }
            var next = end
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
            while next < n, bytes[next] == 0x20 { next += 1 }
            start = next
        }
        if lines.isEmpty { lines.append("") }
        return lines
    }

    /// Wraps text of one-cell scalars (see ``isOneCellPerScalar(_:)``), giving the same
    /// lines as the general path. A line is then always a run of the text itself, from the
    /// start of its first word to the end of its last one (the spaces the general path
    /// leaves out come only before a line's first word or after its last), and its width is
    /// its number of scalars, so each line is made straight from the text's bytes.
    static func wrapOneCellPerScalar(_ bytes: UnsafeBufferPointer<UInt8>, width: Int) -> [String] {
        var lines: [String] = []
        func emit(_ start: Int, _ end: Int) {
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        }
        let n = bytes.count
        var lineStart = -1  // byte offset; -1: the line is empty
        var lineStartCell = 0
        var lineEnd = 0  // end of the line's last word
        var cell = 0  // cells (scalars) before byte offset i
        var i = 0
        while i < n {
            while i < n, bytes[i] == 0x20 {
                i += 1
                cell += 1
            }
            if i == n { break }
            let wordStart = i
            let wordStartCell = cell
            while i < n, bytes[i] != 0x20 {
                if bytes[i] & 0xC0 != 0x80 { cell += 1 }
                i += 1
            }
            if lineStart >= 0 {
                // The word fits after the line and the spaces before it.
                if cell - lineStartCell <= width {
                    lineEnd = i
                    continue
                }
                emit(lineStart, lineEnd)
            }
            // On an empty line; a word longer than the line is cut into full lines first.
            var start = wordStart
            var startCell = wordStartCell
            while cell - startCell > width {
                var end = start
                for _ in 0..<width {
                    end += 1
                    while end < i, bytes[end] & 0xC0 == 0x80 { end += 1 }
                }
                emit(start, end)
                start = end
                startCell += width
            }
            lineStart = start
            lineStartCell = startCell
            lineEnd = i
        }
        if lineStart >= 0 { emit(lineStart, lineEnd) } else if lines.isEmpty { lines.append("") }
        return lines
    }

    /// The wrapping state machine: a line being filled and the word being read.
    struct Wrapper {
        let segmenter: CharacterSegmenter
        let width: Int
        var lines: [String] = []
        var line: [UInt8] = []
        var lineWidth = 0
        /// The word being read: a run of bytes of the text (empty when start == end).
        var wordStart = 0
        var wordEnd = 0
        var wordWidth = 0

        init(segmenter: CharacterSegmenter, width: Int) {
            self.segmenter = segmenter
            self.width = width
            line.reserveCapacity(width * 4 + 8)
        }

        mutating func run() -> [String] {
            let bytes = segmenter.bytes
            let n = bytes.count
            var i = 0
            while i < n {
                // Fast path: a run of printable ASCII is a run of one-cell characters, except
                // perhaps its last byte, which may join a combining mark after it.
                var j = i
                while j < n, bytes[j] > 0x20, bytes[j] < 0x7F { j += 1 }
                if j < n, j > i, bytes[j] >= 0x80 { j -= 1 }
                if j > i {
                    if wordEnd == wordStart { wordStart = i }
                    wordEnd = j
                    wordWidth += j - i
                    i = j
                    continue
                }
                let character = segmenter.character(at: i)
                let end = character.end
                if end == i + 1, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A {
                    placeWord()
                    if bytes[i] == 0x0A {
                        flushLine()
                    } else if lineWidth > 0, lineWidth < width {
                        line.append(0x20)
                        lineWidth += 1
                    }
                } else {
                    let w = character.width
                    if w == 2, WordCounter.isCJK(segmenter.firstScalar(at: i)) {
                        placeWord()  // each ideograph is its own breakable unit
                        wordStart = i
                        wordEnd = end
                        wordWidth = w
                        placeWord()
                    } else {
                        if wordEnd == wordStart { wordStart = i }
                        wordEnd = end
                        wordWidth += w
                    }
                }
                i = end
            }
            placeWord()
            if !line.isEmpty || lines.isEmpty { flushLine() }
            return lines
        }

        mutating func placeWord() {
            guard wordEnd > wordStart else { return }
            let bytes = segmenter.bytes
            if lineWidth > 0, lineWidth + wordWidth > width { flushLine() }
            if wordWidth <= width - lineWidth {
                line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd]))
                lineWidth += wordWidth
            } else {
                var i = wordStart
                while i < wordEnd {  // longer than a line: cut it
                    let character = segmenter.character(at: i)
                    let w = character.width
                    if lineWidth + w > width, lineWidth > 0 { flushLine() }
                    line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<character.end]))
                    lineWidth += w
                    i = character.end
                }
            }
            wordStart = 0
            wordEnd = 0
            wordWidth = 0
        }

        /// Ends the line without its trailing spaces (space characters, as `Character`s).
        mutating func flushLine() {
            while line.last == 0x20 {
                if !CharacterSegmenter.spaceStandsAlone(after: line) {
                    // A prepended-concatenation mark before the space: let String decide.
                    var text = String(decoding: line, as: UTF8.self)
                    while text.hasSuffix(" ") { text.removeLast(); lineWidth -= 1 }
                    lines.append(text)
                    line.removeAll(keepingCapacity: true)
                    lineWidth = 0
                    return
                }
                line.removeLast()
                lineWidth -= 1
            }
            lines.append(String(decoding: line, as: UTF8.self))
            line.removeAll(keepingCapacity: true)
            lineWidth = 0
        }
    }
}
