import Articles
import Foundation

/// The reader's choices from the settings file; the defaults are today's behaviour.
public struct ReaderOptions: Sendable {
    /// The keys.
    public var keyMap: KeyMap = .standard
    /// Colours (used by the terminal backend; views only name roles).
    public var theme: Theme = .standard
    /// Whether opening an article marks it read.
    public var markReadOnOpen = true
    /// Widest text measure of the article and summary views, in columns.
    public var maximumMeasure = ArticleLayout.maximumMeasure
    /// From this terminal width on, the list has a preview pane.
    public var previewMinimumWidth = Layout.previewMinimumWidth
    /// The order of the list.
    public var sort: ListOrder = .date
    /// The list's date column.
    public var listDate: ListDateFormat = .standard
    /// The browser command; `nil` uses `$BROWSER`.
    public var browser: String?

    /// The defaults.
    public init() {}
}

/// The order of the article list.
public enum ListOrder: String, CaseIterable, Hashable, Sendable {
    /// Newest first (then saved copies whose file is gone), as the library orders them.
    case date
    /// By source (or author when there is none), then newest first.
    case source
    /// By title.
    case title
}

/// The date in the list: `yyyy-MM-dd` (UTC) by default, or a `DateFormatter` pattern.
public struct ListDateFormat: Sendable {
    /// `yyyy-MM-dd`, the UTC day.
    public static let standard = ListDateFormat(pattern: standardPattern)
    /// The default pattern.
    public static let standardPattern = "yyyy-MM-dd"

    /// The pattern.
    public let pattern: String
    /// The widest formatted date, in columns (the width of the list's date column).
    public let width: Int
    private let formatter: LockedFormatter?

    /// A format for `pattern` (Unicode date pattern, en_US_POSIX, UTC).
    public init(pattern: String) {
        self.pattern = pattern
        if pattern == Self.standardPattern {
            formatter = nil
            width = 10
            return
        }
        let locked = LockedFormatter(pattern)
        formatter = locked
        var widest = 0
        for month in 1...12 {
            let sample = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                        year: 2024, month: month, day: 28, hour: 23, minute: 58, second: 59).date!
            widest = max(widest, DisplayWidth.of(locked.string(sample)))
        }
        width = min(widest, 32)
    }

    /// `date` in this format.
    public func string(_ date: Date) -> String {
        formatter?.string(date) ?? ArticleDateFormat.day(date)
    }

    private final class LockedFormatter: @unchecked Sendable {
        let lock = NSLock()
        let formatter = DateFormatter()
        init(_ pattern: String) {
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = pattern
        }
        func string(_ date: Date) -> String { lock.withLock { formatter.string(from: date) } }
    }
}
