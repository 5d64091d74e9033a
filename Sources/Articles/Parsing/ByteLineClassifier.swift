/// Recognises, on the bytes of a clean line, the ordinary body lines that
/// ``LineClassifier`` would call `.text`, without making any string.
///
/// Most lines of an article are paragraphs and subheadings: they open with a letter and
/// match none of the prefixes that metadata and promotion lines start with (short ones are
/// neither a widget nor a summary or bio heading). For those lines
/// this is the whole classification; for every other line it answers `false` and the
/// line goes through ``LineClassifier/classify(_:promoSources:)`` as before. It never
/// answers `true` for a line that the classifier would give another kind: each check below
/// is a necessary condition of one of the classifier's other kinds, tested on the same bytes.
enum ByteLineClassifier {
    /// Whether `line` (clean UTF-8, as ``TextCleaner`` makes it) is certainly a `.text` line.
    static func isBodyText(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = line.count
        // A first ASCII letter rules out a Markdown heading, a rule, a bullet and a line without
        // letters, and leaves nothing for `strippingLeadingSymbols` to strip.
        guard n > 0, FastText.isASCIILetter(line[0]) else { return false }
        // Past 400 bytes only those four kinds are looked for.
        if n > 400 { return true }
        // Short lines may be widgets (24 bytes or less) or summary and bio headings (48).
        if n <= 48 { return isShortBodyText(line) }
        // The classifier's `head`: the first 64 characters lowercased. When the first 64 bytes
        // are ASCII, its first 63 bytes are those bytes in ASCII lowercase (a combining mark
        // after the 64th byte can only join the 64th character), and every prefix looked for
        // is shorter than that.
        let headCount = min(n, 64)
        guard headCount > longestPrefix else { return false }
        for i in 0..<headCount where line[i] >= 0x80 { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer -> Bool in
            for i in 0..<headCount { buffer[i] = ASCIICase.lower(line[i]) }
            let head = UnsafeBufferPointer(rebasing: buffer[0..<headCount])
            return isBodyText(line, head: head)
        }
    }

    /// ``isBodyText(_:)`` for a line of at most 48 bytes that opens with an ASCII letter:
    /// only ASCII lines, whose `head` and heading key are the line in ASCII lowercase.
    private static func isShortBodyText(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let lower = LineClassifier.asciiLowercased(line) else { return false }
        if line.count <= 24 && LineClassifier.widgetLines.contains(lower) { return false }
        // ``LineClassifier/headingRole(_:)``'s key: without trailing `: . *` and spaces.
        var key = lower.utf8[...]
        while let last = key.last, last == 0x3A || last == 0x20 || last == 0x2E || last == 0x2A { key = key.dropLast() }
        let trimmed = String(Substring(key))
        if LineClassifier.summaryHeadings.contains(trimmed) || LineClassifier.aboutAuthorHeadings.contains(trimmed) {
            return false
        }
        return UTF8Scan.withBytes(lower) { head in isBodyText(line, head: head) }
    }

    /// The checks on `head` (the lowercased start of `line`: all of it, or its first 63
    /// bytes or more).
    @inline(__always)
    private static func isBodyText(_ line: UnsafeBufferPointer<UInt8>, head: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = line.count
        // A credit (a `©` line cannot start with a letter).
        if n <= 240, LineClassifier.creditPrefixSet.match(bytes: head) != nil { return false }
        // A url or source line.
        if SourceExtractor.urlStarts.match(bytes: head) != nil || SourceExtractor.labelSet.match(bytes: head) != nil {
            return false
        }
        // A byline.
        if n <= 160, BylineParser.prefixSet.match(bytes: head) != nil { return false }
        // A dateline.
        if n <= 100, hasFourDigitRun(line) { return false }
        // A promotion line, by its start or (in short lines) by a phrase anywhere.
        if LineClassifier.promoPrefixSet.match(bytes: head) != nil { return false }
        if n <= 220 {
            for b in line where b >= 0x80 { return false }
            if LineClassifier.promoPhraseSet.occurs(inASCII: line) { return false }
        }
        return true
    }

    /// The longest prefix the classifier looks for at the start of a line's `head`.
    static let longestPrefix = [
        LineClassifier.creditPrefixSet.longest, SourceExtractor.urlStarts.longest, SourceExtractor.labelSet.longest,
        BylineParser.prefixSet.longest, LineClassifier.promoPrefixSet.longest,
    ].max()!

    /// ``FastText/hasFourDigitRun(_:)`` on bytes.
    static func hasFourDigitRun(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        for b in bytes {
            if b &- 0x30 < 10 {
                run += 1
            } else {
                if run == 4 { return true }
                run = 0
            }
        }
        return run == 4
    }
}
