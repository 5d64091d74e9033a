import Articles
import CLibXML2
import Foundation

/// The seam between feed items and the HTML extraction: item HTML → article sections.
///
/// Until the HTML extraction (`HTMLArticleParser.fragmentSections(html:baseURL:)`, issue 8)
/// is merged, this reads the fragment with libxml2's HTML parser and keeps its block
/// structure: `h1`–`h6` start sections, block elements (`p`, `li`, `blockquote`, `div`…)
/// and `<br><br>` end paragraphs, list items get `• `, and `script`, `style`, `nav`,
/// `form`, `iframe` and the like are dropped. Every paragraph goes through ``TextCleaner``.
enum FeedHTML {
    /// Sections of an HTML fragment.
    static func sections(html: String, baseURL: String?) -> [ArticleSection] {
        FeedFragmentReader.sections(html: html)
    }
}

/// The interim HTML fragment reader behind ``FeedHTML``.
enum FeedFragmentReader {
    static let options = Int32(
        HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOIMPLIED.rawValue)

    static let blocks: Set<String> = [
        "p", "div", "li", "blockquote", "pre", "section", "article", "figure", "figcaption", "ul", "ol",
        "table", "tr", "td", "th", "dd", "dt", "dl", "hr", "header", "footer", "aside", "main", "center", "address",
    ]
    static let skipped: Set<String> = [
        "script", "style", "noscript", "iframe", "form", "nav", "svg", "template", "object", "embed", "button",
        "select", "textarea", "head", "title", "math", "canvas",
    ]

    static func sections(html: String) -> [ArticleSection] {
        var bytes = Array(html.utf8)
        guard !bytes.isEmpty else { return [] }
        bytes.append(0)
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count - 1), nil, "UTF-8", options)
            }
        }
        guard let doc else { return [] }
        defer { xmlFreeDoc(doc) }
        var walker = Walker()
        var node = doc.pointee.children
        while let n = node {
            walker.visit(n)
            node = n.pointee.next
        }
        walker.endParagraph()
        return walker.sections.filter { $0.heading != nil || !$0.paragraphs.isEmpty }
    }

    struct Walker {
        var sections: [ArticleSection] = [ArticleSection(heading: nil, paragraphs: [])]
        var text: [UInt8] = []
        var prefix = ""
        var breaks = 0

        mutating func visit(_ node: xmlNodePtr) {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = node.pointee.content else { return }
                let length = Int(strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)))
                if breaks >= 2 { endParagraph() }
                breaks = 0
                text.append(contentsOf: UnsafeBufferPointer(start: content, count: length))
            case XML_ELEMENT_NODE:
                let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                if FeedFragmentReader.skipped.contains(name) { return }
                if name == "br" {
                    breaks += 1
                    text.append(0x20)
                    return
                }
                if name.count == 2, name.first == "h", let level = name.last?.wholeNumberValue, (1...6).contains(level) {
                    endParagraph()
                    var inner = Walker()
                    inner.visitChildren(node)
                    inner.endParagraph()
                    let heading = inner.sections.flatMap(\.paragraphs).joined(separator: " ")
                    if !heading.isEmpty { sections.append(ArticleSection(heading: heading, paragraphs: [])) }
                    return
                }
                let block = FeedFragmentReader.blocks.contains(name)
                if block { endParagraph() }
                if name == "li" { prefix = "• " }
                visitChildren(node)
                if block { endParagraph() }
                if name == "li" { prefix = "" }
            default:
                return
            }
        }

        mutating func visitChildren(_ node: xmlNodePtr) {
            var child = node.pointee.children
            while let c = child {
                visit(c)
                child = c.pointee.next
            }
        }

        mutating func endParagraph() {
            breaks = 0
            guard !text.isEmpty else { return }
            let raw = FeedText.flatten(String(decoding: text, as: UTF8.self))
            text = []
            let line = TextCleaner.cleanLine(raw)
            guard !line.isEmpty else { return }
            sections[sections.count - 1].paragraphs.append(prefix + line)
            prefix = ""
        }
    }
}
