import Foundation

/// Renders an ``ArticleFile`` as text: the front-matter block, then the Markdown body.
///
/// The text is built as UTF-8 bytes in one buffer (a refresh renders 10,000 files, and
/// appending to a `String` piece by piece costs twice as much).
enum ArticleFileWriter {
    /// The body line that separates two sections when the later one has no heading.
    static let sectionBreak = "<!-- section -->"

    static func render(_ file: ArticleFile) -> [UInt8] {
        let a = file.article
        var out: [UInt8] = []
        out.reserveCapacity(512 + a.sections.reduce(0) { $0 + $1.paragraphs.reduce(0) { $0 + $1.utf8.count + 2 } })
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        add("---\nbulletin: \(ArticleFile.version)\nid: ")
        add(a.id.rawValue)
        func field(_ key: String, _ value: String?) {
            guard let value else { return }
            add(key)
            add(": ")
            StringLiteral.appendQuoted(value, to: &out)
            out.append(0x0A)
        }
        add("\n")
        field("title", a.title)
        field("source", a.source)
        field("author", a.author)
        field("authorBio", a.authorBio)
        field("credit", a.credit)
        if let date = a.date { add("date: " + ArticleDateFormat.format(date) + "\n") }
        field("url", a.url)
        field("feed", file.feed)
        field("guid", file.guid)
        if let source = a.summarySource, !a.summary.isEmpty { add("summarySource: " + source.rawValue + "\n") }
        add("---\n\n")
        // `prefix`, then `text` on one line (line breaks become spaces; article strings are
        // single lines already) with a leading backslash when `escaping` and it would read
        // as markup, then the line's end and, with `blank`, a blank line.
        func line(_ prefix: String, _ text: String, escaping: Bool = false, blank: Bool = true) {
            add(prefix)
            if escaping && needsEscape(text) { out.append(0x5C) }
            appendOneLine(text, to: &out)
            out.append(0x0A)
            if blank { out.append(0x0A) }
        }
        if !a.title.isEmpty { line("# ", a.title) }
        if !a.summary.isEmpty {
            for bullet in a.summary { line("- ", bullet.text, blank: false) }
            out.append(0x0A)
        }
        for (index, section) in a.sections.enumerated() {
            if let heading = section.heading {
                line("## ", heading)
            } else if index > 0 {
                line("", sectionBreak)
            }
            for paragraph in section.paragraphs where !paragraph.isEmpty { line("", paragraph, escaping: true) }
        }
        while out.count >= 2 && out[out.count - 1] == 0x0A && out[out.count - 2] == 0x0A { out.removeLast() }
        return out
    }

    /// Whether the reader would take a paragraph for markup (it then gets a leading backslash).
    static func needsEscape(_ paragraph: String) -> Bool {
        guard let first = paragraph.unicodeScalars.first else { return false }
        return first == "#" || first == "-" || first == "\\" || first == "*" || first == "+" || first == ">"
            || paragraph.hasPrefix("<!--")
    }

    /// Appends `text` with its line breaks (LF, CR, CRLF) each turned into one space.
    static func appendOneLine(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress,
                memchr(base, 0x0A, utf8.count) != nil || memchr(base, 0x0D, utf8.count) != nil
            else {
                out.append(contentsOf: utf8)
                return
            }
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                if byte == 0x0D || byte == 0x0A {
                    out.append(0x20)
                    if byte == 0x0D && i + 1 < utf8.count && utf8[i + 1] == 0x0A { i += 1 }
                } else {
                    out.append(byte)
                }
                i += 1
            }
        }
    }
}
