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
        // The classifier's `head`: the first 64 characters lowercased. When the first 64 bytes
        // are ASCII, its first 63 bytes are those bytes in ASCII lowercase (a combining mark
        // after the 64th byte can only join the 64th character), and every prefix looked for
        // is shorter than that. A short line must be ASCII throughout.
        let headCount = min(n, 64)
        guard n <= 48 || headCount > longestPrefix else { return false }
        for i in 0..<(n <= 48 ? n : headCount) where line[i] >= 0x80 { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer -> Bool in
            for i in 0..<headCount { buffer[i] = ASCIICase.lower(line[i]) }
            let head = UnsafeBufferPointer(rebasing: buffer[0..<headCount])
            if n <= 48 && isShortMetadata(head) { return false }
            return isBodyText(line, head: head)
        }
    }

    /// For a short ASCII line (`head` is all of it, lowercased): whether it is a widget
    /// (24 bytes or less) or a summary or bio heading, as ``LineClassifier`` tells them.
    /// Strings are made only for a line whose length and first byte match one of theirs.
    private static func isShortMetadata(_ head: UnsafeBufferPointer<UInt8>) -> Bool {
        let shapes = keyShapes
        let first = Int(head[0])
        if head.count <= 24, shapes.widgets[first] & (1 << UInt64(head.count)) != 0,
           LineClassifier.widgetLines.contains(String(decoding: head, as: UTF8.self))
        {
            return true
        }
        // ``LineClassifier/headingRole(_:)``'s key: without trailing `: . *` and spaces.
        var m = head.count
        while m > 0, head[m - 1] == 0x3A || head[m - 1] == 0x20 || head[m - 1] == 0x2E || head[m - 1] == 0x2A { m -= 1 }
        guard m > 0, shapes.headings[first] & (1 << UInt64(m)) != 0 else { return false }
        let key = String(decoding: UnsafeBufferPointer(rebasing: head[0..<m]), as: UTF8.self)
        return LineClassifier.summaryHeadings.contains(key) || LineClassifier.aboutAuthorHeadings.contains(key)
    }

    /// For each first byte, a bit for each byte length (under 64) of a widget line, and of a
    /// summary or bio heading.
    static let keyShapes: (widgets: [UInt64], headings: [UInt64]) = {
        func shapes(_ keys: [String]) -> [UInt64] {
            var table = [UInt64](repeating: 0, count: 256)
            for key in keys {
                let bytes = Array(key.utf8)
                guard let first = bytes.first, bytes.count < 64 else { continue }
                table[Int(first)] |= 1 << UInt64(bytes.count)
            }
            return table
        }
        return (shapes(Array(LineClassifier.widgetLines)),
                shapes(Array(LineClassifier.summaryHeadings) + Array(LineClassifier.aboutAuthorHeadings)))
    }()

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
        if n <= 100, FastText.hasFourDigitRun(line) { return false }
        // A promotion line, by its start or (in short lines) by a phrase anywhere.
        if LineClassifier.promoPrefixSet.match(bytes: head) != nil { return false }
        if n <= 220 {
            for b in line where b >= 0x80 { return false }
            if LineClassifier.promoPhraseSet.occurs(inASCII: line) { return false }
        }
        return true
    }

    /// What ``markedKind(_:)`` recognises.
    enum MarkedKind: Equatable {
        /// A list item marked by `-`, `*`, `+` or a symbol such as `•`: the classifier's
        /// `.bullet(text: FastText.trimmingWhitespace(line.dropFirst()), marker: "•")`.
        case bullet
        /// A `©` line: the classifier's `.credit(line)`.
        case copyright
    }

    /// The kind of a clean line opened by a bullet marker or `©` and a space (for `©`, any
    /// byte), when the classifier certainly gives it that kind; `nil` for every other line.
    ///
    /// The classifier's checks, in its order: no `#` heading; not a rule (an ASCII letter or
    /// digit follows the marker, which is then also the line's and the item's letter or digit);
    /// the marker is the line's first `Character` (the byte after it is a space or an ASCII
    /// byte, neither of which joins it) and for `- * +` the item's text starts with a `" "`
    /// `Character` (the byte after that space is ASCII or a scalar that joins nothing, see
    /// ``KnownLowercase``). A `©` line of at most 240 bytes is a credit: no widget or heading
    /// key starts with `©`, and the checks before the credit's look only at the first byte.
    static func markedKind(_ line: UnsafeBufferPointer<UInt8>) -> MarkedKind? {
        let n = line.count
        guard n >= 3 else { return nil }
        let b0 = line[0]
        var markerLength = 0
        if b0 == 0x2D || b0 == 0x2A || b0 == 0x2B {
            markerLength = 1
        } else if b0 == 0xC2 && line[1] == 0xA9 {
            // `©`: one Character when an ASCII byte follows.
            guard n <= 240, line[2] < 0x80, hasASCIIAlphanumeric(line, from: 2) else { return nil }
            return .copyright
        } else if b0 >= 0xC2 {
            let (scalar, length) = UTF8Scan.decode(line, at: 0)
            guard symbolMarkerScalars.contains(scalar) else { return nil }
            markerLength = length
        } else {
            return nil
        }
        guard markerLength + 1 < n, line[markerLength] == 0x20 else { return nil }
        let next = line[markerLength + 1]
        if next >= 0x80 {
            guard KnownLowercase.isKnown(UTF8Scan.decode(line, at: markerLength + 1).scalar) else { return nil }
        }
        return hasASCIIAlphanumeric(line, from: markerLength + 1) ? .bullet : nil
    }

    /// The scalars of ``LineClassifier/symbolMarkers`` (each marker is one scalar).
    static let symbolMarkerScalars: Set<UInt32> = Set(LineClassifier.symbolMarkers.compactMap { marker in
        marker.unicodeScalars.count == 1 ? marker.unicodeScalars.first!.value : nil
    })

    /// Whether an ASCII letter or digit is among the bytes from `start` on.
    private static func hasASCIIAlphanumeric(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        for i in start..<line.count where FastText.isASCIIAlphanumeric(line[i]) { return true }
        return false
    }

    /// The longest prefix the classifier looks for at the start of a line's `head`.
    static let longestPrefix = [
        LineClassifier.creditPrefixSet.longest, SourceExtractor.urlStarts.longest, SourceExtractor.labelSet.longest,
        BylineParser.prefixSet.longest, LineClassifier.promoPrefixSet.longest,
    ].max()!
}
