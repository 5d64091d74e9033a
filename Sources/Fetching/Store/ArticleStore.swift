import Articles
import Foundation

/// Writes feed items and fetched pages as Bulletin article files in the user's library,
/// `articles/<feed>/<date>-<slug>.md`, staged in a ``DurableBatch`` and made durable together.
public struct ArticleStore {
    /// The articles folder of the library.
    public let root: URL
    private var batch = DurableBatch()
    private var namesInUse: [String: Set<String>] = [:]
    private var preparedFolders = Set<String>()

    /// A store over `root` (created on first commit).
    public init(root: URL) { self.root = root }

    /// Number of files staged.
    public var stagedCount: Int { batch.count }

    /// The folder name for a feed: its name made safe for a file name.
    public static func folderName(for subscription: Subscription) -> String {
        let name = SafeFileName.make(subscription.name, limit: 80)
        return name.isEmpty ? "feed" : name
    }

    /// Stages `file` in `folder`; `previous` is the item's earlier file (relative to the root),
    /// reused when the name is the same and removed when it changes. Returns the path relative
    /// to the root.
    public mutating func stage(_ file: ArticleFile, folder: String, previous: String? = nil) throws(FetchFailure) -> String {
        let folderURL = root.appendingPathComponent(folder, isDirectory: true)
        if !preparedFolders.contains(folder) {
            try DurableBatch.prepareFolder(folderURL)
            DurableBatch.removeLeftovers(in: folderURL)
            namesInUse[folder] = Set((try? FileManager.default.contentsOfDirectory(atPath: folderURL.path)) ?? [])
            preparedFolders.insert(folder)
        }
        let base = ArticleStore.fileStem(for: file.article)
        var relative: String
        if let previous, ArticleStore.isFile(previous, named: base, in: folder) {
            relative = previous
        } else {
            var name = base + ".md"
            var n = 2
            while namesInUse[folder]?.contains(name) == true {
                name = base + "-\(n).md"
                n += 1
            }
            namesInUse[folder, default: []].insert(name)
            relative = folder + "/" + name
            if let previous { batch.remove(root.appendingPathComponent(previous)) }
        }
        batch.add(root.appendingPathComponent(relative), bytes: Array(file.rendered().utf8))
        return relative
    }

    /// Makes every staged file durable at once.
    public mutating func commit() throws(FetchFailure) {
        guard !batch.isEmpty else { return }
        try batch.commit()
        batch = DurableBatch()
    }

    /// `<date>-<slug>`: the UTC day of the article (or `undated`) and its title made safe,
    /// within the 120-byte limit with room for `-NN.md`.
    public static func fileStem(for article: Article) -> String {
        let day = article.date.map(ArticleDateFormat.day) ?? "undated"
        var slug = SafeFileName.make(SafeFileName.slug(article.title), limit: 100)
        if slug.isEmpty { slug = article.id.rawValue }
        return day + "-" + slug
    }

    /// Whether `relative` is `folder/<stem>.md` or `folder/<stem>-N.md`.
    static func isFile(_ relative: String, named stem: String, in folder: String) -> Bool {
        let prefix = folder + "/" + stem
        guard relative.hasPrefix(prefix), relative.hasSuffix(".md") else { return false }
        let middle = relative.dropFirst(prefix.count).dropLast(3)
        if middle.isEmpty { return true }
        return middle.first == "-" && middle.count > 1 && middle.dropFirst().allSatisfy { $0 >= "0" && $0 <= "9" }
    }
}
