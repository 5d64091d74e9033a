import Foundation

extension Library {
    /// An article file just written, with what its index-cache line needs: its size and
    /// modification time as written (so that recording it takes no `stat`), and its entry.
    public struct WrittenFile: Sendable {
        /// The file's path.
        public var path: String
        /// Its size in bytes.
        public var size: Int
        /// Its modification time in nanoseconds since 1970.
        public var modified: Int64
        /// Its entry.
        public var entry: Entry

        /// The file at `path` holding `entry`.
        public init(path: String, size: Int, modified: Int64, entry: Entry) {
            self.path = path
            self.size = size
            self.modified = modified
            self.entry = entry
        }

        /// The index entry of a file holding an article, encoded before the file's path and
        /// time are known (where the file is rendered, off the thread that writes it).
        public struct Entry: Sendable {
            let fields: IndexCache.EncodedFields

            /// The entry of a file holding `article`.
            public init(_ article: Article) {
                // The path and a date taken from the file are not part of the encoded fields.
                fields = IndexCache.EncodedFields(LibraryEntry(article: article, path: "", fileDate: Date(timeIntervalSince1970: 0)))
            }
        }
    }

    /// Records index-cache entries for article files just written, so that the next
    /// ``Library/init(paths:cacheDirectory:)`` over `roots` takes them from the cache instead
    /// of parsing them.
    ///
    /// The folders in `roots` are walked once with `readdir` alone (``FileWalker``, without
    /// a `stat` per file) so that the cache is written in the walk's order: a written file
    /// takes its entry, size and time from `written`; any other file is examined and keeps
    /// its cached entry when unchanged, and a file with neither is left out (the library
    /// parses it). `roots` must be the library's own roots: the cache file is chosen by them
    /// (see ``Library/init(paths:cacheDirectory:)``). Failures are ignored: the cache is
    /// only an accelerator.
    public static func recordWrittenFiles(_ written: [WrittenFile], roots: [String], cacheDirectory: URL) {
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
        var byPath: [String: Int] = [:]
        byPath.reserveCapacity(written.count)
        for (i, file) in written.enumerated() { byPath[walkPath(file.path)] = i }
        let walk = FileWalker.walk(roots, statFiles: false)
        let url = cacheFile(in: cacheDirectory, roots: roots)
        let old = IndexCache.load(from: url)
        var out: [UInt8] = []
        out.reserveCapacity(written.reduce(64) { $0 + $1.entry.fields.bytes.count + $1.path.utf8.count + 40 })
        out.append(contentsOf: IndexCache.header.utf8)
        out.append(0x0A)
        for var file in walk.files {
            if let i = byPath[file.path] {
                let stamp = written[i]
                IndexCache.appendLine(size: stamp.size, modified: stamp.modified, path: file.path, fields: stamp.entry.fields, into: &out)
                continue
            }
            guard let old, !file.isUnexamined || file.examine() else { continue }
            if let cached = old.match(path: file.path, size: file.size, modified: file.modified) {
                IndexCache.appendLine(IndexCache.Record(size: file.size, modified: file.modified, entry: cached), into: &out)
            }
        }
        IndexCache.write(out, to: url)
    }
}
