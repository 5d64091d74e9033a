import Articles
import Foundation

/// `bulletin fetch URL`: one web page extracted and stored as an article in
/// `articles/Saved pages/` ("read later"). Fetching the same address again replaces it.
public struct PageSaver: Sendable {
    /// Where things live.
    public let paths: FetchingPaths
    /// How documents are fetched.
    public let transport: any Transport

    /// The folder of fetched pages inside the articles folder.
    public static let folder = "Saved pages"
    /// The feed-state key under which fetched pages are remembered.
    static let stateKey = "bulletin:saved-pages"

    /// Creates a saver.
    public init(paths: FetchingPaths, transport: any Transport) {
        self.paths = paths
        self.transport = transport
    }

    /// Fetches, extracts and stores the page; returns the stored article (its id derives from
    /// the address, so fetching it again keeps its read and saved state).
    public func save(_ text: String) async throws(FetchFailure) -> Article {
        let url: URL
        switch try FeedAddress.classify(text) {
        case .web(let web): url = web
        case .file(let file): url = file
        }
        let document: FetchedDocument
        switch await transport.fetch(url: url, kind: .page, conditional: nil) {
        case .ok(let fetched): document = fetched
        case .notModified: throw FetchFailure("\(url.absoluteString): unexpected 304 Not Modified")
        case .failed(let error): throw FetchFailure("\(url.absoluteString): \(error.message)")
        }
        var article = try FeedFormats.extractPage(document)
        let key = url.absoluteString
        article.id = ArticleID.feedItem(feedURL: PageSaver.stateKey, key: key)
        if article.url == nil { article.url = key }
        let lock = try FeedsLock(paths.lockFile)
        defer { lock.unlock() }
        var stateFile = FeedStateFile.load(paths.stateFile)
        var state = stateFile[PageSaver.stateKey]
        var store = ArticleStore(root: paths.articlesDirectory, indexCacheDirectory: paths.indexCacheDirectory)
        let relative = try store.stage(ArticleFile(article: article, guid: key), folder: PageSaver.folder,
                                       previous: state.items[key]?.file)
        try store.commit()
        state.items[key] = KnownItem(id: article.id.rawValue, file: relative, fingerprint: Fingerprint.of(article))
        state.lastRefresh = Date()
        state.lastStatus = .ok
        stateFile[PageSaver.stateKey] = state
        try stateFile.save(to: paths.stateFile)
        return article
    }
}
