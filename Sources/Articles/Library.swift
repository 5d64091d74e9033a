import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The articles found in one or more folders or files, newest first.
///
/// Opening a library walks the folders (`readdir`/`stat`), then takes each file's entry
/// from the index cache when its size and modification time are unchanged, and parses
/// only new or changed files, in parallel. Bodies are parsed again only when an article
/// is opened (``article(for:)``), with a small cache of recently opened articles.
public final class Library: @unchecked Sendable {
    /// Entries, newest first.
    public let entries: [LibraryEntry]
    /// Files skipped or unreadable, one line each.
    public let notices: [LibraryNotice]
    /// How many entries were parsed now (not taken from the cache).
    public let parsedCount: Int

    private let indexByID: [ArticleID: Int]
    private let lock = NSLock()
    private var recent: [ArticleID: Article] = [:]
    private var recentOrder: [ArticleID] = []
    private static let recentLimit = 32

    /// Opens the library at `paths` (folders are searched recursively; hidden files are
    /// skipped). `cacheDirectory` holds the index cache; `nil` disables it.
    public init(paths: [String], cacheDirectory: URL?) {
        let walk = FileWalker.walk(paths)
        let cacheURL = cacheDirectory.map { Library.cacheFile(in: $0, roots: paths) }
        var cache = cacheURL.map(IndexCache.load) ?? IndexCache()
        let cachedCount = cache.records.count

        var entries = [LibraryEntry?](repeating: nil, count: walk.files.count)
        var errors = [LibraryNotice?](repeating: nil, count: walk.files.count)
        var toParse: [Int] = []
        for (i, file) in walk.files.enumerated() {
            // Moved out of the cache (no copy, and less to free afterwards).
            if let record = cache.records.removeValue(forKey: file.path), record.size == file.size,
                record.modified == file.modified
            {
                entries[i] = record.entry
            } else {
                toParse.append(i)
            }
        }
        // Parse new and changed files on every core.
        let files = walk.files
        let parseList = toParse
        entries.withUnsafeMutableBufferPointer { entryBuffer in
            errors.withUnsafeMutableBufferPointer { errorBuffer in
                nonisolated(unsafe) let entryOut = entryBuffer
                nonisolated(unsafe) let errorOut = errorBuffer
                let chunk = 64
                let chunks = (parseList.count + chunk - 1) / chunk
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    for k in (c * chunk)..<min(parseList.count, (c + 1) * chunk) {
                        let i = parseList[k]
                        let file = files[i]
                        do {
                            let article = try Library.indexFile(atPath: file.path, size: file.size)
                            entryOut[i] = LibraryEntry(article: article, path: file.path, fileDate: file.fallbackDate)
                        } catch {
                            errorOut[i] = LibraryNotice(path: file.path, message: Library.describe(error))
                        }
                    }
                }
            }
        }

        // The cache needs rewriting only when a file was parsed now or a cached file is gone.
        let cacheChanged = cacheURL != nil && (!toParse.isEmpty || files.count != cachedCount)
        var seen: [ArticleID: Int] = [:]
        seen.reserveCapacity(files.count)
        var kept: [LibraryEntry?] = []
        kept.reserveCapacity(files.count)
        var notices = walk.notices
        var newCache = IndexCache()
        if cacheChanged { newCache.records.reserveCapacity(files.count) }
        for (i, file) in files.enumerated() {
            if let error = errors[i] { notices.append(error) }
            guard let entry = entries[i].take() else { continue }
            if cacheChanged {
                newCache.records[file.path] = IndexCache.Record(size: file.size, modified: file.modified, entry: entry)
            }
            if let first = seen[entry.id] {
                notices.append(LibraryNotice(path: file.path, message: "skipped: same article as \(files[first].path)"))
                continue
            }
            seen[entry.id] = i
            kept.append(entry)
        }
        self.entries = Library.sortedNewestFirst(taking: &kept)
        self.notices = notices
        self.parsedCount = toParse.count
        var index: [ArticleID: Int] = [:]
        index.reserveCapacity(self.entries.count)
        for (i, entry) in self.entries.enumerated() { index[entry.id] = i }
        self.indexByID = index
        if let cacheURL, cacheChanged { newCache.write(to: cacheURL) }
    }

    /// `entries` in ``LibraryEntry/newestFirst`` order: positions sorted by date alone, then
    /// each run of equal dates by title and path (the same order as sorting the entries, with
    /// far fewer string comparisons and no moving of entries).
    static func sortedNewestFirst(_ entries: [LibraryEntry]) -> [LibraryEntry] {
        var slots = entries.map { Optional.some($0) }
        return sortedNewestFirst(taking: &slots)
    }

    /// The same, moving the entries out of `slots` (every slot must hold one) instead of
    /// copying them: no retain and release per string at 100,000 entries.
    static func sortedNewestFirst(taking slots: inout [LibraryEntry?]) -> [LibraryEntry] {
        let n = slots.count
        let times = slots.map { $0!.date.timeIntervalSinceReferenceDate }
        var order = Array(0..<n)
        times.withUnsafeBufferPointer { t in
            order.sort { a, b in t[a] > t[b] || (t[a] == t[b] && a < b) }
        }
        let titles = slots.map { $0!.title }
        let paths = slots.map { $0!.path }
        var start = 0
        while start < n {
            var end = start + 1
            while end < n && times[order[end]] == times[order[start]] { end += 1 }
            if end - start > 1 {
                // Same date: by title, then path, then position (as ``LibraryEntry/newestFirst``).
                order[start..<end].sort { a, b in
                    if titles[a] != titles[b] { return titles[a] < titles[b] }
                    if paths[a] != paths[b] { return paths[a] < paths[b] }
                    return a < b
                }
            }
            start = end
        }
        return order.map { slots[$0].take()! }
    }

    /// The entry with this id, if the library has it.
    public func entry(id: ArticleID) -> LibraryEntry? {
        indexByID[id].map { entries[$0] }
    }

    /// Position of the entry with this id in ``entries``.
    public func index(of id: ArticleID) -> Int? { indexByID[id] }

    /// The full article for an entry, parsed from its file (recently opened ones are cached).
    public func article(for entry: LibraryEntry) throws -> Article {
        if let cached = lock.withLock({ recent[entry.id] }) { return cached }
        let article = try Library.parseFile(atPath: entry.path)
        lock.withLock {
            recent[entry.id] = article
            recentOrder.append(entry.id)
            if recentOrder.count > Library.recentLimit {
                recent[recentOrder.removeFirst()] = nil
            }
        }
        return article
    }

    /// Reads and parses one file: an HTML page (known by its content) or article text.
    /// `url` is the address of an HTML page, for its links and source.
    public static func parseFile(atPath path: String, url: String? = nil) throws -> Article {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        if HTMLArticleParser.looksLikeHTML(data) { return try HTMLArticleParser.parse(data: data, url: url) }
        return try ArticleParser.parse(data: data)
    }

    /// Reads and parses one file for its index entry (no generated summary).
    static func indexFile(atPath path: String, size: Int) throws -> Article {
        // Refused by the parser anyway: do not read it first.
        if size > ArticleParser.maximumBytes { throw ArticleParseError.tooLarge(bytes: size) }
        if let bytes = readBytes(atPath: path, size: size) {
            if HTMLArticleParser.looksLikeHTML(bytes) {
                return try HTMLArticleParser.parse(bytes: bytes, url: nil, httpCharset: nil, generatingSummary: false)
            }
            return try ArticleParser.parseForIndex(bytes: bytes)
        }
        // Let Foundation read it (and describe why it cannot).
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        if HTMLArticleParser.looksLikeHTML(data) {
            return try HTMLArticleParser.parse(bytes: [UInt8](data), url: nil, httpCharset: nil, generatingSummary: false)
        }
        return try ArticleParser.parseForIndex(data: data)
    }

    /// The bytes of a file read with `open`/`read`, or `nil` on any error or when the file
    /// is larger than the parser accepts.
    static func readBytes(atPath path: String, size: Int) -> [UInt8]? {
        guard size >= 0, size <= ArticleParser.maximumBytes else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: size + 1)  // one more byte: notice a grown file
        var total = 0
        let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while total < buffer.count {
                let n = read(fd, buffer.baseAddress! + total, buffer.count - total)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                if n == 0 { break }
                total += n
            }
            return true
        }
        guard ok, total <= size else { return nil }
        bytes.removeLast(bytes.count - total)
        return bytes
    }

    /// One line for a person: the parser's description or the system's reason.
    public static func describe(_ error: Error) -> String {
        if let parseError = error as? ArticleParseError { return parseError.description }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return FileWalker.errnoMessage(Int32(underlying.code))
        }
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileReadNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError: return "permission denied"
            default: break
            }
        }
        return ns.localizedDescription
    }

    /// `$BULLETIN_CACHE_DIR`, else `$XDG_CACHE_HOME/bulletin`, else `~/.cache/bulletin`.
    public static func defaultCacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dir = environment["BULLETIN_CACHE_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir, isDirectory: true)
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("bulletin")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache/bulletin")
    }

    /// The cache file for a set of roots: one per distinct set of absolute paths.
    static func cacheFile(in directory: URL, roots: [String]) -> URL {
        var hasher = FNV1a64()
        for root in roots.map(FileWalker.absolute).sorted() { hasher.add(normalized: root) }
        return directory.appendingPathComponent("index-\(hasher.hex).tsv")
    }
}
