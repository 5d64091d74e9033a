import Foundation

/// Renders an article as clean, word-wrapped plain text for pipes and `bulletin show`:
/// title, byline, credit, summary bullets, body with headings, then the author's bio.
public enum ArticleTextFormatter {
    /// The article as text lines of at most `width` cells (ends with a newline).
    public static func format(_ article: Article, width: Int) -> String {
        let width = max(20, width)
        var out: [String] = []
        out += WordWrap.lines(article.title, width: width)
        out.append(String(repeating: "=", count: min(width, DisplayWidth.of(article.title))))
        let meta = byline(article)
        if !meta.isEmpty { out += WordWrap.lines(meta, width: width) }
        if let credit = article.credit { out += WordWrap.lines("Image: \(credit)", width: width) }
        if let url = article.url { out += WordWrap.lines(url, width: width) }
        if !article.summary.isEmpty {
            out.append("")
            out.append(article.summarySource == .generated ? "Summary (generated)" : "Summary")
            for bullet in article.summary {
                out += indent(WordWrap.lines(bullet.text, width: width - 4), first: "  • ", rest: "    ")
            }
        }
        for section in article.sections {
            if let heading = section.heading {
                out.append("")
                out += WordWrap.lines(heading, width: width)
                out.append(String(repeating: "-", count: min(width, DisplayWidth.of(heading))))
            }
            for paragraph in section.paragraphs {
                out.append("")
                out += WordWrap.lines(paragraph, width: width)
            }
        }
        if let bio = article.authorBio {
            out.append("")
            out.append("About the author")
            out += WordWrap.lines(bio, width: width)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `By Author · Source · 3 March 2024 · 4 min read`, leaving out what is unknown.
    public static func byline(_ article: Article) -> String {
        var parts: [String] = []
        if let author = article.author { parts.append("By \(author)") }
        if let source = article.source { parts.append(source) }
        if let date = article.date {
            parts.append(date.formatted(.dateTime.year().month(.wide).day().locale(Locale(identifier: "en_US_POSIX"))))
        }
        parts.append("\(article.readingMinutes) min read")
        return parts.joined(separator: " · ")
    }

    private static func indent(_ lines: [String], first: String, rest: String) -> [String] {
        lines.enumerated().map { ($0.offset == 0 ? first : rest) + $0.element }
    }
}
