import Foundation

/// Reads the text written by ``ArticleFileWriter`` (and hand edits of it) back into an
/// ``ArticleFile``.
///
/// Front matter: `key: value` lines between two `---` lines; a value is a JSON string
/// literal or the rest of the line. Unknown keys are ignored. Body: the first `# ` line is
/// the title when the front matter has none; `- ` lines before any paragraph are the
/// summary; `## ` starts a section; `<!-- section -->` starts one without a heading; other
/// lines are paragraphs, consecutive lines joined by a space, a leading `\` removed. Every
/// value is sanitised like parser output (control and bidi characters removed), so a
/// hand-edited file cannot reach the terminal raw.
///
/// The block is a flat subset of YAML that Bulletin defines (no nesting, lists or anchors),
/// and its quoted values are decoded by `JSONSerialization`; a YAML library (Yams) would add
/// a C dependency to `Articles` and make every library scan of thousands of feed articles
/// pay for a general parser.
enum ArticleFileReader {
    /// Largest front-matter block looked at, in lines.
    static let maximumFrontMatterLines = 200

    static func read(_ bytes: [UInt8]) -> ArticleFile? {
        guard ArticleFile.mayHaveFrontMatter(bytes) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        // "\r\n" is one Character in Swift: split on either.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        guard let close = lines.indices.dropFirst().prefix(maximumFrontMatterLines).first(where: {
            lines[$0] == "---" || lines[$0] == "..."
        }) else { return nil }
        var fields: [String: String] = [:]
        for line in lines[1..<close] {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            fields[key] = value(line[line.index(after: colon)...])
        }
        guard fields["bulletin"] != nil else { return nil }

        var body = Body()
        for line in lines[(close + 1)...] { body.add(line) }
        body.finishParagraph()

        let summarySource = fields["summarySource"].flatMap(SummarySource.init(rawValue:))
        let article = Article(
            id: fields["id"].flatMap(ArticleID.init(parsing:)),
            title: fields["title"].map(clean) ?? body.title ?? "",
            source: field(fields, "source"),
            author: field(fields, "author"),
            authorBio: field(fields, "authorBio"),
            credit: field(fields, "credit"),
            date: fields["date"].flatMap(ArticleDateFormat.parse),
            url: identifier(fields, "url"),
            sections: body.sections,
            summary: body.summary,
            summarySource: summarySource)
        return ArticleFile(article: article, guid: identifier(fields, "guid"), feed: identifier(fields, "feed"))
    }

    /// An identifier (url, guid, feed address) sanitised but otherwise exact: its spaces are
    /// part of it, so that writing and reading the file gives the same identity; blank
    /// counts as missing.
    static func identifier(_ fields: [String: String], _ key: String) -> String? {
        guard let raw = fields[key] else { return nil }
        let text = TextSanitizer.sanitizeLine(raw)
        return text.allSatisfy({ $0 == " " }) ? nil : text
    }

    /// A cleaned optional field; blank counts as missing.
    static func field(_ fields: [String: String], _ key: String) -> String? {
        guard let raw = fields[key] else { return nil }
        let text = clean(raw)
        return text.isEmpty ? nil : text
    }

    /// A front-matter value: a JSON string literal decoded, else the trimmed text.
    static func value(_ raw: Substring) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if trimmed.utf8.first == 0x22,  // by byte: a combining mark after the quote joins its Character
            let decoded = try? JSONSerialization.jsonObject(
                with: Data(trimmed.utf8), options: .fragmentsAllowed) as? String
        {
            return decoded
        }
        return trimmed
    }

    /// One line as parser output is: no control or bidi characters, no tabs or line breaks,
    /// no runs of spaces, no spaces at the ends. Clean text comes back unchanged.
    static func clean<S: StringProtocol>(_ text: S) -> String {
        var line = TextSanitizer.sanitize(String(text))
        if line.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A }) {
            line = String(line.map { $0 == "\t" || $0 == "\n" ? " " : $0 })
        }
        while line.contains("  ") { line = line.replacingOccurrences(of: "  ", with: " ") }
        // Only U+0020 at the ends, as the parser trims (a no-break space there is text).
        return line.trimmingCharacters(in: CharacterSet(charactersIn: " "))
    }

    /// The rest of `line` after `prefix`, compared by bytes: a combining mark right after
    /// the prefix joins its last `Character`, which must not hide the markup.
    static func rest(of line: String, after prefix: String) -> Substring? {
        guard line.utf8.starts(with: prefix.utf8) else { return nil }
        return line[line.utf8.index(line.startIndex, offsetBy: prefix.utf8.count)...]
    }

    /// The Markdown body, line by line.
    struct Body {
        var title: String?
        var summary: [SummaryBullet] = []
        var sections: [ArticleSection] = []
        var paragraph: [String] = []
        /// Whether a paragraph, heading or section break has been seen (bullets after it
        /// are body text).
        var started = false

        mutating func add(_ raw: Substring) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                finishParagraph()
                return
            }
            if paragraph.isEmpty {
                if !started && title == nil && summary.isEmpty, let after = rest(of: line, after: "# ") {
                    title = clean(after)
                    return
                }
                if !started, let after = rest(of: line, after: "- ") {
                    let text = clean(after)
                    if !text.isEmpty { summary.append(SummaryBullet(text: text)) }
                    return
                }
                if let after = rest(of: line, after: "##"), after.isEmpty || after.unicodeScalars.first == " " {
                    started = true
                    sections.append(ArticleSection(heading: clean(after), paragraphs: []))
                    return
                }
                if line == ArticleFileWriter.sectionBreak {
                    started = true
                    sections.append(ArticleSection(heading: nil, paragraphs: []))
                    return
                }
            }
            // A line of nothing but control characters adds nothing (not an empty part
            // that would leave a double space in the paragraph).
            let text = clean(rest(of: line, after: "\\") ?? line[...])
            guard !text.isEmpty else { return }
            started = true
            paragraph.append(text)
        }

        mutating func finishParagraph() {
            guard !paragraph.isEmpty else { return }
            let text = paragraph.joined(separator: " ")
            paragraph = []
            if sections.isEmpty { sections.append(ArticleSection(heading: nil, paragraphs: [])) }
            sections[sections.count - 1].paragraphs.append(text)
        }
    }
}
