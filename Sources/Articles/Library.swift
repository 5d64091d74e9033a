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

    private let indexByID: ArticleIDIndex
    private let lock = NSLock()
    private var recent: [ArticleID: Article] = [:]
    private var recentOrder: [ArticleID] = []
    private static let recentLimit = 32

    /// Opens the library at `paths` (folders are searched recursively; hidden files are
    /// skipped). `cacheDirectory` holds the index cache; `nil` disables it.
    public init(paths: [String], cacheDirectory: URL?) {
        let cacheURL = cacheDirectory.map { Library.cacheFile(in: $0, roots: paths) }
        // The cache is read and split into lines on another thread while the folders are
        // walked (the walk waits on the file system, the cache on the processor).
        let loading = cacheURL.map { url in
            let load = PendingCache()
            load.group.enter()
            DispatchQueue.global(qos: .userInitiated).async {
                load.lines = IndexCache.load(from: url)
                load.group.leave()
            }
            return load
        }
        // Without a cache file every file is read, and read's `fstat` gives its size and time:
        // the walk need not `stat` it first.
        let statFiles = cacheURL.map { access($0.path, F_OK) == 0 } ?? false
        let walk = FileWalker.walk(paths, statFiles: statFiles)
        loading?.group.wait()
        let cache = loading?.lines
        let cachedCount = cache?.count ?? 0

        var entries = [LibraryEntry?](repeating: nil, count: walk.files.count)
        // Each title's sort key, made where the entry is made (its bytes are then in cache).
        var titleKeys = [TitleKey](repeating: TitleKey(prefix: 0, asciiRun: 0, isASCII: false), count: walk.files.count)
        // Each entry's date for the sort, and whether the file gave an entry (read later
        // without copying the entries, which would retain their strings).
        var dates = [Double](repeating: 0, count: walk.files.count)
        var made = [Bool](repeating: false, count: walk.files.count)
        var toParse: [Int] = []
        // Lines are claimed in the walk's order on this thread; their entries (four strings
        // each) are made on every core.
        var cachedLines = [Int](repeating: -1, count: cache == nil ? 0 : walk.files.count)
        for (i, file) in walk.files.enumerated() {
            if let line = cache?.claim(path: file.path, size: file.size, modified: file.modified) {
                cachedLines[i] = line
            } else {
                toParse.append(i)
            }
        }
        // Parse new and changed files on every core (their errors by position in `toParse`).
        var files = walk.files
        let parseList = toParse
        var errors = [LibraryNotice?](repeating: nil, count: toParse.count)
        files.withUnsafeMutableBufferPointer { fileBuffer in
        nonisolated(unsafe) let files = fileBuffer
        entries.withUnsafeMutableBufferPointer { entryBuffer in
            titleKeys.withUnsafeMutableBufferPointer { keyBuffer in
                errors.withUnsafeMutableBufferPointer { errorBuffer in
                  dates.withUnsafeMutableBufferPointer { dateBuffer in
                   made.withUnsafeMutableBufferPointer { madeBuffer in
                    nonisolated(unsafe) let entryOut = entryBuffer
                    nonisolated(unsafe) let keyOut = keyBuffer
                    nonisolated(unsafe) let errorOut = errorBuffer
                    nonisolated(unsafe) let dateOut = dateBuffer
                    nonisolated(unsafe) let madeOut = madeBuffer
                    if let cache {
                        nonisolated(unsafe) let cache = cache
                        let lines = cachedLines
                        let chunk = 1024
                        DispatchQueue.concurrentPerform(iterations: (lines.count + chunk - 1) / chunk) { c in
                            for i in (c * chunk)..<min(lines.count, (c + 1) * chunk) where lines[i] >= 0 {
                                let entry = cache.entry(at: lines[i], path: files[i].path)
                                keyOut[i] = TitleKey(entry.title)
                                dateOut[i] = entry.date.timeIntervalSinceReferenceDate
                                madeOut[i] = true
                                entryOut[i] = entry
                            }
                        }
                    }
                    let chunk = 64
                    let chunks = (parseList.count + chunk - 1) / chunk
                    DispatchQueue.concurrentPerform(iterations: chunks) { c in
                        for k in (c * chunk)..<min(parseList.count, (c + 1) * chunk) {
                            let i = parseList[k]
                            do {
                                // Each position is written by its own iteration only.
                                let article = try Library.indexFile(&files[i])
                                let file = files[i]
                                let entry = LibraryEntry(article: article, path: file.path, fileDate: file.fallbackDate)
                                keyOut[i] = TitleKey(entry.title)
                                dateOut[i] = entry.date.timeIntervalSinceReferenceDate
                                madeOut[i] = true
                                entryOut[i] = entry
                            } catch {
                                errorOut[k] = LibraryNotice(path: files[i].path, message: Library.describe(error))
                            }
                        }
                    }
                   }
                  }
                }
            }
        }
        }

        // The cache needs rewriting only when a file was parsed now, a cached file is gone, or
        // its lines were not in the walk's order.
        let cacheChanged = cacheURL != nil && (!toParse.isEmpty || files.count != cachedCount || cache?.isOutOfOrder == true)
        // The files that gave an entry, in walk order, and what the sort reads of them.
        var present: [Int] = []
        present.reserveCapacity(files.count)
        var sortKeys = SortKeys()
        sortKeys.reserveCapacity(files.count)
        for i in files.indices where made[i] {
            present.append(i)
            sortKeys.dates.append(dates[i])
            sortKeys.titleKeys.append(titleKeys[i])
        }
        // Two independent passes on two cores: the ids (the first file of each id keeps it,
        // a later one is a duplicate) and the newest-first order of every entry (duplicates
        // are dropped from it afterwards, which leaves the others' order as it is).
        var seen = ArticleIDIndex(capacity: 0)
        var firstOf: [Int: Int] = [:]  // walk index of a duplicate -> of its id's first file
        var order: [Int] = []
        do {
            nonisolated(unsafe) let slots = entries
            nonisolated(unsafe) let present = present
            nonisolated(unsafe) let sortKeys = sortKeys
            nonisolated(unsafe) var seenOut = ArticleIDIndex(capacity: 0)
            nonisolated(unsafe) var firstOut: [Int: Int] = [:]
            nonisolated(unsafe) var orderOut: [Int] = []
            DispatchQueue.concurrentPerform(iterations: 2) { task in
                if task == 0 {
                    var ids = ArticleIDIndex(capacity: present.count)
                    var repeats: [Int: Int] = [:]
                    for i in present {
                        if let first = ids.insert(slots[i].unsafelyUnwrapped.id, at: i) { repeats[i] = first }
                    }
                    seenOut = ids
                    firstOut = repeats
                } else {
                    orderOut = Library.newestFirstOrder(sortKeys) { slots[present[$0]].unsafelyUnwrapped }.map { present[$0] }
                }
            }
            seen = seenOut
            firstOf = firstOut
            order = orderOut
        }
        var notices = walk.notices
        var newCache = IndexCache()
        if cacheChanged { newCache.records.reserveCapacity(files.count) }
        var parsed = 0  // the next position in `toParse`
        // By index: a file is copied (its path retained) only when it is needed.
        for i in files.indices {
            if parsed < toParse.count, toParse[parsed] == i {
                if let error = errors[parsed] { notices.append(error) }
                parsed += 1
            }
            guard made[i] else { continue }
            if cacheChanged {
                newCache.records.append(IndexCache.Record(size: files[i].size, modified: files[i].modified, entry: entries[i]!))
            }
            if !firstOf.isEmpty, let first = firstOf[i] {
                notices.append(LibraryNotice(path: files[i].path, message: "skipped: same article as \(entries[first]!.path)"))
            }
        }
        if !firstOf.isEmpty { order.removeAll { firstOf[$0] != nil } }
        // Each id's walk index becomes its position in `entries`.
        var position = [Int](repeating: 0, count: files.count)
        for (p, i) in order.enumerated() { position[i] = p }
        seen.remap(position)
        self.entries = order.map { entries[$0].take()! }
        self.notices = notices
        self.parsedCount = toParse.count
        self.indexByID = seen
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
        var keys = SortKeys()
        for slot in slots { keys.append(slot!) }
        let order = newestFirstOrder(keys) { slots[$0].unsafelyUnwrapped }
        return order.map { slots[$0].take()! }
    }

    /// What the newest-first order reads of each entry, gathered as the entries are (reading
    /// them from the entries later copies every entry, retaining all its strings, whose
    /// memory is no longer in the processor's cache by then).
    struct SortKeys {
        var dates: [Double] = []
        var titleKeys: [TitleKey] = []

        mutating func reserveCapacity(_ n: Int) {
            dates.reserveCapacity(n)
            titleKeys.reserveCapacity(n)
        }

        mutating func append(_ entry: borrowing LibraryEntry, titleKey: TitleKey? = nil) {
            dates.append(entry.date.timeIntervalSinceReferenceDate)
            titleKeys.append(titleKey ?? TitleKey(entry.title))
        }
    }

    /// Positions of the entries described by `sortKeys` in ``LibraryEntry/newestFirst``
    /// order, ties kept in position order; `entry` gives the entry at a position (read only
    /// when the keys cannot decide).
    static func newestFirstOrder(_ sortKeys: SortKeys, entry: (Int) -> LibraryEntry) -> [Int] {
        let n = sortKeys.dates.count
        let titleKeys = sortKeys.titleKeys
        // One 128-bit key per entry, date (newest first) above position: a plain integer
        // sort, with no closure call per comparison.
        var keys = [UInt128]()
        keys.reserveCapacity(n)
        for i in 0..<n {
            keys.append(UInt128(descendingKey(sortKeys.dates[i])) << 64 | UInt128(i))
        }
        keys.sort()
        var order = keys.map { Int(truncatingIfNeeded: UInt64(truncatingIfNeeded: $0)) }
        func sameDate(_ a: Int, _ b: Int) -> Bool { keys[a] >> 64 == keys[b] >> 64 }
        var start = 0
        while start < n {
            var end = start + 1
            while end < n && sameDate(end, start) { end += 1 }
            if end - start > 1 {
                // Same date: by title, then path, then position (as ``LibraryEntry/newestFirst``),
                // on integer keys of the titles' first bytes where they decide.
                let run = order[start..<end].map { (i: $0, title: titleKeys[$0]) }
                let sorted = run.sorted { a, b in
                    if let less = TitleKey.less(a.title, b.title) { return less }
                    let ea = entry(a.i), eb = entry(b.i)
                    if ea.title != eb.title { return ea.title < eb.title }
                    if ea.path != eb.path { return ea.path < eb.path }
                    return a.i < b.i
                }
                for (k, item) in sorted.enumerated() { order[start + k] = item.i }
            }
            start = end
        }
        return order
    }

    /// The first fifteen bytes of a title as a big-endian integer (zero-padded), with how
    /// many of its first sixteen bytes are ASCII other than NUL, and whether that is all of it.
    ///
    /// Two keys decide `String`'s order at once when they differ at a byte `d` (before the
    /// sixteenth) such that, in each title, bytes `0...d+1` are such ASCII or the title is
    /// all such ASCII: every byte up to the difference is then followed by an ASCII byte or
    /// the end (so Unicode normalization, which composes a letter only with a following
    /// combining mark, leaves them as they are), and ASCII compares as bytes. A shorter
    /// title is zero-padded, which puts it before any longer title it begins.
    struct TitleKey {
        var prefix: UInt128
        /// Leading bytes (at most sixteen) that are ASCII other than NUL.
        var asciiRun: UInt8
        /// Whether the whole title is that run.
        var isASCII: Bool

        init(prefix: UInt128, asciiRun: UInt8, isASCII: Bool) {
            self.prefix = prefix
            self.asciiRun = asciiRun
            self.isASCII = isASCII
        }

        init(_ title: String) {
            var title = title
            (prefix, asciiRun, isASCII) = title.withUTF8 { bytes -> (UInt128, UInt8, Bool) in
                var key: UInt128 = 0
                for k in 0..<15 { key = key << 8 | UInt128(k < bytes.count ? bytes[k] : 0) }
                var run = 0
                while run < min(16, bytes.count), bytes[run] < 0x80, bytes[run] != 0 { run += 1 }
                return (key, UInt8(run), run == bytes.count)
            }
        }

        /// `a < b` when the keys decide it, `nil` when the titles must be compared.
        @inline(__always)
        static func less(_ a: TitleKey, _ b: TitleKey) -> Bool? {
            let differ = a.prefix ^ b.prefix
            guard differ != 0 else { return nil }
            // The first differing byte (the key's top byte is always zero).
            let d = (differ.leadingZeroBitCount - 8) / 8
            guard a.isASCII || d + 1 < Int(a.asciiRun), b.isASCII || d + 1 < Int(b.asciiRun) else { return nil }
            return a.prefix < b.prefix
        }
    }

    /// The cache being loaded while the folders are walked.
    private final class PendingCache: @unchecked Sendable {
        let group = DispatchGroup()
        var lines: IndexCache.Lines?
    }

    /// A key whose unsigned order is the newest-first order of `time` (the IEEE 754 bits
    /// made monotonic, then inverted; -0 counts as 0).
    static func descendingKey(_ time: Double) -> UInt64 {
        let bits = (time == 0 ? 0 : time).bitPattern
        let ascending = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
        return ~ascending
    }

    /// The entry with this id, if the library has it.
    public func entry(id: ArticleID) -> LibraryEntry? {
        indexByID.position(of: id).map { entries[$0] }
    }

    /// Position of the entry with this id in ``entries``.
    public func index(of id: ArticleID) -> Int? { indexByID.position(of: id) }

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
        let data = Data(try readFile(atPath: path))
        if HTMLArticleParser.looksLikeHTML(data) { return try HTMLArticleParser.parse(data: data, url: url) }
        return try ArticleParser.parse(data: data)
    }

    /// Reads and parses one file for its index entry (no generated summary); a file the
    /// walk left unexamined gets its size and time from the read's `fstat`.
    static func indexFile(_ file: inout FoundFile) throws -> Article {
        // Refused by the parser anyway: do not read it first.
        if file.size > ArticleParser.maximumBytes { throw ArticleParseError.tooLarge(bytes: file.size) }
        var status = stat()
        let bytes = try readFile(atPath: file.path, sizeHint: file.size, status: &status)
        if file.isUnexamined {
            file.size = Int(status.st_size)
            file.modified = FileWalker.mtime(status)
        }
        if HTMLArticleParser.looksLikeHTML(bytes) {
            return try HTMLArticleParser.parse(bytes: bytes, url: nil, httpCharset: nil, generatingSummary: false)
        }
        return try ArticleParser.parseForIndex(bytes: bytes)
    }

    /// Why a file could not be read, in a few words.
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    /// The bytes of a regular file, read with `open`/`read` into one buffer sized from
    /// `fstat` (or `sizeHint`). Anything but a regular file (a FIFO, socket or device that
    /// took a file's place) is refused before a byte is read: the open does not block
    /// (`O_NONBLOCK`) and the descriptor is checked first. A file that grows past the
    /// parser's limit while read is refused as too large.
    static func readFile(atPath path: String, sizeHint: Int = 0) throws -> [UInt8] {
        var status = stat()
        return try readFile(atPath: path, sizeHint: sizeHint, status: &status)
    }

    /// As ``readFile(atPath:sizeHint:)``, leaving the file's `fstat` in `st`.
    static func readFile(atPath path: String, sizeHint: Int, status st: inout stat) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw ReadError(description: FileWalker.errnoMessage(errno)) }
        defer { close(fd) }
        guard fstat(fd, &st) == 0 else { throw ReadError(description: FileWalker.errnoMessage(errno)) }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw ReadError(description: (st.st_mode & S_IFMT) == S_IFDIR ? "is a folder" : "not a regular file")
        }
        let limit = ArticleParser.maximumBytes
        if Int(st.st_size) > limit { throw ArticleParseError.tooLarge(bytes: Int(st.st_size)) }
        // One more byte than expected: a grown file is noticed and the buffer doubled.
        var bytes = [UInt8](repeating: 0, count: max(Int(st.st_size), sizeHint, 0) + 1)
        var total = 0
        while true {
            if total == bytes.count {
                guard total <= limit else { throw ArticleParseError.tooLarge(bytes: total) }
                bytes.append(contentsOf: repeatElement(0, count: bytes.count))
            }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + total, $0.count - total) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError(description: FileWalker.errnoMessage(errno))
            }
            if n == 0 { break }
            total += n
        }
        if total > limit { throw ArticleParseError.tooLarge(bytes: total) }
        bytes.removeLast(bytes.count - total)
        return bytes
    }

    /// One line for a person: the parser's description or the system's reason.
    public static func describe(_ error: Error) -> String {
        if let parseError = error as? ArticleParseError { return parseError.description }
        if let readError = error as? ReadError { return readError.description }
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
