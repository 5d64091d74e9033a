/// Cleans and classifies the lines of a text, then joins physical lines into units.
///
/// Joining: in a block of lines with no blank line between them,
/// - a text line continues the previous text line when that line was hard-wrapped (its
///   length is at least 60% of the text's wrap width, detected from lines that are
///   followed by more text in the same block when they mostly measure 100 or less), or
///   when the previous line does not end a sentence and this one starts in lowercase;
/// - a text line continues a list item when it is indented or starts in lowercase;
/// - a `===` or `---` line under a single text line makes it a heading (Markdown setext).
enum UnitBuilder {
    struct Line {
        var text: String
        var kind: LineKind
        var indented: Bool

        /// Length in scalars, counted when asked: most lines never need it.
        var length: Int { UTF8Scan.scalarCount(text) }
    }

    /// Units of the text in `bytes` (valid UTF-8). `nil` lines are blank. `typography` is
    /// asked only when a line needs it. Promotion units carry no source: see
    /// ``ArticleAssembler/promoSourcesPending``.
    static func build(_ bytes: [UInt8], typography: () -> WhitespaceNormalizer.Typography) -> [TextUnit] {
        var lines: [Line?] = []
        let ranges = LineSplitter.lines(bytes)
        lines.reserveCapacity(ranges.count)
        for range in ranges {
            let slice = bytes[range]
            let text = TextCleaner.cleanLine(slice, typography: typography)
            if text.isEmpty {
                lines.append(nil)
                continue
            }
            let first = slice.first ?? 0
            let indented = first == 0x20 || first == 0x09
            lines.append(Line(text: text, kind: LineClassifier.classify(text, promoSources: false), indented: indented))
        }
        return join(lines)
    }

    /// The wrap width of hard-wrapped text, or `nil` when paragraphs are one line each.
    static func wrapWidth(_ lines: [Line?]) -> Int? {
        var lengths: [Int] = []
        for i in 0..<max(0, lines.count - 1) {
            guard let line = lines[i], line.kind == .text, let next = lines[i + 1], next.kind == .text else { continue }
            lengths.append(line.length)
        }
        guard lengths.count >= 3 else { return nil }
        lengths.sort()
        let short = lengths.filter { $0 <= 100 }.count
        guard short * 10 >= lengths.count * 8 else { return nil }
        let width = lengths[min(lengths.count - 1, lengths.count * 9 / 10)]
        return width >= 30 ? width : nil
    }

    static func join(_ lines: [Line?]) -> [TextUnit] {
        let width = wrapWidth(lines)
        // The last line's length is read only with a wrap width (see `continues`).
        func measured(_ line: Line) -> Int? { width == nil ? nil : line.length }
        var units: [TextUnit] = []
        units.reserveCapacity(lines.count / 2)
        var blank = true
        for entry in lines {
            guard let line = entry else {
                if !units.isEmpty { units[units.count - 1].blankAfter = true }
                blank = true
                continue
            }
            if !blank, let lastIndex = units.indices.last {
                units[lastIndex].blankAfter = false
                let lastKind = units[lastIndex].kind
                if line.kind == .text, lastKind == .text,
                   continues(units[lastIndex], with: line, wrapWidth: width)
                {
                    units[lastIndex].text += " "
                    units[lastIndex].text += line.text
                    units[lastIndex].lastLineLength = measured(line)
                    units[lastIndex].lineCount += 1
                    continue
                }
                if line.kind == .text, case .bullet(let text, let marker) = lastKind,
                   line.indented || startsLowercase(line.text)
                {
                    units[lastIndex].kind = .bullet(text: text + " " + line.text, marker: marker)
                    units[lastIndex].lastLineLength = measured(line)
                    units[lastIndex].lineCount += 1
                    continue
                }
                // Under a single line (a joined unit is longer than its last line).
                if case .rule(let character) = line.kind, character == "=" || character == "-", lastKind == .text,
                   units[lastIndex].lineCount == 1
                {
                    units[lastIndex].kind = .heading(level: character == "=" ? 1 : 2, text: units[lastIndex].text)
                    continue
                }
            }
            units.append(TextUnit(kind: line.kind, text: line.text, blankBefore: blank, indented: line.indented,
                                  lastLineLength: measured(line)))
            blank = false
        }
        return units
    }

    static func continues(_ previous: borrowing TextUnit, with line: Line, wrapWidth: Int?) -> Bool {
        if let wrapWidth, let length = previous.lastLineLength, length * 10 >= wrapWidth * 6 { return true }
        return !endsSentence(previous.text) && startsLowercase(line.text)
    }

    static func startsLowercase(_ text: String) -> Bool {
        text.unicodeScalars.first?.properties.isLowercase ?? false
    }

    /// Whether text ends with sentence punctuation, possibly inside closing quotes.
    static func endsSentence(_ text: String) -> Bool {
        for scalar in text.unicodeScalars.reversed() {
            switch scalar {
            case "\"", "”", "’", "'", "»", ")", "]", " ": continue
            case ".", "!", "?", "…", ":", "。", "！", "？": return true
            default: return false
            }
        }
        return false
    }
}
