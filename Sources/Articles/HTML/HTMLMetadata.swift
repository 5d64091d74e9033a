import Foundation

/// The article fields a page declares in its `<head>` and markup, each with fallbacks.
///
/// - title: JSON-LD `headline`, Dublin Core / `og:title` / `twitter:title` meta tags, then
///   the `<title>` without its site suffix (or the `h1` when the `<title>` is only the site).
/// - author: JSON-LD `author`, `meta name=author` (and Dublin Core `creator`), `rel=author`.
/// - date: JSON-LD `datePublished`, `article:published_time` and similar, `<time datetime>`.
/// - source: `og:site_name`, JSON-LD `publisher`; url: `link rel=canonical`, `og:url`.
struct HTMLMetadata {
    var title: String?
    var documentTitle: String?
    var author: String?
    var date: Date?
    var source: String?
    var url: String?
    var description: String?
    var baseURL: String?

    /// Reads the metadata of a tree; `pageURL` resolves relative links.
    static func read(_ tree: HTMLTree, pageURL: String?) -> HTMLMetadata {
        var meta = HTMLMetadata()
        var values: [String: String] = [:]
        var propertyValues: [String: String] = [:]
        var jsonLD: [Any] = []
        var canonical: String?
        var base: String?
        for i in tree.nodes.indices {
            let node = tree.nodes[i]
            switch node.tag {
            case .meta:
                guard let content = tree.attribute("content", of: i) else { continue }
                // `property` (RDFa, Open Graph) may hold several names separated by spaces and
                // wins over `name`; `dc.title` and `dc:title` are one key.
                if let property = tree.attribute("property", of: i) {
                    for name in property.lowercased().split(separator: " ") {
                        propertyValues[Self.metaKey(name)] = content
                    }
                }
                for case let key? in [tree.attribute("name", of: i), tree.attribute("itemprop", of: i)] {
                    let name = Self.metaKey(key.lowercased()[...])
                    if values[name] == nil { values[name] = content }
                }
            case .title:
                if meta.documentTitle == nil { meta.documentTitle = HTMLText.plain(tree, i) }
            case .link:
                let rel = (tree.attribute("rel", of: i) ?? "").lowercased()
                if rel.split(separator: " ").contains("canonical"), canonical == nil {
                    canonical = tree.attribute("href", of: i)
                }
            case .base:
                if base == nil { base = tree.attribute("href", of: i) }
            case .script:
                guard let type = tree.attribute("type", of: i), type.lowercased() == "application/ld+json" else { continue }
                var text = ""
                var child = node.firstChild
                while child >= 0 {
                    text += tree.nodes[child].text
                    child = tree.nodes[child].nextSibling
                }
                if let object = JSONLD.parse(text) {
                    jsonLD.append(object)
                }
            default:
                continue
            }
        }
        values.merge(propertyValues) { _, property in property }
        let article = JSONLD.article(in: jsonLD, documentTitle: meta.documentTitle)
        meta.baseURL = HTMLURL.resolve(base, against: pageURL) ?? pageURL

        func value(_ names: String...) -> String? {
            for name in names {
                if let v = values[name].map(HTMLText.clean), !v.isEmpty { return v }
            }
            return nil
        }
        meta.title = article?.headline
            ?? value("dc:title", "dcterm:title", "dcterms:title", "og:title", "twitter:title", "parsely-title", "title")
        let metaAuthor = value("dc:creator", "dcterm:creator", "dcterms:creator", "author", "article:author",
                               "og:article:author", "parsely-author", "sailthru:author")
        meta.author = (article?.author ?? metaAuthor.flatMap { $0.contains("://") || $0.hasPrefix("@") ? nil : $0 })
            .map(Self.withoutBy)
        if meta.author?.isEmpty == true { meta.author = nil }
        let dateText = article?.datePublished
            ?? value("article:published_time", "datepublished", "og:published_time", "published_time", "pubdate",
                     "publishdate", "date", "dc:date", "dcterms:created", "dc:date:issued", "sailthru:date")
        meta.date = dateText.flatMap(HTMLDate.parse)
        if meta.date == nil, let time = tree.first(.time), let datetime = tree.attribute("datetime", of: time) {
            meta.date = HTMLDate.parse(datetime)
        }
        meta.source = value("og:site_name") ?? article?.publisher ?? value("application-name")
        let link = canonical ?? values["og:url"] ?? article?.url
        meta.url = HTMLURL.resolve(link, against: meta.baseURL) ?? pageURL
        meta.description = value("description", "og:description", "twitter:description", "dc.description")
        if meta.title == nil { meta.title = bestDocumentTitle(meta.documentTitle, tree) }
        return meta
    }

    /// `dc.title` → `dc:title`: the forms pages use for one name.
    static func metaKey(_ name: Substring) -> String {
        String(name.trimmingCharacters(in: .whitespaces).map { $0 == "." ? ":" : $0 })
    }

    /// An author without a leading "By".
    static func withoutBy(_ text: String) -> String {
        let lower = text.lowercased()
        for prefix in ["by ", "by: ", "par ", "von "] where lower.hasPrefix(prefix) {
            return FastText.trimmingWhitespace(text.dropFirst(prefix.count))
        }
        return text
    }

    static let separators = [" | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » ", " · ", " :: "]

    /// The `<title>` without a site name after (or before) a separator, unless that leaves
    /// four words or fewer; the page's only `h1` when there is no `<title>` or it is over 150
    /// characters.
    static func bestDocumentTitle(_ documentTitle: String?, _ tree: HTMLTree?) -> String? {
        let h1s = tree.map { tree in tree.nodes.indices.filter { tree.nodes[$0].tag == .h1 } } ?? []
        let h1 = h1s.count == 1 ? tree.map { HTMLText.plain($0, h1s[0]) } : nil
        guard var title = documentTitle, !title.isEmpty else {
            if let h1, !h1.isEmpty { return h1 }
            return nil
        }
        let original = title
        // The last separator splits off the site name.
        var best: Range<String.Index>?
        for separator in separators {
            if let range = title.range(of: separator, options: .backwards), best == nil || range.lowerBound > best!.lowerBound {
                best = range
            }
        }
        if let best {
            let head = String(title[..<best.lowerBound])
            let tail = String(title[best.upperBound...])
            title = head
            if FastText.wordCount(head, limit: 4) < 3, FastText.wordCount(tail, limit: 4) >= 3 {
                title = tail  // "Site | The real headline"
            }
            // Keep the whole title when the cut leaves four words or fewer.
            if FastText.wordCount(title, limit: 5) <= 4 {
                title = original
            }
        } else if title.contains(": ") {
            // "Site: Headline" – take the part after the colon only when an h1 says so.
            if let h1, h1 == title { return title }
            if let colon = title.range(of: ": ", options: .backwards) {
                let tail = String(title[colon.upperBound...])
                if h1 == tail { title = tail }
            }
        }
        let length = CharacterSegmenter.count(title, limit: 200)
        if let h1, !h1.isEmpty, length > 150 { return h1 }
        return title.isEmpty ? nil : title
    }
}

/// Dates in page metadata: ISO 8601 with or without a time, else the text parser's date forms.
enum HTMLDate {
    // Format styles are values (Sendable), made once.
    static let withZone = Date.ISO8601FormatStyle()
    static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    static let dateOnly = Date.ISO8601FormatStyle().year().month().day()

    static func parse(_ text: String) -> Date? {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty, value.utf8.count <= 64 else { return nil }
        if let date = try? withZone.parse(value) { return date }
        if let date = try? withFraction.parse(value) { return date }
        // "2024-03-05", "2024-03-05T10:00:00" without a zone, or "2024-03-05 10:00": the date part.
        if value.utf8.count >= 10, let date = try? dateOnly.parse(String(value.prefix(10))) { return date }
        return DateLineParser.parse(HTMLText.clean(value))
    }
}

/// Resolving links against a page's address.
enum HTMLURL {
    /// `link` resolved against `base`; an absolute link as is; `nil` for a missing or unusable link.
    static func resolve(_ link: String?, against base: String?) -> String? {
        guard let link = link?.trimmingCharacters(in: .whitespacesAndNewlines), !link.isEmpty,
              link.utf8.count <= 4096
        else { return nil }
        if let absolute = URL(string: link), absolute.scheme != nil {
            let scheme = absolute.scheme!.lowercased()
            return scheme == "http" || scheme == "https" ? HTMLText.clean(absolute.absoluteString) : nil
        }
        guard let base, let baseURL = URL(string: base), baseURL.scheme != nil,
              let resolved = URL(string: link, relativeTo: baseURL)
        else { return nil }
        let scheme = resolved.scheme?.lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        return HTMLText.clean(resolved.absoluteString)
    }
}

/// Schema.org metadata in JSON-LD scripts.
enum JSONLD {
    struct ArticleInfo {
        var headline: String?
        var author: String?
        var datePublished: String?
        var publisher: String?
        var url: String?
    }

    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle", "techarticle", "report", "liveblogposting",
        "socialmediaposting", "advertisercontentarticle", "satiricalarticle", "medicalscholarlyarticle", "review",
        "webpage", "creativework", "recipe", "podcastepisode",
    ]

    /// The JSON of a script, without the `<![CDATA[ … ]]>` wrapper some pages put around it.
    static func parse(_ script: String) -> Any? {
        var text = script.trimmingCharacters(in: .whitespacesAndNewlines)
        for opening in ["//<![CDATA[", "<![CDATA["] where text.hasPrefix(opening) { text.removeFirst(opening.count) }
        for closing in ["//]]>", "]]>"] where text.hasSuffix(closing) { text.removeLast(closing.count) }
        guard text.utf8.count <= 4_000_000 else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    /// How much of `b`'s words are in `a` (1 when all are), as Readability measures it.
    static func similarity(_ a: String, _ b: String) -> Double {
        let wordsA = Set(a.lowercased().split { !($0.isLetter || $0.isNumber) })
        let wordsB = b.lowercased().split { !($0.isLetter || $0.isNumber) }
        guard !wordsB.isEmpty else { return 0 }
        let total = wordsB.joined(separator: " ").count
        let unique = wordsB.filter { !wordsA.contains($0) }.joined(separator: " ").count
        return 1 - Double(unique) / Double(max(total, 1))
    }

    /// The first article-like object among the scripts (searching arrays and `@graph`).
    /// When its `name` and `headline` differ, the `headline` is the title only if it matches
    /// the page's `<title>` and the `name` does not (some sites put their own name in `name`,
    /// others a description in `headline`), as Readability decides.
    static func article(in scripts: [Any], documentTitle: String?) -> ArticleInfo? {
        var queue: [Any] = scripts
        var found: [String: Any]?
        var fallback: [String: Any]?
        var visited = 0
        while !queue.isEmpty, visited < 500 {
            let item = queue.removeFirst()
            visited += 1
            if let array = item as? [Any] {
                queue.append(contentsOf: array)
            } else if let object = item as? [String: Any] {
                if let graph = object["@graph"] { queue.append(graph) }
                let types = typeNames(object["@type"])
                if types.contains(where: { articleTypes.contains($0) && $0 != "webpage" && $0 != "creativework" }) {
                    found = object
                    break
                }
                if fallback == nil, types.contains("webpage") || types.contains("creativework") { fallback = object }
            }
        }
        guard let object = found ?? fallback else { return nil }
        var info = ArticleInfo()
        let headline = string(object["headline"]), name = found != nil ? string(object["name"]) : nil
        info.headline = name ?? headline
        if let headline, let name, headline != name {
            let title = HTMLMetadata.bestDocumentTitle(documentTitle, nil) ?? ""
            let nameMatches = similarity(name, title) > 0.75
            let headlineMatches = similarity(headline, title) > 0.75
            if headlineMatches && !nameMatches { info.headline = headline }
        }
        info.author = names(object["author"]) ?? names(object["creator"])
        info.datePublished = string(object["datePublished"]) ?? string(object["dateCreated"])
        info.publisher = names(object["publisher"])
        info.url = string(object["url"]) ?? names(object["mainEntityOfPage"], key: "@id")
        return info
    }

    static func typeNames(_ value: Any?) -> [String] {
        if let string = value as? String { return [string.lowercased()] }
        if let array = value as? [Any] { return array.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    static func string(_ value: Any?) -> String? {
        guard let string = value as? String else { return nil }
        let clean = HTMLText.clean(string)
        return clean.isEmpty ? nil : clean
    }

    /// A name, or the names of several people or organisations joined by commas.
    static func names(_ value: Any?, key: String = "name") -> String? {
        if let text = string(value) { return text.contains("://") ? nil : text }
        if let object = value as? [String: Any] { return string(object[key]).flatMap { $0.contains("://") && key == "name" ? nil : $0 } }
        if let array = value as? [Any] {
            let all = array.prefix(10).compactMap { names($0, key: key) }
            return all.isEmpty ? nil : all.joined(separator: ", ")
        }
        return nil
    }
}
