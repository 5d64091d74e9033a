/// Word wrapping by display width.
public enum WordWrap {
    /// Wraps `text` into lines of at most `width` cells. Breaks at spaces; a word wider than
    /// the line is cut between characters (never inside a wide character); CJK text, which
    /// has no spaces, breaks between any two ideographs. Returns at least one line.
    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var word = ""
        var wordWidth = 0

        func flushLine() {
            while line.hasSuffix(" ") { line.removeLast(); lineWidth -= 1 }
            lines.append(line)
            line = ""
            lineWidth = 0
        }
        func placeWord() {
            guard !word.isEmpty else { return }
            if lineWidth > 0, lineWidth + wordWidth > width { flushLine() }
            if wordWidth <= width - lineWidth {
                line += word
                lineWidth += wordWidth
            } else {
                for ch in word {  // longer than a line: cut it
                    let w = DisplayWidth.of(ch)
                    if lineWidth + w > width, lineWidth > 0 { flushLine() }
                    line.append(ch)
                    lineWidth += w
                }
            }
            word = ""
            wordWidth = 0
        }

        for ch in text {
            if ch == " " || ch == "\t" || ch == "\n" {
                placeWord()
                if ch == "\n" { flushLine(); continue }
                if lineWidth > 0, lineWidth < width { line.append(" "); lineWidth += 1 }
            } else {
                let w = DisplayWidth.of(ch)
                if w == 2, let scalar = ch.unicodeScalars.first, WordCounter.isCJK(scalar) {
                    placeWord()  // each ideograph is its own breakable unit
                    word = String(ch)
                    wordWidth = w
                    placeWord()
                } else {
                    word.append(ch)
                    wordWidth += w
                }
            }
        }
        placeWord()
        if !line.isEmpty || lines.isEmpty { flushLine() }
        return lines
    }
}
