import Foundation

/// What one line of an article is, judged from the line alone.
///
/// Context (position, neighbours, blank lines) is applied later by ``ArticleAssembler``:
/// a `.text` line becomes the title, a subheading or a paragraph there.
public enum LineKind: Equatable, Sendable {
    /// Ordinary text: title, subheading or paragraph, decided in context.
    case text
    /// A Markdown ATX heading (`#`…`######`).
    case heading(level: Int, text: String)
    /// A list item; `marker` is `•` for symbol markers or the number with its `.`/`)`.
    case bullet(text: String, marker: String)
    /// An image credit (`©…`, `Photo: …`, `Credit: …`).
    case credit(String)
    /// A byline (`By X`, `Par X`, `Written by X`, `Author: X`…), with a date if it has one.
    case byline(name: String, date: Date?)
    /// A dateline (`Published 3 March 2024`, `2024-03-03`, `Updated: …`).
    case date(Date)
    /// A url line or a source line (`https://…`, `Source: Reuters`, `Via The Verge`).
    case reference(source: String?, url: String?)
    /// Share widgets, follow/subscribe/newsletter promotion, "Read more", ads; with the
    /// site name when the line names it ("news from Presse-citron").
    case promo(source: String?)
    /// Page furniture with nothing to read: `[ ]`, `|`, `…`, `Loading…`, lone emoji.
    case artifact
    /// A heading that announces the summary (`Key points`, `In brief`, `TL;DR`, `À retenir`…).
    case summaryHeading
    /// A heading that announces the author's bio (`About the author`).
    case aboutAuthorHeading
    /// A Markdown rule or setext underline (`---`, `===`, `***`); the character used.
    case rule(Character)
}
