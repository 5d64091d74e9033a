import Foundation

/// A clean article: what a person reads once the noise of a scraped page is gone.
///
/// Articles are values: the parser makes them, the library indexes them, the storage
/// module keeps copies of favorites, and the reader renders them.
public struct Article: Hashable, Sendable {
    /// Stable identifier derived from the article's content (see ``ArticleID``).
    public var id: ArticleID
    /// The headline.
    public var title: String
    /// Site or publication name, when the text names it.
    public var source: String?
    /// Author name from the byline.
    public var author: String?
    /// The author's biography, kept apart from the body.
    public var authorBio: String?
    /// Image credit such as `© Jane Doe/Agency`.
    public var credit: String?
    /// Publication date when the text gives one.
    public var date: Date?
    /// Canonical address when the text gives one.
    public var url: String?
    /// Body sections in reading order; the first one is often an untitled lead.
    public var sections: [ArticleSection]
    /// Summary bullets ("key points").
    public var summary: [SummaryBullet]
    /// Who wrote the summary bullets; `nil` when there are none.
    public var summarySource: SummarySource?

    /// Creates an article; the id is derived from the content unless given.
    public init(
        id: ArticleID? = nil,
        title: String,
        source: String? = nil,
        author: String? = nil,
        authorBio: String? = nil,
        credit: String? = nil,
        date: Date? = nil,
        url: String? = nil,
        sections: [ArticleSection] = [],
        summary: [SummaryBullet] = [],
        summarySource: SummarySource? = nil
    ) {
        self.title = title
        self.source = source
        self.author = author
        self.authorBio = authorBio
        self.credit = credit
        self.date = date
        self.url = url
        self.sections = sections
        self.summary = summary
        self.summarySource = summary.isEmpty ? nil : (summarySource ?? .author)
        self.id = id ?? ArticleID.derive(title: title, sections: sections)
    }

    /// All body paragraphs in order, headings excluded.
    public var paragraphs: [String] { sections.flatMap(\.paragraphs) }

    /// Number of words in the body (headings and paragraphs), by whitespace-separated runs.
    /// CJK text, which has no spaces, counts one word per ideograph or kana.
    public var wordCount: Int {
        var count = 0
        for section in sections {
            if let heading = section.heading { count += WordCounter.count(heading) }
            for paragraph in section.paragraphs { count += WordCounter.count(paragraph) }
        }
        return count
    }

    /// Reading time in whole minutes at ``WordCounter/wordsPerMinute``, at least 1.
    public var readingMinutes: Int { WordCounter.readingMinutes(words: wordCount) }
}

/// A run of paragraphs under an optional subheading.
public struct ArticleSection: Hashable, Sendable, Codable {
    /// The subheading, or `nil` for the untitled lead.
    public var heading: String?
    /// The paragraphs, each a single line of text.
    public var paragraphs: [String]

    /// Creates a section.
    public init(heading: String? = nil, paragraphs: [String]) {
        self.heading = heading
        self.paragraphs = paragraphs
    }
}

/// One summary bullet.
public struct SummaryBullet: Hashable, Sendable, Codable {
    /// The bullet's text without its marker.
    public var text: String

    /// Creates a bullet.
    public init(text: String) { self.text = text }
}

/// Who wrote an article's summary bullets.
public enum SummarySource: String, Hashable, Sendable, Codable {
    /// The bullets were in the article itself.
    case author
    /// Bulletin derived them from the body because the article had none.
    case generated
}
