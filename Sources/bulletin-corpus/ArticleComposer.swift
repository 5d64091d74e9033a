import Articles
import Foundation

/// Writes one synthetic article in Bulletin's plain-text input format, with the shape and
/// the noise of real scraped pages: share-widget lines, image credits, datelines, bylines in
/// several forms, subheadings, summary bullets (in most articles), promo lines with emoji,
/// stray `[ ]`, broken HTML entities, non-breaking spaces, author bios, and now and then
/// CJK text and emoji.
struct ArticleComposer {
    private var rng: SplitMix64

    init(rng: SplitMix64) { self.rng = rng }

    /// The text of article `index` of the corpus seeded with `seed`, appended to `buffer`.
    static func article(seed: UInt64, index: Int, into buffer: inout TextBuffer) {
        var composer = ArticleComposer(rng: SplitMix64(seed: seed, index: UInt64(index)))
        composer.writeArticle(into: &buffer)
    }

    // MARK: Whole articles

    mutating func writeArticle(into out: inout TextBuffer) {
        let site = rng.int(0...(WordBank.sites.count - 1))
        let author = personName()
        if rng.chance(20) { line(rng.pick(WordBank.shareLines), into: &out) }
        writeTitle(into: &out)
        if rng.chance(70) { writeCredit(into: &out) }
        if rng.chance(60) { writeDate(into: &out) }
        if rng.chance(45) {
            writeURL(site: site, into: &out)
        } else if rng.chance(20) {
            line("Source: \(WordBank.sites[site])", into: &out)
        }
        let bylineOnTop = rng.chance(50)
        if bylineOnTop { writeByline(author, into: &out) }
        let hasSummary = rng.chance(75)
        let summaryOnTop = hasSummary && rng.chance(40)
        if summaryOnTop { writeSummary(headed: true, into: &out) }

        let paragraphs = rng.int(3...12)
        let cjkParagraph = rng.chance(6) ? rng.int(0...(paragraphs - 1)) : -1
        var sinceHeading = 0
        for index in 0..<paragraphs {
            if index >= 2 && sinceHeading >= 2 && rng.chance(30) {
                writeSubheading(into: &out)
                sinceHeading = 0
            }
            if index == cjkParagraph {
                writeCJKParagraph(into: &out)
            } else {
                writeParagraph(words: rng.int(40...120), into: &out)
            }
            sinceHeading += 1
        }

        if hasSummary && !summaryOnTop { writeSummary(headed: rng.chance(30), into: &out) }
        if rng.chance(35) { writePromo(site: site, into: &out) }
        if rng.chance(10) { line("[ ]", into: &out) }
        if !bylineOnTop {
            if rng.chance(50) { line(author, into: &out) }
            writeByline(author, into: &out)
        }
        if rng.chance(70) { writeBio(author, site: site, into: &out) }
    }

    /// One long article of about `targetBytes` bytes: a summary block, then as many titled
    /// sections as fit, then the byline and bio.
    mutating func writeBigArticle(targetBytes: Int, into out: inout TextBuffer) {
        let site = rng.int(0...(WordBank.sites.count - 1))
        let author = personName()
        writeTitle(into: &out)
        writeCredit(into: &out)
        writeDate(into: &out)
        writeURL(site: site, into: &out)
        writeByline(author, into: &out)
        writeSummary(headed: true, into: &out)
        var tail = TextBuffer(capacity: 512)
        writeBio(author, site: site, into: &tail)
        let reserve = tail.count
        outer: while true {
            writeSubheading(into: &out)
            for _ in 0..<rng.int(3...12) {
                var paragraph = TextBuffer(capacity: 1024)
                writeParagraph(words: rng.int(40...120), into: &paragraph)
                if out.count + paragraph.count + reserve > targetBytes { break outer }
                out.append(paragraph.bytes)
            }
        }
        out.append(tail.bytes)
    }

    // MARK: Parts

    private mutating func writeTitle(into out: inout TextBuffer) {
        switch rng.int(0...5) {
        case 0:
            out.appendCapitalized(rng.pick(WordBank.adjectives)); out.space()
            out.append(rng.pick(WordBank.nouns)); out.space()
            out.append(rng.pick(WordBank.verbs)); out.append(" the "); out.append(rng.pick(WordBank.nouns))
            out.append(" in "); out.append(rng.pick(WordBank.places))
        case 1:
            out.append("How "); out.append(rng.pick(WordBank.places)); out.space()
            out.append(rng.pick(WordBank.verbs)); out.append(" its "); out.append(rng.pick(WordBank.adjectives))
            out.space(); out.append(rng.pick(WordBank.nouns))
        case 2:
            out.append("Why the "); out.append(rng.pick(WordBank.nouns)); out.space()
            out.append(rng.pick(WordBank.verbs)); out.append(" a "); out.append(rng.pick(WordBank.adjectives))
            out.space(); out.append(rng.pick(WordBank.nouns))
        case 3:
            out.append(rng.pick(WordBank.places)); out.append("’s "); out.append(rng.pick(WordBank.adjectives))
            out.space(); out.append(rng.pick(WordBank.nouns)); out.append(": what the ")
            out.append(rng.pick(WordBank.nouns)); out.space(); out.append(rng.pick(WordBank.verbs))
        case 4:
            out.append("The "); out.append(rng.pick(WordBank.nouns)); out.append(" that ")
            out.append(rng.pick(WordBank.verbs)); out.append(" a "); out.append(rng.pick(WordBank.nouns))
        default:
            out.appendCapitalized(rng.pick(WordBank.nouns)); out.append(" and ")
            out.append(rng.pick(WordBank.nouns)); out.append(", "); out.append(rng.pick(WordBank.adverbs))
            out.space(); out.append(rng.pick(WordBank.verbs))
        }
        if rng.chance(8) { out.space(); out.append(rng.pick(WordBank.emoji)) }
        out.endBlock()
    }

    private mutating func writeCredit(into out: inout TextBuffer) {
        let name = personName()
        let agency = rng.pick(WordBank.agencies)
        switch rng.int(0...2) {
        case 0: line("© \(name)/\(agency)", into: &out)
        case 1: line("Photo: \(name) for \(agency)", into: &out)
        default: line("Credit: \(agency) / \(name)", into: &out)
        }
    }

    private mutating func writeDate(into out: inout TextBuffer) {
        let year = rng.int(2015...2025)
        let month = rng.int(1...12)
        let day = rng.int(1...28)
        let monthName = WordBank.months[month - 1]
        switch rng.int(0...2) {
        case 0: line("Published \(day) \(monthName) \(year)", into: &out)
        case 1: line("\(monthName) \(day), \(year)", into: &out)
        default:
            line("\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)", into: &out)
        }
    }

    private mutating func writeURL(site: Int, into out: inout TextBuffer) {
        out.append("https://www.")
        out.append(WordBank.siteDomains[site])
        out.append("/\(rng.int(2015...2025))/")
        out.append(rng.pick(WordBank.adjectives)); out.append("-")
        out.append(rng.pick(WordBank.nouns)); out.append("-")
        out.append(String(rng.int(1000...99999)))
        out.endBlock()
    }

    private mutating func writeByline(_ author: String, into out: inout TextBuffer) {
        switch rng.int(0...9) {
        case 0, 1: line("Written by \(author)", into: &out)
        default: line("By \(author)", into: &out)
        }
    }

    private mutating func writeBio(_ author: String, site: Int, into out: inout TextBuffer) {
        let template = rng.pick(WordBank.bioTemplates)
        let bio = template.replacingOccurrences(of: "%SITE%", with: WordBank.sites[site])
        line("\(author) \(bio)", into: &out)
    }

    private mutating func writePromo(site: Int, into out: inout TextBuffer) {
        let template = rng.pick(WordBank.promoTemplates)
        line(template.replacingOccurrences(of: "%SITE%", with: WordBank.sites[site]), into: &out)
    }

    private mutating func writeSubheading(into out: inout TextBuffer) {
        switch rng.int(0...3) {
        case 0:
            out.appendCapitalized(rng.pick(WordBank.adjectives)); out.space()
            out.append(rng.pick(WordBank.nouns)); out.append(" and the "); out.append(rng.pick(WordBank.nouns))
        case 1:
            out.append("What the "); out.append(rng.pick(WordBank.nouns)); out.append(" means for ")
            out.append(rng.pick(WordBank.places))
            // French-style spacing: a non-breaking space before the question mark.
            out.append("\u{00A0}?")
        case 2:
            out.append("Inside the "); out.append(rng.pick(WordBank.adjectives)); out.space()
            out.append(rng.pick(WordBank.nouns))
        default:
            out.appendCapitalized(rng.pick(WordBank.nouns)); out.append(", ")
            out.append(rng.pick(WordBank.nouns)); out.append(" and ")
            out.append(rng.pick(WordBank.nouns))
        }
        out.endBlock()
    }

    private mutating func writeSummary(headed: Bool, into out: inout TextBuffer) {
        let count = rng.int(2...5)
        if headed {
            line(rng.pick(WordBank.summaryHeaders), into: &out)
            for _ in 0..<count {
                out.append("- ")
                writeSentence(words: rng.int(8...18), into: &out)
                out.newline()
            }
        } else {
            let marker: String
            switch rng.int(0...3) {
            case 0: marker = "  • "
            case 1: marker = "- "
            case 2: marker = "* "
            default: marker = "▪ "
            }
            for _ in 0..<count {
                out.append(marker)
                writeSentence(words: rng.int(8...18), into: &out)
                out.newline()
            }
        }
        out.newline()
    }

    /// A paragraph of exactly `words` words, in sentences.
    private mutating func writeParagraph(words: Int, into out: inout TextBuffer) {
        var remaining = words
        var first = true
        while remaining > 0 {
            if !first { out.space() }
            remaining -= writeSentence(maxWords: remaining, into: &out)
            first = false
            if remaining > 0 && rng.chance(4) { out.append(rng.pick(WordBank.brokenEntities)) }
        }
        if rng.chance(3) { out.space(); out.append(rng.pick(WordBank.emoji)) }
        out.endBlock()
    }

    private mutating func writeCJKParagraph(into out: inout TextBuffer) {
        for index in 0..<rng.int(3...6) {
            // Korean is written with spaces and a Latin full stop; CJK full stops need none.
            if index > 0 && out.bytes.last == UInt8(ascii: ".") { out.space() }
            out.append(rng.pick(WordBank.cjkSentences))
        }
        if rng.chance(50) { out.space(); out.append(rng.pick(WordBank.emoji)) }
        out.endBlock()
    }

    /// Appends `[det] [adj] noun`, with "a" turned into "an" before a vowel; returns the
    /// number of words written.
    @discardableResult
    private mutating func nounPhrase(adjective: Bool, capitalized: Bool = false, into out: inout TextBuffer) -> Int {
        let det = rng.pick(WordBank.determiners)
        let next = adjective ? rng.pick(WordBank.adjectives) : rng.pick(WordBank.nouns)
        var detBytes = capitalized ? det.capitalized : det.bytes
        if det.bytes == Self.article, let first = next.bytes.first, Self.vowels.contains(first) {
            detBytes.append(0x6E)  // "an"
        }
        out.append(detBytes)
        out.space()
        out.append(next)
        if adjective {
            out.space()
            out.append(rng.pick(WordBank.nouns))
            return 3
        }
        return 2
    }

    private static let article: [UInt8] = Array("a".utf8)
    private static let vowels: Set<UInt8> = Set("aeiou".utf8)

    /// Appends one sentence of at most `maxWords` words (at least 1) and returns its length.
    /// Sentences are built from clauses: subject, verb and object, then an optional
    /// prepositional phrase and an optional second clause.
    @discardableResult
    private mutating func writeSentence(maxWords: Int, into out: inout TextBuffer) -> Int {
        if maxWords < 6 {
            let filler = maxWords >= 4 ? rng.pick(Self.fillers4) : rng.pick(Self.shortFillers[maxWords - 1])
            out.append(filler)
            return maxWords >= 4 ? 4 : maxWords
        }
        // Core: "The busy ferry crossed a canal" (5 or 6 words).
        var words = nounPhrase(adjective: true, capitalized: true, into: &out)
        out.space(); out.append(rng.pick(WordBank.verbs)); words += 1
        out.space(); words += nounPhrase(adjective: false, into: &out)
        if maxWords - words >= 4 && rng.chance(60) {
            out.space(); out.append(rng.pick(WordBank.prepositions)); words += 1
            out.space(); words += nounPhrase(adjective: rng.chance(40), into: &out)
        }
        if maxWords - words >= 7 && rng.chance(45) {
            out.append(", "); out.append(rng.pick(WordBank.conjunctions)); words += 1
            out.space(); words += nounPhrase(adjective: false, into: &out)
            out.space(); out.append(rng.pick(WordBank.adverbs)); words += 1
            out.space(); out.append(rng.pick(WordBank.verbs)); words += 1
            out.append(rng.chance(3) ? "\u{00A0}" : " "); words += nounPhrase(adjective: false, into: &out)
        }
        out.append(".")
        return words
    }

    /// Appends a summary bullet sentence of roughly `words` words.
    private mutating func writeSentence(words: Int, into out: inout TextBuffer) {
        writeSentence(maxWords: words, into: &out)
    }

    private static let fillers4: [[UInt8]] = [
        "Nobody expected the queue.", "The council said nothing.", "Then the rain came.",
        "It worked, mostly, eventually.", "The numbers tell more.", "Residents were not surprised.",
    ].map { Array($0.utf8) }

    private static let shortFillers: [[[UInt8]]] = [
        ["Again.", "Slowly.", "Exactly.", "Nobody."],
        ["It worked.", "Nobody complained.", "Prices rose.", "Then silence."],
        ["That changed everything.", "Nobody was surprised.", "It rained again.", "The queue grew."],
    ].map { $0.map { Array($0.utf8) } }

    private mutating func personName() -> String {
        rng.pick(WordBank.firstNames) + " " + rng.pick(WordBank.lastNames)
    }

    private func line(_ text: String, into out: inout TextBuffer) {
        out.append(text)
        out.endBlock()
    }
}
