import Articles
import Foundation

/// An article laid out for a width: the lines of the article view, each tagged with the
/// block it belongs to so that a reading position survives a resize.
///
/// Blocks, in order: title, byline, credit, summary header, each summary bullet, then each
/// heading and paragraph, then the bio header and bio. A blank spacer line belongs to the
/// block above it.
public struct ArticleLayout: Hashable, Sendable {
    /// What a line shows (decides its style).
    public enum Kind: Hashable, Sendable {
        case blank, title, byline, credit, summaryHeader, bullet, heading, paragraph, bioHeader, bio, end
        /// A line from Bulletin itself (no summary, cannot read), not from the article.
        case note
    }

    /// One laid-out line.
    public struct Line: Hashable, Sendable {
        /// Text after the prefix (what find searches).
        public var text: String
        /// Decoration before the text (summary bar, bullet), drawn in the accent style.
        public var prefix: String
        /// The kind of line.
        public var kind: Kind
        /// Block index.
        public var block: Int
        /// Line within the block.
        public var lineInBlock: Int
    }

    /// Total width laid out for.
    public let width: Int
    /// Left margin in columns.
    public let margin: Int
    /// Text measure in columns.
    public let measure: Int
    /// The lines.
    public let lines: [Line]
    /// The article's reading time in minutes (counted once here: a 5 MB article has a
    /// million words, too many to count on every frame).
    public let readingMinutes: Int
    /// The lines' text folded for find, built once with the layout.
    let folded: FoldedLines

    /// Widest comfortable measure.
    public static let maximumMeasure = 78

    /// Text measure for a window `width` columns wide: at most `maximum`, with margins of 3
    /// columns (1 below 60 columns).
    public static func measure(forWidth width: Int, maximum: Int = maximumMeasure) -> Int {
        max(1, min(maximum, width - (width >= 60 ? 6 : 2)))
    }

    /// Left margin that centres the measure in `width` columns.
    public static func margin(forWidth width: Int, maximum: Int = maximumMeasure) -> Int {
        max(0, (width - measure(forWidth: width, maximum: maximum)) / 2)
    }

    /// Lays out `article` for a window `width` columns wide, at a measure of at most
    /// `maximumMeasure` columns, with its reading time when already known.
    public init(article: Article, width: Int, maximumMeasure: Int = ArticleLayout.maximumMeasure, readingMinutes known: Int? = nil) {
        self.init(article: article, width: width, measure: ArticleLayout.measure(forWidth: width, maximum: maximumMeasure),
                  margin: ArticleLayout.margin(forWidth: width, maximum: maximumMeasure), readingMinutes: known)
    }

    /// Lays out `article`, the article this layout was made from, for a new window
    /// `width` (a resize): the same as a new layout, but the reading time, which does not
    /// depend on the width, is kept instead of counting a long article's words again.
    public func resized(_ article: Article, width: Int, maximumMeasure: Int = ArticleLayout.maximumMeasure) -> ArticleLayout {
        ArticleLayout(article: article, width: width, maximumMeasure: maximumMeasure, readingMinutes: readingMinutes)
    }

    /// Lays out `article` at a given measure and margin, with its reading time when known.
    /// With `lineLimit` (the preview pane, which shows only the top), layout stops once that
    /// many lines are made and the text is not folded for find.
    init(article: Article, width: Int, measure: Int, margin: Int, lineLimit: Int? = nil, readingMinutes known: Int? = nil) {
        self.width = width
        self.measure = measure
        self.margin = margin
        let minutes = known ?? article.readingMinutes
        readingMinutes = minutes
        var builder = Builder(measure: measure)
        ArticleHeader.add(article, readingMinutes: minutes, to: &builder)
        let limit = lineLimit ?? Int.max
        for section in article.sections where builder.lines.count < limit {
            if let heading = section.heading {
                builder.spacer()
                builder.add(heading, .heading)
                builder.spacer()
            }
            for paragraph in section.paragraphs where builder.lines.count < limit {
                builder.add(paragraph, .paragraph)
                builder.spacer()
            }
        }
        if let lineLimit {
            self.lines = Array(builder.lines.prefix(lineLimit))
            folded = FoldedLines()
            return
        }
        if let bio = article.authorBio {
            builder.spacer()
            builder.add("About the author", .bioHeader)
            builder.add(bio, .bio)
            builder.spacer()
        }
        builder.add("∎", .end)
        self.lines = builder.lines
        let textBytes = article.sections.reduce(0) { $0 + $1.paragraphs.reduce(0) { $0 + $1.utf8.count } }
        folded = FoldedLines(lines.lazy.map(\.text), reserving: textBytes + lines.count + 4096)
    }

    /// Collects laid-out lines: each ``add(_:_:prefix:continuation:)`` wraps one block.
    struct Builder {
        let measure: Int
        var lines: [Line] = []
        var block = 0

        init(measure: Int) { self.measure = measure }

        /// Wraps `text` as the next block; `prefix` leads its first line, `continuation`
        /// (default: `prefix`) the others.
        mutating func add(_ text: String, _ kind: Kind, prefix: String = "", continuation: String? = nil) {
            let rest = continuation ?? prefix
            let available = max(1, measure - DisplayWidth.of(prefix))
            for (i, piece) in WordWrap.lines(text, width: available).enumerated() {
                lines.append(Line(text: piece, prefix: i == 0 ? prefix : rest, kind: kind, block: block, lineInBlock: i))
            }
            block += 1
        }

        /// A blank line after the block above (never two in a row, never at the top).
        mutating func spacer() {
            guard let last = lines.last, last.kind != .blank else { return }
            lines.append(Line(text: "", prefix: "", kind: .blank, block: last.block, lineInBlock: last.lineInBlock + 1))
        }
    }

    /// The reading position of line `index`.
    public func position(ofLine index: Int) -> (block: Int, line: Int) {
        guard !lines.isEmpty else { return (0, 0) }
        let line = lines[max(0, min(index, lines.count - 1))]
        return (line.block, line.lineInBlock)
    }

    /// The line index of a reading position (the nearest line of that block), by binary search.
    public func lineIndex(block: Int, line: Int) -> Int {
        var low = 0
        var high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if lines[mid].block < block { low = mid + 1 } else { high = mid }
        }
        guard low < lines.count else { return max(0, lines.count - 1) }
        var index = low
        while index + 1 < lines.count, lines[index + 1].block == block, lines[index].lineInBlock < line {
            index += 1
        }
        return index
    }

    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMM yyyy"
        return formatter.string(from: date)
    }
}
