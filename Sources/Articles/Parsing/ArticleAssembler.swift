import Foundation

/// Builds an ``Article`` from classified units, reading them the way a person would.
///
/// 1. **Metadata and noise**: promotion lines, widget artifacts and rules are dropped; the
///    first credit, byline, dateline and url/source line fill their fields and leave the body.
/// 2. **Title**: an early Markdown `# Title`, else the first text line (a very long first
///    line gives its first sentence and stays in the body). Repeats of the title are dropped.
/// 3. **Author**: from the byline; without one, a name-like line followed by a paragraph that
///    starts with that name ("Jane Doe" then "Jane Doe is a…"). Standalone lines that repeat
///    the author's name are dropped.
/// 4. **Bio**: the paragraphs under "About the author", else the paragraph that starts with
///    the author's name (or first/last name plus "is/has/was…") right after the byline or at
///    the end of the article.
/// 5. **Summary**: a bullet run under a heading such as "Key points", "In brief", "TL;DR" or
///    "À retenir"; else a run of 2–8 bullets before all body text or after it, that is not
///    introduced by a subheading or a sentence ending in `:`. Other lists stay in the body as
///    paragraphs starting with `• ` (or their number). Without author bullets, a summary is
///    generated (``SummaryGenerator``).
/// 6. **Sections**: Markdown headings, and short text lines without closing punctuation
///    (`?` allowed) that stand on their own and are followed by body text, start sections.
/// 7. **Source**: a source line, else a promotion line naming the site, else the url's host.
struct ArticleAssembler {
    var units: [TextUnit]

    var title: String?
    var author: String?
    var authorBio: String?
    var credit: String?
    var date: Date?
    var url: String?
    var referenceSource: String?
    var promoSource: String?
    var bylineIndex: Int?
    /// Whether the promotion units were classified without their source name, which is then
    /// looked for only if the article has no source line.
    var promoSourcesPending = false
    /// Whether to generate summary bullets when the article has none (the library index
    /// does not need them).
    var generatesSummary = true
    /// Whether only a bullet run under a summary heading is the summary (HTML pages, whose
    /// lists are marked up, and whose summary lists carry a heading or a class).
    var summaryNeedsHeading = false

    init(units: [TextUnit]) { self.units = units }

    mutating func assemble() throws -> Article {
        collectMetadata()
        try findTitle()
        if author == nil { inferAuthor() }
        dropRepeatedAuthorLines()
        findBio()
        let summary = findSummary()
        let sections = buildSections()
        var bullets = summary
        var summarySource: SummarySource? = bullets.isEmpty ? nil : .author
        if bullets.isEmpty && generatesSummary {
            bullets = SummaryGenerator.bullets(for: sections)
            summarySource = bullets.isEmpty ? nil : .generated
        }
        let source = referenceSource ?? firstPromoSource() ?? url.flatMap(SourceExtractor.host(of:))
        return Article(
            title: title ?? "", source: source, author: author, authorBio: authorBio, credit: credit,
            date: date, url: url, sections: sections, summary: bullets, summarySource: summarySource)
    }

    // MARK: 1. Metadata

    mutating func collectMetadata() {
        for i in units.indices {
            switch units[i].kind {
            case .artifact, .rule:
                units[i].dropped = true
            case .promo(let source):
                units[i].dropped = true
                if promoSource == nil { promoSource = source }
            case .credit(let text):
                units[i].dropped = true
                if credit == nil { credit = text }
            case .byline(let name, let bylineDate):
                units[i].dropped = true
                if author == nil {
                    author = name
                    bylineIndex = i
                }
                if date == nil { date = bylineDate }
            case .date(let value):
                units[i].dropped = true
                if date == nil { date = value }
            case .reference(let source, let link):
                units[i].dropped = true
                if referenceSource == nil { referenceSource = source }
                if url == nil { url = link }
            default:
                break
            }
        }
    }

    /// The site named by the first promotion line that names one.
    func firstPromoSource() -> String? {
        guard promoSourcesPending, promoSource == nil else { return promoSource }
        for unit in units {
            guard case .promo = unit.kind else { continue }
            if let source = SourceExtractor.fromPromo(unit.text) { return source }
        }
        return nil
    }

    // MARK: 2. Title

    mutating func findTitle() throws {
        // A title given beforehand (an HTML page's metadata) only drops its repeats.
        if title == nil { try chooseTitle() }
        dropTitleRepeats()
    }

    mutating func chooseTitle() throws {
        let live = units.indices.filter { !units[$0].dropped }
        var titleIndex: Int?
        for i in live.prefix(6) {
            if case .heading(1, _) = units[i].kind {
                titleIndex = i
                break
            }
        }
        if titleIndex == nil {
            titleIndex = live.first { index in
                switch units[index].kind {
                case .text, .heading: return true
                default: return false
                }
            }
        }
        if let index = titleIndex, case .heading = units[index].kind {
            // Short labels above a Markdown title are kickers ("Tech", "Opinion"), not body text.
            for i in live where i < index && units[i].kind == .text && Self.isHeadingLike(units[i].text)
                && units[i].text.split(separator: " ").count <= 3
            {
                units[i].dropped = true
            }
        }
        if let index = titleIndex {
            let text = units[index].content
            if case .text = units[index].kind, CharacterSegmenter.count(text, limit: 250) > 250 {
                title = SummaryGenerator.shorten(SentenceSplitter.sentences(in: text, limit: 1).first ?? text)
                    .prefix(160).description
            } else {
                title = text
                units[index].dropped = true
            }
        } else if let index = live.first(where: { if case .bullet = units[$0].kind { return true }; return false }) {
            title = units[index].content
            units[index].dropped = true
        } else {
            throw ArticleParseError.noText
        }
    }

    mutating func dropTitleRepeats() {
        guard let title else { return }
        let key = Self.comparable(title)
        let titleLength = CharacterSegmenter.count(title)
        for i in units.indices where !units[i].dropped {
            switch units[i].kind {
            case .text, .heading:
                let content = units[i].content
                if !UTF8Scan.withBytes(content, { Self.hasASCIIRun($0, longerThan: titleLength) })
                    && CharacterSegmenter.count(content, limit: titleLength) == titleLength
                    && Self.hasComparable(content, key)
                {
                    units[i].dropped = true
                }
            default: break
            }
        }
    }

    // MARK: 3. Author

    mutating func inferAuthor() {
        let live = units.indices.filter { !units[$0].dropped }
        for (position, i) in live.enumerated() where position + 1 < live.count {
            guard units[i].kind == .text, Self.looksLikeName(units[i].text) else { continue }
            let next = live[position + 1]
            guard units[next].kind == .text, Self.startsWithName(units[next].text, name: units[i].text) else { continue }
            author = units[i].text
            units[i].dropped = true
            bylineIndex = i
            return
        }
    }

    mutating func dropRepeatedAuthorLines() {
        guard let author else { return }
        let key = Self.comparable(author)
        let limit = CharacterSegmenter.count(author) + 2
        for i in units.indices where !units[i].dropped && units[i].kind == .text {
            if !UTF8Scan.withBytes(units[i].text, { Self.hasASCIIRun($0, longerThan: limit) })
                && CharacterSegmenter.count(units[i].text, limit: limit) <= limit && Self.hasComparable(units[i].text, key)
            {
                units[i].dropped = true
            }
        }
    }

    // MARK: 4. Bio

    mutating func findBio() {
        if let heading = units.indices.first(where: { !units[$0].dropped && units[$0].kind == .aboutAuthorHeading }) {
            units[heading].dropped = true
            var parts: [String] = []
            var i = heading + 1
            while i < units.count {
                if units[i].dropped { i += 1; continue }
                guard units[i].kind == .text, parts.isEmpty || !Self.isHeadingLike(units[i].text) else { break }
                parts.append(units[i].text)
                units[i].dropped = true
                i += 1
            }
            if !parts.isEmpty {
                authorBio = parts.joined(separator: " ")
                return
            }
        }
        guard let author else { return }
        let textIndices = units.indices.filter { !units[$0].dropped && units[$0].kind == .text }
        let tail = Set(textIndices.suffix(2))
        // Right after a byline that follows body text (a byline at the top is followed by the body).
        let firstAfterByline = bylineIndex.flatMap { byline in
            textIndices.contains { $0 < byline } ? textIndices.first { $0 > byline } : nil
        }
        for i in textIndices {
            let nearByline = i == firstAfterByline
            guard nearByline || tail.contains(i) else { continue }
            guard Self.startsWithName(units[i].text, name: author) else { continue }
            authorBio = units[i].text
            units[i].dropped = true
            return
        }
    }

    // MARK: 5. Summary

    mutating func findSummary() -> [SummaryBullet] {
        let live = units.indices.filter { !units[$0].dropped }
        // Runs of consecutive bullets among the live units: (first, last) positions in `live`.
        var runs: [(start: Int, end: Int)] = []
        var p = 0
        while p < live.count {
            if case .bullet = units[live[p]].kind {
                var q = p
                while q + 1 < live.count, case .bullet = units[live[q + 1]].kind { q += 1 }
                runs.append((p, q))
                p = q + 1
            } else {
                p += 1
            }
        }
        let textPositions = live.indices.filter { units[live[$0]].kind == .text }
        let hasBodyText = !textPositions.isEmpty

        var chosen: (start: Int, end: Int)?
        var headingPosition: Int?
        for run in runs {
            if run.start > 0, units[live[run.start - 1]].kind == .summaryHeading {
                chosen = run
                headingPosition = run.start - 1
                break
            }
        }
        if chosen == nil, hasBodyText, !summaryNeedsHeading {
            for run in runs {
                let count = run.end - run.start + 1
                guard (2...8).contains(count) else { continue }
                guard (run.start...run.end).allSatisfy({ CharacterSegmenter.count(units[live[$0]].content, limit: 400) <= 400 }) else { continue }
                let atStart = textPositions.allSatisfy { $0 > run.end }
                let atEnd = textPositions.allSatisfy { $0 < run.start }
                guard atStart || atEnd else { continue }
                if run.start > 0 {
                    let previous = units[live[run.start - 1]]
                    if case .heading = previous.kind { continue }
                    if previous.kind == .text {
                        if Self.isHeadingLike(previous.text) || previous.text.hasSuffix(":") { continue }
                    }
                }
                chosen = run
                break
            }
        }
        if let chosen {
            if let headingPosition { units[live[headingPosition]].dropped = true }
            var bullets: [SummaryBullet] = []
            for position in chosen.start...chosen.end {
                units[live[position]].dropped = true
                bullets.append(SummaryBullet(text: units[live[position]].content))
            }
            dropSummaryHeadings()
            return bullets
        }
        // A summary heading followed by a block of short paragraphs instead of bullets.
        for (position, i) in live.enumerated() where units[i].kind == .summaryHeading && !units[i].dropped {
            var bullets: [SummaryBullet] = []
            var q = position + 1
            while q < live.count, bullets.count < 8, units[live[q]].kind == .text {
                let unit = units[live[q]]
                if !bullets.isEmpty && unit.blankBefore { break }
                if Self.isHeadingLike(unit.text) { break }
                bullets.append(SummaryBullet(text: unit.text))
                units[live[q]].dropped = true
                q += 1
            }
            if !bullets.isEmpty {
                units[i].dropped = true
                dropSummaryHeadings()
                return bullets
            }
        }
        dropSummaryHeadings()
        return []
    }

    mutating func dropSummaryHeadings() {
        for i in units.indices where units[i].kind == .summaryHeading || units[i].kind == .aboutAuthorHeading {
            units[i].dropped = true
        }
    }

    // MARK: 6. Sections

    func buildSections() -> [ArticleSection] {
        let live = units.indices.filter { !units[$0].dropped }
        var sections: [ArticleSection] = []
        var current = ArticleSection(heading: nil, paragraphs: [])
        func startSection(_ heading: String) {
            if current.heading != nil || !current.paragraphs.isEmpty { sections.append(current) }
            current = ArticleSection(heading: heading, paragraphs: [])
        }
        for (position, i) in live.enumerated() {
            let unit = units[i]
            switch unit.kind {
            case .heading(_, let text):
                startSection(text)
            case .bullet(let text, let marker):
                current.paragraphs.append(marker == "•" ? "• " + text : marker + " " + text)
            case .text:
                if isSubheading(unit, followedBy: position + 1 < live.count ? units[live[position + 1]] : nil) {
                    startSection(unit.text)
                } else {
                    current.paragraphs.append(unit.text)
                }
            default:
                continue
            }
        }
        if current.heading != nil || !current.paragraphs.isEmpty { sections.append(current) }
        return sections.filter { !$0.paragraphs.isEmpty }
    }

    func isSubheading(_ unit: TextUnit, followedBy next: TextUnit?) -> Bool {
        guard unit.blankBefore, Self.isHeadingLike(unit.text), let next else { return false }
        switch next.kind {
        case .bullet: return true
        case .text: return !Self.isHeadingLike(next.text)
        default: return false
        }
    }

    // MARK: Helpers

    /// Lowercased with spaces collapsed, for comparing lines.
    static func comparable(_ text: String) -> String {
        // Text of known scalars: lowercased and collapsed byte by byte (see ``KnownLowercase``).
        if let key = UTF8Scan.withBytes(text, { KnownLowercase.lowercased($0, collapsingSpaces: true) }) { return key }
        return text.lowercased().split(separator: " ").joined(separator: " ")
    }

    /// Whether `comparable(text) == key`, where `key` is a ``comparable(_:)`` result: by
    /// bytes, without making the text's key, when both are ASCII.
    static func hasComparable(_ text: String, _ key: String) -> Bool {
        let fast = UTF8Scan.withBytes(text) { t in
            UTF8Scan.withBytes(key) { k in asciiComparable(t, equals: k) }
        }
        return fast ?? (comparable(text) == key)
    }

    /// For ASCII `text` and `key`, whether the text lowercased with runs of spaces made one
    /// and no space at either end is `key`; `nil` when either has a byte outside ASCII.
    static func asciiComparable(_ text: UnsafeBufferPointer<UInt8>, equals key: UnsafeBufferPointer<UInt8>) -> Bool? {
        for b in key where b >= 0x80 { return nil }
        var k = 0
        var pendingSpace = false
        var wroteAny = false
        var equal = true
        for b in text {
            if b >= 0x80 { return nil }
            guard equal else { continue }
            if b == 0x20 {
                pendingSpace = wroteAny
                continue
            }
            if pendingSpace {
                if k < key.count && key[k] == 0x20 { k += 1 } else { equal = false; continue }
                pendingSpace = false
            }
            if k < key.count && key[k] == ASCIICase.lower(b) { k += 1 } else { equal = false; continue }
            wroteAny = true
        }
        return equal && k == key.count
    }

    /// A short line without closing punctuation (a `?` is allowed): a possible subheading.
    /// Trailing emoji and symbols are ignored; a sentence break inside (`. `, `。`) rules it out.
    static func isHeadingLike(_ text: String) -> Bool {
        // Most units are paragraphs, told apart by their first 111 bytes.
        if UTF8Scan.withBytes(text, { hasASCIIRun($0, longerThan: 110) }) { return false }
        let count = CharacterSegmenter.count(text, limit: 110)
        guard count >= 2, count <= 110 else { return false }
        guard let first = text.unicodeScalars.first, !first.properties.isLowercase else { return false }
        if FastText.wordCount(text, limit: 16) > 16 { return false }
        if FastText.contains(text, "。") || FastText.contains(text, ". ") { return false }
        for scalar in text.unicodeScalars.reversed() {
            switch scalar {
            case "\"", "”", "’", "'", "»", ")", " ": continue
            case ".", "!", "…", ",", ";", ":", "。", "！", "、": return false
            default:
                let props = scalar.properties
                if !scalar.isASCII && (props.isEmojiPresentation || props.generalCategory == .otherSymbol
                    || props.generalCategory == .nonspacingMark || scalar.value == 0xFE0F || scalar.value == 0x200D)
                {
                    continue
                }
                return LineClassifier.hasLetterOrDigit(text)
            }
        }
        return false
    }

    /// Whether the text certainly has more than `limit` characters: its first `limit + 1`
    /// bytes are ASCII other than CR, each of which starts a `Character` (only CR LF joins
    /// two ASCII bytes). `false` says nothing.
    static func hasASCIIRun(_ text: UnsafeBufferPointer<UInt8>, longerThan limit: Int) -> Bool {
        guard limit >= 0, text.count > limit else { return false }
        return CharacterSegmenter.asciiRunEnd(text, from: 0, bound: limit + 1) == limit + 1
    }

    /// Two to four capitalised words: a person's name on its own line.
    static func looksLikeName(_ text: String) -> Bool {
        guard CharacterSegmenter.count(text, limit: 40) <= 40 else { return false }
        let words = text.split(separator: " ")
        guard (2...4).contains(words.count) else { return false }
        for (index, word) in words.enumerated()
        where !BylineParser.isNameWord(word, first: index == 0, last: index == words.count - 1) {
            return false
        }
        return !words.contains { $0.hasSuffix(".") && $0.count > 3 }
    }

    static let bioVerbs: Set<String> = [
        "is", "has", "was", "writes", "covers", "joined", "lives", "reports", "worked", "works", "edits",
        "holds", "spent", "began", "started", "teaches", "studied", "graduated", "leads", "runs",
        "est", "a", "travaille", "écrit", "vit", "ist", "hat", "schreibt", "es", "escribe", "trabaja",
    ]

    /// Whether a paragraph starts with the person's full name, or with their first or last
    /// name followed by a bio verb ("Stone has covered…").
    static func startsWithName(_ text: String, name: String) -> Bool {
        let fast = UTF8Scan.withBytes(text) { t in UTF8Scan.withBytes(name) { n in asciiStartsWithName(t, name: n) } }
        return fast ?? startsWithNameByCharacters(text, name: name)
    }

    /// ``startsWithName(_:name:)`` by `Character`s, for any text.
    static func startsWithNameByCharacters(_ text: String, name: String) -> Bool {
        if text.hasPrefix(name) {
            let rest = text.dropFirst(name.count)
            guard let next = rest.first else { return false }
            return next == " " || next == "," || next == "’" || next == "'" || next == "("
        }
        let parts = name.split(separator: " ")
        guard parts.count >= 2, let first = parts.first, let last = parts.last else { return false }
        let words = text.split(separator: " ", maxSplits: 2)
        guard words.count >= 2 else { return false }
        return (words[0] == first || words[0] == last) && bioVerbs.contains(words[1].lowercased())
    }

    /// ``startsWithName(_:name:)`` on bytes, when the name and the part of the text it looks
    /// at (the name's length and two bytes more, and the first two words and the byte after
    /// the space that ends them) are printable ASCII, where each byte is one `Character` and
    /// `==`, `hasPrefix` and `split` compare bytes; `nil` otherwise.
    static func asciiStartsWithName(_ t: UnsafeBufferPointer<UInt8>, name n: UnsafeBufferPointer<UInt8>) -> Bool? {
        @inline(__always) func printable(_ b: UInt8) -> Bool { b &- 0x20 < 0x5F }
        for b in n where !printable(b) { return nil }
        for i in 0..<min(t.count, n.count + 2) where !printable(t[i]) { return nil }
        if t.count >= n.count && (0..<n.count).allSatisfy({ t[$0] == n[$0] }) {
            guard n.count < t.count else { return false }
            let next = t[n.count]
            return next == 0x20 || next == 0x2C || next == 0x27 || next == 0x28
        }
        // The name's first and last words (split on spaces), when it has two or more.
        var parts: [Range<Int>] = []
        var i = 0
        while i < n.count {
            while i < n.count && n[i] == 0x20 { i += 1 }
            let start = i
            while i < n.count && n[i] != 0x20 { i += 1 }
            if i > start { parts.append(start..<i) }
        }
        guard parts.count >= 2, let first = parts.first, let last = parts.last else { return false }
        // The text's first two words; the space after the second must be followed by ASCII.
        var words: [Range<Int>] = []
        i = 0
        while i < t.count && words.count < 2 {
            guard printable(t[i]) else { return nil }
            if t[i] == 0x20 {
                i += 1
                continue
            }
            let start = i
            while i < t.count && t[i] != 0x20 {
                guard printable(t[i]) else { return nil }
                i += 1
            }
            words.append(start..<i)
        }
        if i + 1 < t.count && !printable(t[i + 1]) { return nil }
        guard words.count >= 2 else { return false }
        func equal(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            a.count == b.count && (0..<a.count).allSatisfy { t[a.lowerBound + $0] == n[b.lowerBound + $0] }
        }
        guard equal(words[0], first) || equal(words[0], last) else { return false }
        let verb = UnsafeBufferPointer(rebasing: t[words[1]])
        return bioVerbs.contains(ASCIICase.lowercasedString(verb))
    }
}
