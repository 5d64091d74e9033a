/// How a cell looks. Attributes alone must keep the UI usable (monochrome, `NO_COLOR`);
/// the colour role only adds hue when the terminal has colours.
public struct Style: Hashable, Sendable {
    /// Terminal attributes that work without colour.
    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1)
        public static let reverse = Attributes(rawValue: 2)
        public static let underline = Attributes(rawValue: 4)
        public static let dim = Attributes(rawValue: 8)
    }

    /// Attributes (bold, reverse, underline, dim).
    public var attributes: Attributes
    /// Colour role, ignored in monochrome.
    public var color: ColorRole

    /// Creates a style.
    public init(_ attributes: Attributes = [], _ color: ColorRole = .normal) {
        self.attributes = attributes
        self.color = color
    }

    /// Plain text.
    public static let plain = Style()
    /// Top and bottom bars.
    public static let bar = Style([.reverse], .bar)
    /// The selected list row.
    public static let selection = Style([.reverse, .bold], .selection)
    /// Secondary text (source, dates, hints).
    public static let muted = Style([.dim], .muted)
    /// Marks and the summary bar.
    public static let accent = Style([.bold], .accent)
    /// Headings.
    public static let heading = Style([.bold, .underline], .heading)
    /// A search match.
    public static let match = Style([.underline, .bold], .highlight)
    /// The current search match.
    public static let currentMatch = Style([.reverse, .bold], .highlight)
    /// Warnings in the status bar.
    public static let warning = Style([.reverse, .bold], .warning)
    /// The unread mark in the list.
    public static let unreadMark = Style([.bold], .unreadMark)
    /// The saved mark in the list.
    public static let savedMark = Style([.bold], .savedMark)
    /// An article's title.
    public static let title = Style([.bold], .title)
    /// An article's byline.
    public static let byline = Style([.dim], .byline)
    /// The bar and header of an article's summary block.
    public static let summaryBar = Style([.bold], .summaryBar)
}

/// Colour roles, coloured by the ``Theme`` and mapped to colour pairs by the backend.
public enum ColorRole: UInt8, CaseIterable, Hashable, Sendable {
    case normal, accent, muted, heading, bar, selection, highlight, warning
    case unreadMark, savedMark, title, byline, summaryBar
}
