import Articles
import CLibXML2
import Foundation

/// One subscription in an OPML file.
public struct OPMLOutline: Hashable, Sendable {
    /// The feed's address (`xmlUrl`).
    public var url: String
    /// Its name (`text`, else `title`).
    public var title: String?
    /// The site's address (`htmlUrl`).
    public var siteURL: String?
    /// Tags: the names of the folders it sits in, outermost first, then its `category` values.
    public var tags: [String]

    /// Creates an outline.
    public init(url: String, title: String? = nil, siteURL: String? = nil, tags: [String] = []) {
        self.url = url
        self.title = title
        self.siteURL = siteURL
        self.tags = tags
    }
}

/// OPML 1.0/2.0 subscription lists: read (folders become tags, duplicates are skipped) and
/// written (OPML 2.0, tags as a comma-separated `category` attribute).
public enum OPML {
    /// The subscriptions in an OPML document, in document order, each address once.
    public static func parse(data: Data) throws -> [OPMLOutline] {
        guard data.count <= FeedParser.maximumBytes else { throw FeedParseError.tooLarge(bytes: data.count) }
        guard data.contains(where: { $0 > 0x20 }) else { throw FeedParseError.empty }
        switch FeedSniffer.kind(of: data) {
        case .html: throw FeedParseError.webPage
        case .opml: break
        case .rss, .rdf, .atom, .jsonFeed: throw FeedParseError.notOPML("it is a feed (use bulletin add)")
        case .otherXML(let name): throw FeedParseError.notOPML("the document is <\(TextSanitizer.sanitize(name))>")
        case .unknown: throw FeedParseError.notOPML("it is not XML")
        }
        let document = try XMLDocument(data: data)
        guard document.name(document.root) == "opml" else {
            throw FeedParseError.notOPML("the document is <\(TextSanitizer.sanitize(document.name(document.root)))>")
        }
        var reader = Reader(document: document)
        for child in document.elements(of: document.root) where document.name(child) == "body" {
            reader.walk(child, folders: [])
        }
        return reader.outlines
    }

    struct Reader {
        let document: XMLDocument
        var outlines: [OPMLOutline] = []
        var seen: Set<String> = []

        mutating func walk(_ node: xmlNodePtr, folders: [String]) {
            for child in document.elements(of: node) where document.name(child) == "outline" {
                let name = FeedText.line(document.attribute(child, "text")) ?? FeedText.line(document.attribute(child, "title"))
                let address = document.attribute(child, "xmlUrl") ?? document.attribute(child, "xmlurl")
                    ?? (document.attribute(child, "type")?.lowercased() == "rss" ? document.attribute(child, "url") : nil)
                if let address, let url = FeedText.identifier(address) {
                    if seen.insert(url).inserted {
                        var tags = folders
                        // Split on the scalar ',': a comma followed by a combining mark is one
                        // Character, and a Character split would join the two tags around it.
                        let categories = (document.attribute(child, "category") ?? "").unicodeScalars
                        for category in categories.split(separator: ",") {
                            if let tag = OPML.tag(String(String.UnicodeScalarView(category))) { tags.append(tag) }
                        }
                        outlines.append(OPMLOutline(
                            // `write` names an untitled feed by its url: read that back as untitled.
                            url: url, title: name == url || name == FeedText.line(url) ? nil : name,
                            siteURL: FeedText.link(document.attribute(child, "htmlUrl")),
                            tags: unique(tags)))
                    }
                    walk(child, folders: folders)
                } else {
                    walk(child, folders: name.flatMap(OPML.tag).map { folders + [$0] } ?? folders)
                }
            }
        }

        func unique(_ tags: [String]) -> [String] {
            var seen: Set<String> = []
            return tags.filter { seen.insert($0).inserted }
        }
    }

    /// A tag as `write` can give it back: one clean line without commas (they separate
    /// categories; made spaces before the line's spaces are folded) and without slashes or
    /// spaces at its ends (category paths); `nil` if blank.
    static func tag(_ raw: String) -> String? {
        guard let line = FeedText.line(raw.replacingOccurrences(of: ",", with: " ")) else { return nil }
        let tag = line.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "/")))
        return tag.isEmpty ? nil : tag
    }

    /// An OPML 2.0 document listing `outlines` (`title` names the list).
    public static func write(_ outlines: [OPMLOutline], title: String = "Bulletin subscriptions") -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n"
        out += "    <title>\(escape(title))</title>\n  </head>\n  <body>\n"
        for outline in outlines {
            let name = outline.title ?? outline.url
            out += "    <outline type=\"rss\" text=\"\(escape(name))\" title=\"\(escape(name))\""
            out += " xmlUrl=\"\(escape(outline.url))\""
            if let site = outline.siteURL { out += " htmlUrl=\"\(escape(site))\"" }
            let tags = outline.tags.map { $0.replacingOccurrences(of: ",", with: " ") }.filter { !$0.isEmpty }
            if !tags.isEmpty { out += " category=\"\(escape(tags.joined(separator: ",")))\"" }
            out += "/>\n"
        }
        return out + "  </body>\n</opml>\n"
    }

    /// Text for an XML attribute or element: `& < > " '` escaped, tab and line breaks as
    /// character references, other characters XML 1.0 forbids (C0 controls, U+FFFE/U+FFFF) dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
