import Foundation

/// Renders an ``ArticleFile`` as text: the front-matter block, then the Markdown body.
enum ArticleFileWriter {
    /// The body line that separates two sections when the later one has no heading.
    static let sectionBreak = "<!-- section -->"

    static func render(_ file: ArticleFile) -> String {
        let a = file.article
        var out = "---\nbulletin: \(ArticleFile.version)\nid: \(a.id.rawValue)\n"
        out += "title: \(quoted(a.title))\n"
        func optional(_ key: String, _ value: String?) {
            if let value { out += "\(key): \(quoted(value))\n" }
        }
        optional("source", a.source)
        optional("author", a.author)
        optional("authorBio", a.authorBio)
        optional("credit", a.credit)
        if let date = a.date { out += "date: \(ArticleDateFormat.format(date))\n" }
        optional("url", a.url)
        optional("feed", file.feed)
        optional("guid", file.guid)
        if let source = a.summarySource, !a.summary.isEmpty { out += "summarySource: \(source.rawValue)\n" }
        out += "---\n\n"
        if !a.title.isEmpty { out += "# \(oneLine(a.title))\n\n" }
        if !a.summary.isEmpty {
            for bullet in a.summary { out += "- \(oneLine(bullet.text))\n" }
            out += "\n"
        }
        for (index, section) in a.sections.enumerated() {
            if let heading = section.heading {
                out += "## \(oneLine(heading))\n\n"
            } else if index > 0 {
                out += "\(sectionBreak)\n\n"
            }
            for paragraph in section.paragraphs where !paragraph.isEmpty {
                out += escaped(oneLine(paragraph)) + "\n\n"
            }
        }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    /// A paragraph that the reader would take for markup gets a leading backslash.
    static func escaped(_ paragraph: String) -> String {
        guard let first = paragraph.unicodeScalars.first else { return paragraph }
        if first == "#" || first == "-" || first == "\\" || first == "*" || first == "+" || first == ">"
            || paragraph.hasPrefix("<!--")
        {
            return "\\" + paragraph
        }
        return paragraph
    }

    /// `text` with line breaks turned into spaces (article strings are single lines already).
    static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return text }
        return String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }

    /// A JSON string literal (also a YAML double-quoted scalar).
    static func quoted(_ text: String) -> String {
        // Most values need no escape: a scan of their bytes (no control byte, quote,
        // backslash or DEL, and no lead byte of a C1 control or U+2028/U+2029) saves the
        // scalar-by-scalar copy.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) {
            return "\"" + text + "\""
        }
        return quotedByScalars(text)
    }

    /// ``quoted(_:)`` scalar by scalar, escaping what must be.
    static func quotedByScalars(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029
                {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
