import Articles
import Feeds

extension ArticleStore {
    /// An article file rendered ahead of staging, on any thread (a refresh renders on every
    /// core while one thread stages): its text, its name and its index entry.
    public struct Rendered: Sendable {
        /// The file's text.
        var bytes: [UInt8]
        /// Its ``ArticleFileName/make(date:title:suffix:)`` name without a suffix.
        var plainName: String
        /// Its index entry.
        var entry: Library.WrittenFile.Entry

        /// Renders `file`.
        public init(_ file: ArticleFile) {
            let article = file.article
            bytes = file.renderedBytes()
            plainName = ArticleFileName.make(date: article.date, title: article.title)
            entry = Library.WrittenFile.Entry(article)
        }
    }

    /// One file to stage: its article file, the item's earlier file and, when already
    /// made, its rendering (see ``stage(_:folder:previous:rendered:)``).
    public struct Item: Sendable {
        var file: ArticleFile
        var previous: String?
        var rendered: Rendered?

        /// An item to stage.
        public init(file: ArticleFile, previous: String? = nil, rendered: Rendered? = nil) {
            self.file = file
            self.previous = previous
            self.rendered = rendered
        }
    }
}
