import Articles
import Feeds
import Foundation

/// Writes feed items and fetched pages as Bulletin article files in the user's library,
/// `articles/<feed>/<date>-<slug>.md`, staged in a ``DurableBatch`` and made durable together.
public struct ArticleStore {
    /// The articles folder of the library.
    public let root: URL
    private var batch = DurableBatch()
    private var namesInUse: [String: Set<String>] = [:]
    /// The index-cache folder the reader uses (`nil`: no index entries are recorded).
    private let indexCacheDirectory: URL?
    /// The staged files' paths and articles, for their index entries.
    private var written: [(path: String, article: Article)] = []

    /// A store over `root` (folders are created as articles are staged). With
    /// `indexCacheDirectory`, a commit records the new files' entries in the index cache of
    /// the library over `root` (see `Library.recordWrittenFiles`), so that the reader does
    /// not parse them again.
    public init(root: URL, indexCacheDirectory: URL? = nil) {
        self.root = root
        self.indexCacheDirectory = indexCacheDirectory
    }

    /// Number of files staged.
    public var stagedCount: Int { batch.count }

    /// The folder name for a feed: its name as a safe slug (see `ArticleFileName`).
    public static func folderName(for subscription: Subscription) -> String {
        ArticleFileName.folder(feedTitle: subscription.name, feedURL: subscription.url)
    }

    /// Stages `file` in `folder`; `previous` is the item's earlier file (relative to the root),
    /// kept when its name still fits the article and removed when the name changes. Returns the
    /// path relative to the root. `rendered` is the file's text when already rendered.
    public mutating func stage(_ file: ArticleFile, folder: String, previous: String? = nil,
                               rendered: [UInt8]? = nil) throws(FetchFailure) -> String {
        if namesInUse[folder] == nil {
            let folderURL = root.appendingPathComponent(folder, isDirectory: true)
            try DurableBatch.prepareFolder(folderURL)
            DurableBatch.removeLeftovers(in: folderURL)
            namesInUse[folder] = Set((try? FileManager.default.contentsOfDirectory(atPath: folderURL.path)) ?? [])
        }
        let article = file.article
        let plain = ArticleFileName.make(date: article.date, title: article.title)
        // Same title and day as another item: the id's first digits tell them apart (made
        // only when needed: the slug is most of the cost of naming).
        func marked() -> String {
            ArticleFileName.make(date: article.date, title: article.title, suffix: String(article.id.rawValue.prefix(8)))
        }
        let relative: String
        if let previous, previous == folder + "/" + plain || (previous.hasPrefix(folder + "/") && previous == folder + "/" + marked()) {
            relative = previous
        } else {
            var name = plain
            if namesInUse[folder]?.contains(name) == true { name = marked() }
            if namesInUse[folder]?.contains(name) == true {
                name = ArticleFileName.make(date: article.date, title: article.title, suffix: article.id.rawValue)
            }
            namesInUse[folder, default: []].insert(name)
            relative = folder + "/" + name
            if let previous { batch.remove(root.appendingPathComponent(previous)) }
        }
        let url = root.appendingPathComponent(relative)
        batch.add(url, bytes: rendered ?? Array(file.rendered().utf8))
        if indexCacheDirectory != nil { written.append((url.path, article)) }
        return relative
    }

    /// Makes every staged file durable at once.
    public mutating func commit() throws(FetchFailure) {
        guard !batch.isEmpty else { return }
        try batch.commit()
        batch = DurableBatch()
        if let indexCacheDirectory {
            Library.recordWrittenFiles(written, roots: [root.path], cacheDirectory: indexCacheDirectory)
        }
        written = []
    }
}
