import Foundation
import Articles
import ReaderUI

/// Everything config.toml can set, with today's behaviour as the defaults. Read with
/// ``ConfigLoader``; printed with ``ConfigPrinter``; Bulletin never writes the file.
public struct Settings: Equatable, Sendable {
    /// `[keys]`: every action's keys, by action name (defaults where the file says nothing).
    public var keys: [String: [Key]]
    /// `[theme]`.
    public var theme = ThemeSettings()
    /// `[reader]`.
    public var reader = ReaderSettings()
    /// `[library]`.
    public var library = LibrarySettings()
    /// `[feeds]`.
    public var feeds = FeedSettings()

    /// The defaults.
    public init() {
        keys = KeyMap.standard.keys
    }

    /// The defaults (what a missing file gives).
    public static let defaults = Settings()

    /// The reader's options for these settings.
    public var readerOptions: ReaderOptions {
        var options = ReaderOptions()
        options.keyMap = KeyMap(overrides: keys)
        options.theme = theme.theme
        options.markReadOnOpen = reader.markReadOnOpen
        options.maximumMeasure = reader.measure
        options.previewMinimumWidth = reader.previewWidth
        options.sort = reader.sort
        options.listDate = ListDateFormat(pattern: reader.dateFormat)
        options.browser = reader.browser
        return options
    }
}

/// `[theme]`: a named palette and per-element colours that override it.
public struct ThemeSettings: Equatable, Sendable {
    /// `name`: default, light or monochrome.
    public var name: Theme.Name = .default
    /// Colours set in the file (ncurses colour numbers; -1 is the terminal's own colour).
    public var colors: [Theme.Element: Int16] = [:]

    /// The theme these settings describe.
    public var theme: Theme { Theme(name: name, overrides: colors) }
}

/// `[reader]`: choices of the interactive reader.
public struct ReaderSettings: Equatable, Sendable {
    /// `measure`: the widest column width of article and summary text.
    public var measure = ArticleLayout.maximumMeasure
    /// `preview-width`: from this terminal width on, the list has a preview pane.
    public var previewWidth = Layout.previewMinimumWidth
    /// `mark-read-on-open`: whether opening an article marks it read.
    public var markReadOnOpen = true
    /// `sort`: the order of the list.
    public var sort: ListOrder = .date
    /// `date-format`: the list's date column, a Unicode date pattern (UTC).
    public var dateFormat = ListDateFormat.standardPattern
    /// `browser`: the command that opens links; `nil` uses `$BROWSER`.
    public var browser: String?
}

/// `[library]`: folders the reader always includes.
public struct LibrarySettings: Equatable, Sendable {
    /// `folders`: extra article folders or files (`~/` is the home folder; relative paths are
    /// relative to the settings file's folder).
    public var folders: [String] = []

    /// `folders` as absolute paths.
    public func resolvedFolders(configDirectory: URL, home: String = NSHomeDirectory()) -> [String] {
        folders.map { folder in
            if folder == "~" { return home }
            if folder.hasPrefix("~/") { return home + folder.dropFirst(1) }
            if folder.hasPrefix("/") { return folder }
            return configDirectory.appendingPathComponent(folder).standardizedFileURL.path
        }
    }
}

/// `[feeds]`: how feeds are refreshed (read by the feeds code).
public struct FeedSettings: Equatable, Sendable {
    /// Whether a feed item is stored as the feed gave it or with its full article fetched.
    public enum FullArticle: String, CaseIterable, Sendable {
        /// Fetch the full article when the feed carries only a summary.
        case auto
        /// Always fetch the linked page.
        case always
        /// Keep what the feed gives.
        case never
    }

    /// `concurrency`: feeds fetched at once.
    public var concurrency = 8
    /// `per-host`: requests at once to one host.
    public var perHost = 2
    /// `timeout`: seconds before a request is given up.
    public var timeout = 60
    /// `user-agent`: the User-Agent header.
    public var userAgent = BulletinVersion.userAgent
    /// `full-article`: the default for new subscriptions.
    public var fullArticle: FullArticle = .auto
    /// `refresh-on-start`: refresh the feeds when the reader starts.
    public var refreshOnStart = false
    /// `keep-days`: days a read, unsaved feed article is kept (0: forever).
    public var keepDays = 90
    /// `keep-per-feed`: read, unsaved articles kept per feed, newest first (0: no limit).
    public var keepPerFeed = 0

    /// The defaults.
    public init() {}
}
