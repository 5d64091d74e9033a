import Articles
import Storage

/// Which screen is showing.
public enum Mode: Hashable, Sendable {
    case list, article, summary
}

/// The list filter cycled with Tab.
public enum Filter: Int, CaseIterable, Hashable, Sendable {
    case all, unread, saved

    /// Name shown in the top bar.
    public var title: String {
        switch self {
        case .all: return "All"
        case .unread: return "Unread"
        case .saved: return "Saved"
        }
    }
}

/// A status-bar message.
public struct StatusMessage: Hashable, Sendable {
    /// The text.
    public var text: String
    /// Whether it is a warning (drawn more prominently).
    public var isWarning: Bool
    /// Creates a message; unsafe characters (``UnsafeCharacters``), e.g. in a file name or
    /// a `$BROWSER` it names, are spelled out (`\u{1B}`) rather than silently dropped.
    public init(_ text: String, warning: Bool = false) {
        self.text = UnsafeCharacters.escaped(text)
        isWarning = warning
    }
}

/// The items the list shows: every item, or a subset of catalog indices.
public enum VisibleItems: Hashable, Sendable {
    case all(count: Int)
    case subset([Int])

    /// Number of rows.
    public var count: Int {
        switch self {
        case .all(let count): return count
        case .subset(let indices): return indices.count
        }
    }

    /// Catalog index of row `row`.
    public subscript(row: Int) -> Int {
        switch self {
        case .all: return row
        case .subset(let indices): return indices[row]
        }
    }

    /// Calls `body` with the catalog index of every row, in order (one switch for the whole
    /// pass instead of one per row).
    public func forEachIndex(_ body: (Int) -> Void) {
        switch self {
        case .all(let count): for index in 0..<count { body(index) }
        case .subset(let indices): indices.withUnsafeBufferPointer { for index in $0 { body(index) } }
        }
    }

    /// Row of catalog index `index` (O(log n): subsets are in catalog order).
    public func row(of index: Int) -> Int? {
        switch self {
        case .all(let count): return index < count ? index : nil
        case .subset(let indices):
            var low = 0
            var high = indices.count
            while low < high {
                let mid = (low + high) / 2
                if indices[mid] < index { low = mid + 1 } else { high = mid }
            }
            return low < indices.count && indices[low] == index ? low : nil
        }
    }
}

/// A find match in the article view: a line and a range of display columns in its text.
public struct FindMatch: Hashable, Sendable {
    public var line: Int
    public var column: Int
    public var width: Int
}

/// Find-in-article state.
public struct FindState: Hashable, Sendable {
    public var query: String
    /// The matches, kept compactly (a one-letter find can have hundreds of thousands).
    public var found: FindMatches
    public var current: Int
    public var isEditing: Bool

    /// Every match as a line and columns (made on demand: O(matches)).
    public var matches: [FindMatch] { found.all }
}

/// The open article.
public struct OpenArticle: Hashable, Sendable {
    /// Catalog index.
    public var index: Int
    /// The parsed article.
    public var article: Article
    /// Its layout at the current width.
    public var layout: ArticleLayout
    /// First visible line.
    public var top: Int
    /// Find state, when `/` was used.
    public var find: FindState?
}

/// Everything the reader shows. A value: ``Reducer/reduce(_:_:)`` makes the next one.
public struct ReaderState: Hashable, Sendable {
    /// Catalog and article access (not compared: one per session).
    public let context: ReaderContext
    /// Terminal columns.
    public var width: Int
    /// Terminal rows.
    public var height: Int
    /// Current screen.
    public var mode: Mode = .list
    /// Help overlay shown.
    public var showHelp = false
    /// The feeds view, when shown (over the list).
    public var feeds: FeedsViewState?
    /// Only articles whose source (feed name) is this are listed; `nil` lists all.
    public var sourceFilter: String?
    /// A background feed refresh is running.
    public var isRefreshing = false
    /// List filter.
    public var filter: Filter = .all
    /// List search text (folded to lowercase when matching).
    public var query = ""
    /// Whether the list search prompt has focus.
    public var isEditingQuery = false
    /// The rows of the list.
    public var visible: VisibleItems
    /// Selected row.
    public var selected = 0
    /// First row on screen.
    public var listTop = 0
    /// Read article ids.
    public var readIDs: Set<ArticleID>
    /// Saved article ids.
    public var savedIDs: Set<ArticleID>
    /// Reading positions recorded (stored ones are looked up on open).
    public var positions: [ArticleID: ReadingPosition]
    /// Stored reading positions at start.
    public let storedPositions: [ArticleID: ReadingPosition]
    /// The open article (article view).
    public var open: OpenArticle?
    /// First line of the summary view.
    public var summaryTop = 0
    /// Status-bar message (cleared by the next key).
    public var message: StatusMessage?
    /// Set when the reader should exit.
    public var quitRequested = false
    /// Body index generation the current list search used.
    public var searchGeneration = -1
    /// The settings file's choices (keys, theme, measure, ...), fixed for the session.
    public let options: ReaderOptions

    /// The initial state for a library and store at a terminal size: the list, All, first
    /// row selected, with the store's warnings and `warnings` (from the settings file) in the
    /// status bar. O(n) once (read/saved sets), plus a sort when `options` ask for one.
    public init(library: Library, store: StateStore, width: Int, height: Int,
                options: ReaderOptions = ReaderOptions(), warnings: [String] = []) {
        let context = ReaderContext(library: library, saved: store.savedArticles, sort: options.sort)
        var read = Set<ArticleID>()
        var saved = Set<ArticleID>()
        var positions: [ArticleID: ReadingPosition] = [:]
        // By index, so that only the id is copied (not every item's strings); a store with
        // nothing read or saved is not asked about each item.
        let anyRead = store.hasReadRecords, anySaved = store.hasSavedRecords
        if anyRead || anySaved {
            for index in context.items.indices {
                let id = context.items[index].id
                if anyRead, store.isRead(id) {
                    read.insert(id)
                    if let p = store.readingPosition(id) { positions[id] = p }
                }
                if anySaved, store.isSaved(id) { saved.insert(id) }
            }
        }
        var notes = warnings + store.warnings
        if !library.notices.isEmpty {
            let n = library.notices.count
            notes.append("\(n) file\(n == 1 ? "" : "s") skipped (bulletin list shows why)")
        }
        self.init(context: context, width: width, height: height, read: read, saved: saved, positions: positions,
                  message: notes.isEmpty ? nil : StatusMessage(notes.joined(separator: "; "), warning: true),
                  options: options)
    }

    /// A state from its parts (tests, benchmarks).
    public init(context: ReaderContext, width: Int, height: Int, read: Set<ArticleID> = [], saved: Set<ArticleID> = [],
                positions: [ArticleID: ReadingPosition] = [:], message: StatusMessage? = nil,
                options: ReaderOptions = ReaderOptions()) {
        self.context = context
        self.options = options
        self.width = width
        self.height = height
        visible = .all(count: context.items.count)
        readIDs = read
        savedIDs = saved
        storedPositions = positions
        self.positions = [:]
        self.message = message
    }

    /// Rows available for list items (between the bars).
    public var listRows: Int { max(1, height - 2) }
    /// Rows available for the article body.
    public var bodyRows: Int { max(1, height - 2) }

    /// Catalog index of the selected row, if the list is not empty.
    public var selectedIndex: Int? { visible.count == 0 ? nil : visible[min(selected, visible.count - 1)] }

    /// Whether the reader has room for its layout.
    public var isTooSmall: Bool { width < Layout.minimumWidth || height < Layout.minimumHeight }

    public static func == (a: ReaderState, b: ReaderState) -> Bool {
        a.context === b.context && a.width == b.width && a.height == b.height && a.mode == b.mode
            && a.showHelp == b.showHelp && a.filter == b.filter && a.query == b.query
            && a.feeds == b.feeds && a.sourceFilter == b.sourceFilter && a.isRefreshing == b.isRefreshing
            && a.isEditingQuery == b.isEditingQuery && a.visible == b.visible && a.selected == b.selected
            && a.listTop == b.listTop && a.readIDs == b.readIDs && a.savedIDs == b.savedIDs
            && a.positions == b.positions && a.open == b.open && a.summaryTop == b.summaryTop
            && a.message == b.message && a.quitRequested == b.quitRequested
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(mode)
        hasher.combine(selected)
        hasher.combine(open?.top)
    }
}

/// Layout constants shared by the reducer and the views.
public enum Layout {
    /// Narrowest usable terminal.
    public static let minimumWidth = 20
    /// Shortest usable terminal.
    public static let minimumHeight = 5
    /// From this width on, the list has a preview pane.
    public static let previewMinimumWidth = 120

    /// Columns of the list pane at `width`, with a preview pane from `previewFrom` columns on.
    public static func listWidth(_ width: Int, previewFrom: Int = previewMinimumWidth) -> Int {
        width >= previewFrom ? width - previewWidth(width, previewFrom: previewFrom) - 1 : width
    }

    /// Columns of the preview pane at `width` (0 when there is none).
    public static func previewWidth(_ width: Int, previewFrom: Int = previewMinimumWidth) -> Int {
        width >= previewFrom ? min(76, (width - 1) * 45 / 100) : 0
    }
}
