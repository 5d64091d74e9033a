/// The fuzz targets: one per parser of untrusted input. The libFuzzer harnesses in `Fuzz/`
/// and the regression replay (`FuzzRegressionTests`) run the same ``check(_:)``.
enum FuzzTarget: String, CaseIterable {
    /// Scraped text and Markdown (``ArticleParser``).
    case text
    /// HTML pages (``HTMLArticleParser``).
    case html
    /// RSS, RDF and Atom feeds.
    case feeds
    /// JSON Feed.
    case jsonFeed = "json-feed"
    /// OPML subscription lists.
    case opml
    /// Read state: the JSON Lines snapshot and journal, and the legacy `read.json`.
    case readState = "read-state"
    /// `saved.json`.
    case savedState = "saved-state"
    /// The library's index cache.
    case indexCache = "index-cache"
    /// `config.toml`.
    case config
    /// Bulletin article files (front matter + Markdown).
    case frontMatter = "front-matter"
    /// Word wrap, display width and the cell sanitiser.
    case wrap

    /// Runs the target's invariants on one input; throws ``FuzzFailure`` when one breaks.
    func check(_ data: [UInt8]) throws {
        switch self {
        case .text: try TextFuzzCheck.check(data)
        case .html: try HTMLFuzzCheck.check(data)
        case .feeds: try FeedFuzzCheck.check(data)
        case .jsonFeed: try JSONFeedFuzzCheck.check(data)
        case .opml: try OPMLFuzzCheck.check(data)
        case .readState: try StateFileFuzzCheck.checkRead(data)
        case .savedState: try StateFileFuzzCheck.checkSaved(data)
        case .indexCache: try IndexCacheFuzzCheck.check(data)
        case .config: try ConfigFuzzCheck.check(data)
        case .frontMatter: try FrontMatterFuzzCheck.check(data)
        case .wrap: try WrapFuzzCheck.check(data)
        }
    }
}
