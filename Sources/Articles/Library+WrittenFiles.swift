import Foundation

extension Library {
    /// Records index-cache entries for article files just written, so that the next
    /// ``Library/init(paths:cacheDirectory:)`` over `roots` takes them from the cache instead
    /// of parsing them.
    ///
    /// `written` pairs each file's path with the article it holds (the article the file was
    /// rendered from, which reads back the same). The folders in `roots` are walked once
    /// (`readdir`/`stat`, as the library does) so that the cache is written in the walk's
    /// order with each file's current size and modification time: a written file takes its
    /// entry from `written`, any other file keeps its cached entry when unchanged, and a file
    /// with neither is left out (the library parses it). `roots` must be the library's own
    /// roots: the cache file is chosen by them (see ``Library/init(paths:cacheDirectory:)``).
    /// Failures are ignored: the cache is only an accelerator.
    public static func recordWrittenFiles(_ written: [(path: String, article: Article)], roots: [String], cacheDirectory: URL) {
        guard !written.isEmpty, !roots.isEmpty else { return }
        // Paths as the walk spells them: a root made absolute (once per root, it resolves
        // links) followed by the rest of the path.
        func folder(_ path: String) -> String { path.hasSuffix("/") ? path : path + "/" }
        let spelled = roots.map { (given: folder($0), absolute: folder(FileWalker.absolute($0))) }
        func walkPath(_ path: String) -> String {
            for root in spelled {
                if path.hasPrefix(root.absolute) { return path }
                if path.hasPrefix(root.given) { return root.absolute + path.dropFirst(root.given.count) }
            }
            return FileWalker.absolute(path)
        }
        var articles: [String: Article] = [:]
        articles.reserveCapacity(written.count)
        for (path, article) in written { articles[walkPath(path)] = article }
        let walk = FileWalker.walk(roots)
        let url = cacheFile(in: cacheDirectory, roots: roots)
        let old = IndexCache.load(from: url)
        var cache = IndexCache()
        cache.records.reserveCapacity(walk.files.count)
        for file in walk.files {
            let entry: LibraryEntry
            if let article = articles[file.path] {
                entry = LibraryEntry(article: article, path: file.path, fileDate: file.fallbackDate)
            } else if let cached = old?.match(path: file.path, size: file.size, modified: file.modified) {
                entry = cached
            } else {
                continue
            }
            cache.records.append(IndexCache.Record(size: file.size, modified: file.modified, entry: entry))
        }
        cache.write(to: url)
    }
}
