import Foundation

/// Turns an HTML page into an ``Article``: the page's own metadata, its main content, and
/// none of its navigation, share widgets, cookie banners, newsletter boxes or comments.
///
/// The pipeline: ``HTMLEncoding`` (BOM, `<meta charset>`, HTTP charset, UTF-8 with a
/// Windows-1252 fallback) → libxml2's HTML parser in recovery mode (``HTMLTree``) →
/// ``HTMLMetadata`` → ``HTMLBoilerplate`` and ``HTMLContentExtractor`` → ``HTMLBlockWriter``
/// → the text parser's ``LineClassifier`` and ``ArticleAssembler`` (``HTMLArticleBuilder``).
/// It never traps, and reports unusable input as ``ArticleParseError``.
public enum HTMLArticleParser {
    /// Parses a whole page. `url` is the page's address (it resolves relative links and
    /// gives the source when the page names none); `httpCharset` is the charset from an
    /// HTTP `Content-Type`, used when the page declares none.
    public static func parse(data: Data, url: String? = nil, httpCharset: String? = nil) throws -> Article {
        try parse(bytes: [UInt8](data), url: url, httpCharset: httpCharset, generatingSummary: true)
    }

    /// Parses the bytes of a page; `generatingSummary` false leaves the summary empty when
    /// the page has none (what the library index needs).
    static func parse(bytes: [UInt8], url: String?, httpCharset: String?, generatingSummary: Bool) throws -> Article {
        guard !bytes.isEmpty else { throw ArticleParseError.empty }
        guard bytes.count <= ArticleParser.maximumBytes else { throw ArticleParseError.tooLarge(bytes: bytes.count) }
        if TextDecoder.decodeUTF16WithBOM(bytes) == nil, TextDecoder.looksBinary(bytes) { throw ArticleParseError.binary }
        let tree = HTMLTree.parse(HTMLEncoding.prepare(bytes, httpCharset: httpCharset))
        guard !tree.nodes.isEmpty else { throw ArticleParseError.noText }
        let pageURL = url.flatMap { HTMLURL.resolve($0, against: nil) }
        let metadata = HTMLMetadata.read(tree, pageURL: pageURL)
        let base = HTMLBoilerplate.baseRemovals(tree)
        let extractor = HTMLContentExtractor(tree: tree, baseRemoved: base.removed)
        var units: [TextUnit] = []
        var summary: [String]?
        if let content = extractor.extract() {
            let blocks = HTMLBlockWriter.blocks(tree, roots: content.roots, removed: content.removed)
            units = HTMLArticleBuilder.units(blocks)
            summary = HTMLBoilerplate.summaryList(tree, removed: base.removed, outside: content.roots)
        }
        return try HTMLArticleBuilder.article(
            units: units, metadata: metadata, bylineText: base.byline, summary: summary,
            generatingSummary: generatingSummary)
    }

    /// The clean sections of an HTML fragment, such as a feed item's content: the same
    /// removals, line classes and sanitising as a page, without choosing a main content.
    /// `baseURL` is the item's address, taken for symmetry with ``parse(data:url:httpCharset:)``;
    /// sections hold text only (no links), so it does not change the result.
    public static func fragmentSections(html: String, baseURL: String? = nil) -> [ArticleSection] {
        guard !html.isEmpty else { return [] }
        var bytes = Array(html.utf8)
        if bytes.count > ArticleParser.maximumBytes { bytes.removeLast(bytes.count - ArticleParser.maximumBytes) }
        // A fragment is body content: wrapping it keeps a leading text node in the body.
        let tree = HTMLTree.parse(Array("<html><body>".utf8) + bytes + Array("</body></html>".utf8))
        guard let body = tree.first(.body) else { return [] }
        let removed = HTMLBoilerplate.baseRemovals(tree).removed
        let blocks = HTMLBlockWriter.blocks(tree, roots: [body], removed: removed)
        var assembler = ArticleAssembler(units: HTMLArticleBuilder.units(blocks))
        assembler.collectMetadata()
        assembler.dropSummaryHeadings()
        return assembler.buildSections()
    }

    /// The feeds a page links to, in page order, without repeats; relative addresses are
    /// resolved against `<base href>` and `url`.
    public static func feedLinks(data: Data, url: String?) -> [HTMLFeedLink] {
        let bytes = [UInt8](data.prefix(ArticleParser.maximumBytes))
        guard !bytes.isEmpty else { return [] }
        let tree = HTMLTree.parse(HTMLEncoding.prepare(bytes, httpCharset: nil))
        let pageURL = url.flatMap { HTMLURL.resolve($0, against: nil) }
        var base = pageURL
        if let baseIndex = tree.first(.base), let href = tree.attribute("href", of: baseIndex) {
            base = HTMLURL.resolve(href, against: pageURL) ?? pageURL
        }
        let feedTypes: Set<String> = ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
                                      "application/rdf+xml", "text/xml", "application/xml"]
        var links: [HTMLFeedLink] = []
        var seen: Set<String> = []
        for i in tree.nodes.indices where tree.nodes[i].tag == .link {
            let rel = (tree.attribute("rel", of: i) ?? "").lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard rel.contains("alternate") else { continue }
            let type = (tree.attribute("type", of: i) ?? "").lowercased().split(separator: ";").first
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard feedTypes.contains(type), let href = tree.attribute("href", of: i),
                  let resolved = HTMLURL.resolve(href, against: base), seen.insert(resolved).inserted
            else { continue }
            let title = tree.attribute("title", of: i).map(HTMLText.clean).flatMap { $0.isEmpty ? nil : $0 }
            links.append(HTMLFeedLink(url: resolved, type: type, title: title))
        }
        return links
    }

    /// Whether bytes look like an HTML page: after a byte order mark, whitespace and
    /// comments, `<!doctype html` or `<html` (any case); or `<head`, `<body` or `<meta`
    /// as the first tag.
    public static func looksLikeHTML(_ bytes: some Collection<UInt8>) -> Bool {
        var head = Array(bytes.prefix(4096))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        var i = 0
        func matches(_ literal: String, at k: Int) -> Bool { ASCIICase.matches(Array(literal.utf8), in: head, at: k) }
        while i < head.count {
            let b = head[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C { i += 1; continue }
            guard b == 0x3C else { return false }
            if matches("<!--", at: i) {
                // Skip the comment.
                var k = i + 4
                while k + 2 < head.count, !(head[k] == 0x2D && head[k + 1] == 0x2D && head[k + 2] == 0x3E) { k += 1 }
                guard k + 2 < head.count else { return false }
                i = k + 3
                continue
            }
            if matches("<?xml", at: i) {
                while i < head.count, head[i] != 0x3E { i += 1 }
                i += 1
                continue
            }
            for opening in ["<!doctype html", "<html", "<head", "<body", "<meta"] where matches(opening, at: i) {
                let after = i + opening.utf8.count
                guard after < head.count else { return true }
                let next = head[after]
                if next == 0x3E || next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == 0x2F {
                    return true
                }
            }
            return false
        }
        return false
    }
}
