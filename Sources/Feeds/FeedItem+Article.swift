import Articles
import Foundation

extension FeedItem {
    /// The item as an ``Article``: HTML through the HTML extraction, plain text through the
    /// text cleanup, summary bullets generated from the lead as the text parser does, the
    /// feed's title as the source, and an id from `feedURL` and the item's guid (else link,
    /// else title and date), never from its text.
    public func article(feedURL: String, feedTitle: String?) -> Article {
        let sections: [ArticleSection]
        switch body {
        case .html(let html)?: sections = FeedHTML.sections(html: html, baseURL: link ?? feedURL)
        case .text(let text)?: sections = FeedPlainText.sections(text)
        case nil: sections = []
        }
        let bullets = SummaryGenerator.bullets(for: sections)
        return Article(
            id: articleID(feedURL: feedURL),
            title: FeedText.safeLine(title) ?? FeedItem.fallbackTitle(sections: sections),
            source: FeedText.safeLine(feedTitle),
            author: FeedText.safeLine(author),
            date: date,
            url: FeedText.safeLine(link),
            sections: sections,
            summary: bullets,
            summarySource: bullets.isEmpty ? nil : .generated)
    }

    /// The item as an article whose body is `page`, the item's web page as extracted by
    /// ``HTMLArticleParser/parse(data:url:httpCharset:)`` (for a teaser, see ``isTeaser``).
    /// The id stays the item's; title, author and date come from the item when it has them,
    /// else from the page; the source is the feed's title; the body, summary, bio and credit
    /// are the page's.
    public func article(feedURL: String, feedTitle: String?, page: Article) -> Article {
        var merged = article(feedURL: feedURL, feedTitle: feedTitle).completed(with: page)
        if FeedText.safeLine(title) == nil, !page.sections.isEmpty, !page.title.isEmpty { merged.title = page.title }
        return merged
    }

    /// The article id (see ``ArticleID/feedItem(feedURL:key:)``).
    public func articleID(feedURL: String) -> ArticleID {
        ArticleID.feedItem(feedURL: feedURL, key: identityKey)
    }

    /// An untitled item is named by its first sentence (shortened), else "Untitled".
    static func fallbackTitle(sections: [ArticleSection]) -> String {
        guard let first = sections.lazy.flatMap(\.paragraphs).first,
            let sentence = SentenceSplitter.sentences(in: first, limit: 1).first
        else { return "Untitled" }
        return FeedText.shorten(sentence, limit: 100)
    }
}

extension ParsedFeed {
    /// Every item as an article (see ``FeedItem/article(feedURL:feedTitle:)``), in feed
    /// order; a long feed is converted on every core, in chunks of 64 items.
    public func articles(feedURL: String) -> [Article] {
        let chunk = 64
        let items = self.items
        let feedTitle = self.title
        guard items.count > chunk else { return items.map { $0.article(feedURL: feedURL, feedTitle: feedTitle) } }
        var results = [Article?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: (items.count + chunk - 1) / chunk) { c in
                for i in (c * chunk)..<min(items.count, (c + 1) * chunk) {
                    out[i] = items[i].article(feedURL: feedURL, feedTitle: feedTitle)
                }
            }
        }
        return results.map { $0! }
    }
}

/// Plain-text item bodies (Atom `text`, JSON `content_text`): paragraphs are separated by
/// blank lines, lines inside one are joined, and each goes through ``TextCleaner``.
enum FeedPlainText {
    static func sections(_ text: String) -> [ArticleSection] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        func finish() {
            guard !current.isEmpty else { return }
            let line = TextCleaner.cleanLine(current.joined(separator: " "))
            if !line.isEmpty { paragraphs.append(line) }
            current = []
        }
        for line in lines(text) {
            if line.allSatisfy(\.isWhitespace) { finish() } else { current.append(line) }
        }
        finish()
        return paragraphs.isEmpty ? [] : [ArticleSection(heading: nil, paragraphs: paragraphs)]
    }

    /// The lines of `text`, split at LF, CRLF and CR (empty lines kept), found by scanning
    /// UTF-8 bytes: the same lines as splitting its `Character`s at `"\n"`, `"\r\n"` and
    /// `"\r"` (a line break is always a grapheme boundary), without building a `Character`
    /// per letter, which was most of an item's conversion.
    static func lines(_ text: String) -> [Substring] {
        // Line ends found on the contiguous bytes with plain offsets (a `String.UTF8View`
        // index walk costs several times as much per byte); `withUTF8` makes a string that
        // is not stored as contiguous UTF-8 so first.
        var text = text
        let ends = text.withUTF8 { bytes in
            var ends: [(end: Int, next: Int)] = []
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == 0x0A || byte == 0x0D {
                    let next = byte == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? i + 2 : i + 1
                    ends.append((i, next))
                    i = next
                } else {
                    i += 1
                }
            }
            return ends
        }
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(ends.count + 1)
        var start = utf8.startIndex
        for (end, next) in ends {
            lines.append(text[start..<utf8.index(utf8.startIndex, offsetBy: end)])
            start = utf8.index(utf8.startIndex, offsetBy: next)
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }
}

extension Article {
    /// This article (a feed item's) completed with `page`, its web page as extracted by
    /// ``HTMLArticleParser/parse(data:url:httpCharset:)``: id, title, source, author, date and
    /// link stay the item's where it has them (else the page's); body, summary, bio and
    /// credit become the page's. Unchanged when the page has no body.
    public func completed(with page: Article) -> Article {
        guard !page.sections.isEmpty else { return self }
        return Article(
            id: id,
            title: title,
            source: source ?? page.source,
            author: author ?? page.author,
            authorBio: page.authorBio,
            credit: page.credit,
            date: date ?? page.date.map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) },
            url: url ?? page.url,
            sections: page.sections,
            summary: page.summary,
            summarySource: page.summarySource)
    }
}
