import Articles
import Foundation
import Storage

/// What the reader reads from but never changes during a session: the catalog of items
/// (library entries, then saved favorites whose file is gone), lazily built search
/// indexes, and lazy access to full articles.
///
/// Loading an article reads and parses its file (``Library/article(for:)`` keeps a small
/// cache); everything else is in memory.
public final class ReaderContext: @unchecked Sendable {
    /// Every item, newest first, then saved copies.
    public let items: [CatalogItem]
    /// The library the items come from.
    public let library: Library
    /// Bodies for search.
    public let bodyIndex: BodyIndex
    /// The preview pane's lines of recently shown articles.
    let previews = PreviewCache()
    private let lock = NSLock()
    private var _titleIndex: TitleIndex?

    /// Builds the catalog from `library` plus the `saved` favorites it does not contain, in
    /// `sort` order (`date`: the library's order, newest first, then the saved copies).
    public init(library: Library, saved: [SavedArticle], sort: ListOrder = .date) {
        self.library = library
        // The library's items are made on every core (100,000 items are 400,000 retains).
        let entries = library.entries
        var items = [CatalogItem](unsafeUninitializedCapacity: entries.count + saved.count) { buffer, initialized in
            nonisolated(unsafe) let out = buffer
            let chunk = 4096
            DispatchQueue.concurrentPerform(iterations: (entries.count + chunk - 1) / chunk) { c in
                for i in (c * chunk)..<min(entries.count, (c + 1) * chunk) {
                    let entry = entries[i]
                    (out.baseAddress! + i).initialize(to: CatalogItem(
                        id: entry.id, title: entry.title, source: entry.source, author: entry.author,
                        date: entry.date, readingMinutes: entry.readingMinutes, origin: .library(i)))
                }
            }
            initialized = entries.count
        }
        for copy in saved where library.index(of: copy.article.id) == nil {
            let a = copy.article
            items.append(CatalogItem(
                id: a.id, title: a.title, source: a.source, author: a.author, date: a.date ?? copy.savedAt,
                readingMinutes: a.readingMinutes, origin: .savedCopy(a)))
        }
        self.items = ReaderContext.sorted(items, by: sort)
        bodyIndex = BodyIndex(count: items.count)
    }

    /// `items` in `order` (stable: equal keys keep the library's newest-first order).
    public static func sorted(_ items: [CatalogItem], by order: ListOrder) -> [CatalogItem] {
        func fold(_ text: String) -> String { text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        func key(_ item: CatalogItem) -> String {
            switch order {
            case .date: return ""
            case .source: return fold(item.source ?? item.author ?? "")
            case .title: return fold(item.title)
            }
        }
        guard order != .date else { return items }
        let keys = items.map(key)
        let order = items.indices.sorted { a, b in
            if keys[a].isEmpty != keys[b].isEmpty { return !keys[a].isEmpty }  // unknown source last
            return keys[a] == keys[b] ? a < b : keys[a] < keys[b]
        }
        return order.map { items[$0] }
    }

    /// A catalog of in-memory articles in the given order (tests, benchmarks, demos).
    public init(articles: [Article]) {
        library = Library(paths: [], cacheDirectory: nil)
        items = articles.map { a in
            CatalogItem(id: a.id, title: a.title, source: a.source, author: a.author,
                        date: a.date ?? Date(timeIntervalSince1970: 0), readingMinutes: a.readingMinutes,
                        origin: .memory(a))
        }
        bodyIndex = BodyIndex(count: items.count)
    }

    /// The full article of item `index`.
    public func loadArticle(_ index: Int, cached: Bool = true) throws -> Article {
        switch items[index].origin {
        case .savedCopy(let article), .memory(let article): return article
        case .library(let i):
            let entry = library.entries[i]
            return cached ? try library.article(for: entry) : try Library.parseFile(atPath: entry.path)
        }
    }

    /// The title/author/source index, built on first use.
    var titleIndex: TitleIndex {
        lock.withLock {
            if let index = _titleIndex { return index }
            let index = TitleIndex(items: items)
            _titleIndex = index
            return index
        }
    }
}
