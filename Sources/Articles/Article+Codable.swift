import Foundation

/// The stable JSON schema of an article (documented in README.md, "JSON schema").
///
/// Every key is always present; unknown values are `null`. `date` is ISO 8601 in UTC.
/// `wordCount` and `readingMinutes` are written for consumers and ignored when decoding.
/// Decoding makes every text field one clean line (``TextSanitizer/sanitizeLine(_:)``): a
/// file edited by hand or by someone else must not carry escapes to the terminal.
extension Article: Codable {
    enum CodingKeys: String, CodingKey {
        case id, title, source, author, authorBio, credit, date, url, sections, summary,
            summarySource, wordCount, readingMinutes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let dateText = try c.decodeIfPresent(String.self, forKey: .date)
        func line(_ key: CodingKeys) throws -> String? {
            try c.decodeIfPresent(String.self, forKey: key).map(TextSanitizer.sanitizeLine)
        }
        let sections = try c.decodeIfPresent([ArticleSection].self, forKey: .sections) ?? []
        let summary = try c.decodeIfPresent([SummaryBullet].self, forKey: .summary) ?? []
        self.init(
            id: try c.decodeIfPresent(ArticleID.self, forKey: .id),
            title: TextSanitizer.sanitizeLine(try c.decode(String.self, forKey: .title)),
            source: try line(.source),
            author: try line(.author),
            authorBio: try line(.authorBio),
            credit: try line(.credit),
            date: dateText.flatMap(ArticleDateFormat.parse),
            url: try line(.url),
            sections: sections.map {
                ArticleSection(heading: $0.heading.map(TextSanitizer.sanitizeLine), paragraphs: $0.paragraphs.map(TextSanitizer.sanitizeLine))
            },
            summary: summary.map { SummaryBullet(text: TextSanitizer.sanitizeLine($0.text)) },
            summarySource: try c.decodeIfPresent(SummarySource.self, forKey: .summarySource)
        )
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(source, forKey: .source)
        try c.encode(author, forKey: .author)
        try c.encode(authorBio, forKey: .authorBio)
        try c.encode(credit, forKey: .credit)
        try c.encode(date.map(ArticleDateFormat.format), forKey: .date)
        try c.encode(url, forKey: .url)
        try c.encode(sections, forKey: .sections)
        try c.encode(summary, forKey: .summary)
        try c.encode(summarySource, forKey: .summarySource)
        let words = wordCount  // counted once for both keys
        try c.encode(words, forKey: .wordCount)
        try c.encode(WordCounter.readingMinutes(words: words), forKey: .readingMinutes)
    }
}

extension ArticleSection {
    enum CodingKeys: String, CodingKey { case heading, paragraphs }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(heading, forKey: .heading)  // always present, null for the lead
        try c.encode(paragraphs, forKey: .paragraphs)
    }
}

/// ISO 8601 date text as used in the JSON schema and the index cache.
public enum ArticleDateFormat {
    /// `2024-03-01T09:30:00Z`.
    public static func format(_ date: Date) -> String {
        wholeSecondUTC(date) ?? date.formatted(.iso8601)
    }

    /// ``format(_:)`` by arithmetic for whole seconds from 1970 to 9999 (feed and file dates),
    /// the same text as Foundation's ISO 8601 style at a twentieth of its cost; `nil` otherwise.
    static func wholeSecondUTC(_ date: Date) -> String? {
        let t = date.timeIntervalSince1970
        guard t >= 0, t < 253_402_300_800, t.rounded(.down) == t else { return nil }
        let seconds = Int(t)
        let (year, month, day) = CivilDate.civil(days: seconds / 86_400)
        let time = seconds % 86_400
        var out = [UInt8](repeating: 0, count: 20)
        func put(_ value: Int, _ at: Int, _ digits: Int) {
            var v = value
            for k in stride(from: at + digits - 1, through: at, by: -1) {
                out[k] = UInt8(0x30 + v % 10)
                v /= 10
            }
        }
        put(year, 0, 4)
        out[4] = 0x2D
        put(month, 5, 2)
        out[7] = 0x2D
        put(day, 8, 2)
        out[10] = 0x54
        put(time / 3600, 11, 2)
        out[13] = 0x3A
        put(time / 60 % 60, 14, 2)
        out[16] = 0x3A
        put(time % 60, 17, 2)
        out[19] = 0x5A
        return String(decoding: out, as: UTF8.self)
    }

    /// `2024-03-01`: the UTC day of `date`.
    public static func day(_ date: Date) -> String {
        String(format(date).prefix(10))
    }

    /// Accepts a full ISO 8601 timestamp or a plain `YYYY-MM-DD` day.
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(
            text, strategy: .iso8601.year().month().day().dateSeparator(.dash))
    }
}
