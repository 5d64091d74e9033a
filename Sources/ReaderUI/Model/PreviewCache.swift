import Articles
import Foundation

/// The preview pane's lines for the most recently shown articles, so that a redraw while
/// the selection stays (a search letter that keeps the same first match, a filter change,
/// a status message) neither reads, parses nor lays out the article again.
///
/// Bounded: the ``limit`` most recently used entries. An entry is keyed by the item, its
/// file's path, size and modification time (from a `stat` at lookup, so a file changed on
/// disk is read again) and the pane's size.
final class PreviewCache: @unchecked Sendable {
    /// What an entry was made from.
    struct Key: Hashable {
        var index: Int
        var path: String?
        var size: Int64
        var modified: Int64
        var width: Int
        var rows: Int
    }

    /// Most entries kept.
    let limit: Int
    private let lock = NSLock()
    private var entries: [Key: [ArticleLayout.Line]] = [:]
    /// Keys from least to most recently used.
    private var order: [Key] = []

    init(limit: Int = 16) { self.limit = max(1, limit) }

    /// The key for item `index` of `context` in a pane of `width` x `rows`.
    static func key(_ context: ReaderContext, _ index: Int, width: Int, rows: Int) -> Key {
        guard case .library(let i) = context.items[index].origin else {
            return Key(index: index, path: nil, size: 0, modified: 0, width: width, rows: rows)
        }
        let path = context.library.entries[i].path
        var info = stat()
        guard stat(path, &info) == 0 else {
            return Key(index: index, path: path, size: -1, modified: 0, width: width, rows: rows)
        }
        let modified = Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec)
        return Key(index: index, path: path, size: Int64(info.st_size), modified: modified, width: width, rows: rows)
    }

    /// The lines for `key`, made by `make` when they are not kept (and then kept, dropping
    /// the least recently used entry when full).
    func lines(for key: Key, make: () -> [ArticleLayout.Line]) -> [ArticleLayout.Line] {
        if let lines = lock.withLock({ () -> [ArticleLayout.Line]? in
            guard let lines = entries[key] else { return nil }
            touch(key)
            return lines
        }) {
            return lines
        }
        let lines = make()
        lock.withLock {
            if entries.updateValue(lines, forKey: key) == nil {
                order.append(key)
                if order.count > limit { entries[order.removeFirst()] = nil }
            } else {
                touch(key)
            }
        }
        return lines
    }

    /// Whether `key` is kept (tests).
    func contains(_ key: Key) -> Bool { lock.withLock { entries[key] != nil } }

    /// Moves `key` to the most recently used end (the lock is held).
    private func touch(_ key: Key) {
        if let at = order.lastIndex(of: key), at != order.count - 1 {
            order.remove(at: at)
            order.append(key)
        }
    }
}
