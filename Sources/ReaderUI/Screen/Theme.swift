/// Colours for the colour roles of ``Style``: a named palette (`default`, `light`,
/// `monochrome`) with per-element overrides. Attributes never depend on the theme, so the
/// UI stays usable without colour; `NO_COLOR` and `monochrome` drop every colour.
public struct Theme: Hashable, Sendable {
    /// The named palettes.
    public enum Name: String, CaseIterable, Hashable, Sendable {
        case `default`, light, monochrome
    }

    /// The elements a settings file can colour, by their names in `[theme]`.
    public enum Element: String, CaseIterable, Hashable, Sendable {
        case listSelection = "list-selection"
        case unreadMark = "unread-mark"
        case savedMark = "saved-mark"
        case title
        case byline
        case summaryBar = "summary-bar"
        case headings
        case findHighlight = "find-highlight"
        case statusBar = "status-bar"

        /// The colour role the element is drawn in.
        public var role: ColorRole {
            switch self {
            case .listSelection: return .selection
            case .unreadMark: return .unreadMark
            case .savedMark: return .savedMark
            case .title: return .title
            case .byline: return .byline
            case .summaryBar: return .summaryBar
            case .headings: return .heading
            case .findHighlight: return .highlight
            case .statusBar: return .bar
            }
        }
    }

    /// The defaults (the `default` palette).
    public static let standard = Theme(name: .default)

    /// The palette's name.
    public let name: Name
    /// Foreground colour per role: an ncurses colour number, -1 for the terminal's own.
    public let colors: [ColorRole: Int16]

    /// The palette `name` with `overrides` (colour numbers, -1 for the terminal default).
    public init(name: Name, overrides: [Element: Int16] = [:]) {
        self.name = name
        var colors = Theme.palette(name)
        for (element, color) in overrides { colors[element.role] = color }
        self.colors = colors
    }

    /// Whether the theme draws without colour.
    public var isMonochrome: Bool { name == .monochrome }

    /// The colour of `element`.
    public func color(of element: Element) -> Int16 { colors[element.role] ?? -1 }

    /// How `style` is drawn: its attributes (plus dim in monochrome, where it replaces the
    /// muted colour) and its foreground colour (`nil`: the terminal's own).
    public func appearance(_ style: Style, monochrome: Bool = false) -> Appearance {
        let mono = monochrome || isMonochrome
        var attributes = style.attributes
        if !mono { attributes.remove(.dim) }
        let color = mono || style.color == .normal ? nil : colors[style.color].flatMap { $0 < 0 ? nil : $0 }
        return Appearance(attributes: attributes, foreground: color)
    }

    /// What the terminal is asked to draw for a cell.
    public struct Appearance: Hashable, Sendable {
        /// Bold, reverse, underline, dim.
        public var attributes: Style.Attributes
        /// An ncurses colour number, or `nil` for the terminal's own.
        public var foreground: Int16?
    }

    /// The ncurses colour names (0-7) accepted besides numbers 0-255 and `default`.
    public static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// The number of a colour name or number text, `nil` when it is neither.
    public static func colorNumber(_ name: String) -> Int16? {
        let lower = name.lowercased()
        if lower == "default" { return -1 }
        if let i = colorNames.firstIndex(of: lower) { return Int16(i) }
        return nil
    }

    /// The name of colour `number` (`cyan`, `default`, or the number).
    public static func colorName(_ number: Int16) -> String {
        if number < 0 { return "default" }
        return number < colorNames.count ? colorNames[Int(number)] : String(number)
    }

    static func palette(_ name: Name) -> [ColorRole: Int16] {
        let (red, yellow, blue, magenta, cyan): (Int16, Int16, Int16, Int16, Int16) = (1, 3, 4, 5, 6)
        switch name {
        case .default, .monochrome:
            return [.normal: -1, .accent: cyan, .muted: blue, .heading: yellow, .bar: blue, .selection: cyan,
                    .highlight: yellow, .warning: red, .unreadMark: cyan, .savedMark: cyan, .title: yellow,
                    .byline: blue, .summaryBar: cyan]
        case .light:
            return [.normal: -1, .accent: blue, .muted: magenta, .heading: red, .bar: blue, .selection: blue,
                    .highlight: magenta, .warning: red, .unreadMark: blue, .savedMark: magenta, .title: red,
                    .byline: magenta, .summaryBar: blue]
        }
    }
}
