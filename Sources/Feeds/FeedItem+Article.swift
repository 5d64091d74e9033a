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
    /// Every item as an article (see ``FeedItem/article(feedURL:feedTitle:)``).
    public func articles(feedURL: String) -> [Article] {
        items.map { $0.article(feedURL: feedURL, feedTitle: title) }
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
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if line.allSatisfy(\.isWhitespace) { finish() } else { current.append(line) }
        }
        finish()
        return paragraphs.isEmpty ? [] : [ArticleSection(heading: nil, paragraphs: paragraphs)]
    }
}
