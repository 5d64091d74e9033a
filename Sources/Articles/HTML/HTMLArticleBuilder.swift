import Foundation

/// Turns extracted blocks and page metadata into an ``Article`` through the text parser's
/// line classes and ``ArticleAssembler``, so both formats drop the same share and promotion
/// lines, find the same bylines, credits and summary blocks, and clean every field alike.
enum HTMLArticleBuilder {
    /// Class or id words of a page's own summary list.
    static func isSummaryKey(_ key: String) -> Bool {
        guard !key.isEmpty else { return false }
        return HTMLHints.containsAny(key, [
            "key-points", "keypoints", "key_points", "highlights", "takeaways", "tldr", "summary", "in-brief",
            "inbrief", "key-facts", "keyfacts",
        ])
    }

    /// The units of the blocks, as the text parser would classify them.
    static func units(_ blocks: [HTMLBlock]) -> [TextUnit] {
        var units: [TextUnit] = []
        units.reserveCapacity(blocks.count)
        func add(_ kind: LineKind, _ text: String, blankBefore: Bool = true) {
            units.append(TextUnit(kind: kind, text: text, blankBefore: blankBefore, indented: false,
                                  lastLineLength: text.utf8.count))
        }
        var previousWasItem = false
        for block in blocks {
            let text = block.text
            switch block.kind {
            case .heading(let level):
                switch LineClassifier.headingRole(text) {
                case .summary: add(.summaryHeading, text)
                case .aboutAuthor: add(.aboutAuthorHeading, text)
                case nil: add(.heading(level: level, text: text), text)
                }
            case .paragraph:
                if HTMLFurnitureLine.matches(text) {
                    add(.artifact, text)
                    break
                }
                var kind = LineClassifier.classify(text, promoSources: false)
                if case .heading = kind { kind = .text }
                if case .rule = kind { kind = .artifact }
                add(kind, text)
            case .item(let marker):
                if block.opensSummaryList { add(.summaryHeading, "Summary") }
                let kind = LineClassifier.classify(text, promoSources: false)
                switch kind {
                case .promo, .artifact: add(kind, text, blankBefore: !previousWasItem)
                default: add(.bullet(text: text, marker: marker == "•" ? "•" : marker), text, blankBefore: !previousWasItem)
                }
            case .preformatted, .row:
                add(.text, text, blankBefore: false)
            case .caption:
                if let credit = creditText(text) { add(.credit(credit), text) }
            }
            if case .item = block.kind { previousWasItem = true } else { previousWasItem = false }
        }
        return units
    }

    /// The credit in a caption: a credit line, or the part from `©`, or the trailing
    /// `Photo: …`/`Credit: …`/`(Agency)` part; `nil` for a caption without one.
    static func creditText(_ caption: String) -> String? {
        if case .credit(let credit) = LineClassifier.classify(caption, promoSources: false) { return credit }
        if let copyright = caption.range(of: "©") {
            return FastText.trimmingWhitespace(caption[copyright.lowerBound...])
        }
        let lower = caption.lowercased()
        for label in ["photo: ", "photograph: ", "photo by ", "credit: ", "image: ", "picture: ", "illustration: ", "photos: "] {
            if let range = lower.range(of: label) {
                let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
                let start = caption.index(caption.startIndex, offsetBy: offset, limitedBy: caption.endIndex) ?? caption.startIndex
                let credit = FastText.trimmingWhitespace(caption[start...])
                if case .credit(let value) = LineClassifier.classify(credit, promoSources: false) { return value }
                return credit
            }
        }
        return nil
    }

    /// The article: `title`, `author`, `date`, `url` and `source` from the metadata where
    /// the page gives them, everything else found by ``ArticleAssembler`` in the units.
    static func article(
        units: [TextUnit], metadata: HTMLMetadata, bylineText: String?, summary: [String]?, generatingSummary: Bool
    ) throws -> Article {
        var all = units
        if let summary, !summary.isEmpty {
            var prefix: [TextUnit] = [TextUnit(kind: .summaryHeading, text: "Summary", blankBefore: true, indented: false, lastLineLength: 7)]
            for (k, item) in summary.enumerated() {
                prefix.append(TextUnit(kind: .bullet(text: item, marker: "•"), text: item, blankBefore: k == 0,
                                       indented: false, lastLineLength: item.utf8.count))
            }
            all.insert(contentsOf: prefix, at: 0)
        }
        var title = metadata.title.flatMap { $0.isEmpty ? nil : $0 }
        if title == nil { title = contentTitle(all) }
        // A page of headings only: the headings are its text.
        if !all.contains(where: { if case .text = $0.kind { return true }; if case .bullet = $0.kind { return true }; return false }) {
            for k in all.indices { if case .heading(_, let text) = all[k].kind { all[k].kind = .text; all[k].text = text } }
        }
        var assembler = ArticleAssembler(units: all)
        assembler.generatesSummary = generatingSummary
        assembler.promoSourcesPending = true
        assembler.summaryNeedsHeading = true
        assembler.title = title
        assembler.author = metadata.author ?? bylineText.flatMap(authorName)
        assembler.date = metadata.date
        assembler.url = metadata.url
        assembler.referenceSource = metadata.source ?? metadata.url.flatMap(SourceExtractor.host(of:))
        var article = try assembler.assemble()
        // One clean line has no space at its ends (cutting a site name off a document title
        // can leave one: a `make fuzz` finding).
        let trimmedTitle = article.title.trimmingCharacters(in: CharacterSet(charactersIn: " "))
        if trimmedTitle != article.title {
            article.title = trimmedTitle
            article.id = ArticleID.derive(title: trimmedTitle, sections: article.sections)
        }
        if article.sections.isEmpty {
            guard let description = metadata.description, !description.isEmpty else { throw ArticleParseError.noText }
            article.sections = [ArticleSection(heading: nil, paragraphs: [description])]
            article.id = ArticleID.derive(title: article.title, sections: article.sections)
            if article.summary.isEmpty, generatingSummary {
                article.summary = SummaryGenerator.bullets(for: article.sections)
                article.summarySource = article.summary.isEmpty ? nil : .generated
            }
        }
        if article.title.isEmpty { throw ArticleParseError.noText }
        return article
    }

    /// A title from the content of a page that declares none: its first heading, else the
    /// first sentence of its first paragraph (which stays in the body).
    static func contentTitle(_ units: [TextUnit]) -> String? {
        for unit in units.prefix(8) {
            if case .heading(_, let text) = unit.kind { return text }
        }
        for unit in units {
            switch unit.kind {
            case .text, .bullet:
                let text = unit.content
                let sentence = SentenceSplitter.sentences(in: text, limit: 1).first ?? text
                return String(SummaryGenerator.shorten(sentence).prefix(160))
            default:
                continue
            }
        }
        return nil
    }

    /// The name in a byline element's text ("By Jane Doe, Staff writer" → "Jane Doe").
    static func authorName(_ text: String) -> String? {
        if let parsed = BylineParser.parse(text) { return parsed.name }
        let trimmed = FastText.trimmingWhitespace(text[...])
        guard !trimmed.isEmpty, CharacterSegmenter.count(trimmed, limit: 100) < 100 else { return nil }
        return trimmed
    }
}
