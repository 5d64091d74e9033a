import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file found while walking the library folders, with what `stat` said of it.
///
/// A walk that leaves regular files unexamined (``FileWalker/walk(_:parallel:splitAt:statFiles:)``)
/// gives them a ``size`` of -1 and no key: whoever opens the file learns the rest from `fstat`.
struct FoundFile: Hashable, Sendable {
    var path: String
    /// Size in bytes, or -1 when the file was not examined yet.
    var size: Int
    /// Modification time in nanoseconds since 1970.
    var modified: Int64
    /// Device and inode: the same file reached by two paths has the same key.
    var key = FileKey(device: 0, inode: 0)
    /// Whether the path goes through a symbolic link found in a folder (such a path gives
    /// way to a real path of the same file).
    var viaLink = false

    /// Whether the walk left this file for its reader to `fstat`.
    var isUnexamined: Bool { size < 0 }

    /// Fills size, time and key from a `stat` of the path; `false` (with `errno` set) when
    /// the file cannot be examined now.
    mutating func examine() -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        size = Int(st.st_size)
        modified = FileWalker.mtime(st)
        key = FileKey(st)
        return true
    }

    /// The date to list the file under when its text has none (see ``FileDate``).
    var fallbackDate: Date { FileDate.fallback(path: path, modified: modified) }
}

/// A file's identity on this machine: device and inode.
struct FileKey: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    init(_ st: stat) {
        self.init(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }
}

/// Walks folders with `readdir`/`stat` (much faster than `FileManager` on Linux at 100,000
/// files), skipping hidden entries and sorting out non-article files.
///
/// Hostile folders are safe to walk: each folder is entered once by (device, inode), so a
/// symbolic link back up the tree (`a/up -> ..`) or to the root (`a/root -> /abs/lib`)
/// gives one notice instead of endless paths; FIFOs, sockets, devices and links to them
/// are never opened; names that are not UTF-8 are reported escaped instead of guessed at.
enum FileWalker {
    /// Extensions (lowercased) treated as article files when found inside a folder.
    static let articleExtensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm"]

    struct Result {
        var files: [FoundFile] = []
        var notices: [LibraryNotice] = []
        /// Symbolic links to folders, entered after every real folder (so a folder reached
        /// both ways is listed under its real path).
        var linkedFolders: [String] = []

        /// Adds `part`'s files, notices and linked folders after this result's own.
        mutating func append(_ part: Result) {
            files.append(contentsOf: part.files)
            notices.append(contentsOf: part.notices)
            linkedFolders.append(contentsOf: part.linkedFolders)
        }
    }

    /// Folders already entered, shared by the threads of one walk.
    final class Visited: @unchecked Sendable {
        private let lock = NSLock()
        private var keys = Set<FileKey>()

        /// Whether `key` was new (and is now taken).
        func insert(_ key: FileKey) -> Bool { lock.withLock { keys.insert(key).inserted } }
    }

    /// Finds article files under `paths`. A path that names a file is taken whatever its
    /// extension; inside folders only ``articleExtensions`` are taken. With `parallel`,
    /// the subfolders of each root are walked on every core (the result is the same).
    /// `splitAt` is the ``splitThreshold`` to use (tests). Without `statFiles`, a regular
    /// file with an article name in a folder is taken from its folder entry alone (see
    /// ``FoundFile/isUnexamined``), for a caller that reads every file anyway; files are
    /// still examined when the same file may be reached twice (several roots, links).
    static func walk(_ paths: [String], parallel: Bool = true, splitAt: Int = splitThreshold, statFiles: Bool = true) -> Result {
        let statFiles = statFiles || paths.count > 1
        var result = Result()
        let visited = Visited()
        for raw in paths {
            let path = absolute(raw)
            var st = stat()
            guard stat(path, &st) == 0 else {
                result.notices.append(LibraryNotice(path: raw, message: errnoMessage(errno)))
                continue
            }
            if isDirectory(st) {
                if !walkDirectory(path, visited: visited, into: &result, parallel: parallel, splitAt: splitAt, statFiles: statFiles) {
                    result.notices.append(LibraryNotice(path: raw, message: "skipped: folder already listed"))
                }
            } else if isRegular(st) {
                result.files.append(FoundFile(path: path, size: Int(st.st_size), modified: mtime(st), key: FileKey(st)))
            } else {
                result.notices.append(LibraryNotice(path: raw, message: "skipped: \(kindName(st.st_mode)), not a regular file or folder"))
            }
        }
        // Links to folders: each followed once, in the order found, after every real folder.
        var next = 0
        while next < result.linkedFolders.count {
            let link = result.linkedFolders[next]
            next += 1
            if !walkDirectory(link, visited: visited, into: &result, parallel: false, splitAt: splitAt, statFiles: statFiles) {
                result.notices.append(LibraryNotice(path: link, message: "skipped: link to a folder already listed"))
            }
        }
        result.linkedFolders = []
        if paths.count > 1 || result.files.contains(where: \.viaLink) {
            if !statFiles { examineLeftFiles(&result) }
            result.files = withoutRepeats(result.files)
        }
        return result
    }

    /// `stat`s the files a walk left unexamined (their keys tell repeats apart); one that
    /// cannot be examined now becomes a notice.
    private static func examineLeftFiles(_ result: inout Result) {
        var kept: [FoundFile] = []
        kept.reserveCapacity(result.files.count)
        for var file in result.files {
            if file.isUnexamined && !file.examine() {
                result.notices.append(LibraryNotice(path: file.path, message: errnoMessage(errno)))
                continue
            }
            kept.append(file)
        }
        result.files = kept
    }

    /// `files` with each file (by device and inode) once: under its first real path, else
    /// under its first path through a link.
    static func withoutRepeats(_ files: [FoundFile]) -> [FoundFile] {
        var owner: [FileKey: Int] = [:]
        owner.reserveCapacity(files.count)
        for pass in [false, true] {
            for (i, file) in files.enumerated() where file.viaLink == pass && owner[file.key] == nil {
                owner[file.key] = i
            }
        }
        return files.indices.filter { owner[files[$0].key] == $0 }.map { files[$0] }
    }

    /// Folders with at least this many entries are examined (`fstatat` per entry) on two
    /// threads when the walk is parallel: one large folder is otherwise one thread's work.
    static let splitThreshold = 2_048

    /// Walks one folder: its files in `readdir` order, then its subfolders sorted by path.
    /// Returns `false` (and walks nothing) when the folder was already entered. With
    /// `parallel`, the subfolders are walked on all cores (each into its own result,
    /// joined in the same order), and a folder of ``splitThreshold`` entries or more has
    /// its entries examined in two halves on two threads (joined in the same order).
    @discardableResult
    private static func walkDirectory(_ directory: String, visited: Visited, into result: inout Result, parallel: Bool,
                                      splitAt: Int, statFiles: Bool) -> Bool {
        // O_DIRECTORY: never opens anything else, even if the entry changed since it was seen.
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            result.notices.append(LibraryNotice(path: directory, message: errnoMessage(errno)))
            return true
        }
        var own = stat()
        guard fstat(fd, &own) == 0, visited.insert(FileKey(own)) else {
            close(fd)
            return false
        }
        guard let dir = fdopendir(fd) else {
            result.notices.append(LibraryNotice(path: directory, message: errnoMessage(errno)))
            close(fd)
            return true
        }
        defer { closedir(dir) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        // Every entry's name first, as bytes in one buffer (no string per name).
        var names = FolderNames()
        while let entry = readdir(dir) {
            let type = entry.pointee.d_type
            withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: UInt8.self, capacity: 256) { raw in
                    if raw[0] == UInt8(ascii: ".") { return }  // hidden files, ".", ".."
                    names.append(UnsafeBufferPointer(start: raw, count: strlen(UnsafeRawPointer(raw).assumingMemoryBound(to: CChar.self))), type: type)
                }
            }
        }
        var subdirectories: [String] = []
        var prefixBytes = Array(prefix.utf8)
        prefixBytes.withUnsafeMutableBufferPointer { prefixBuffer in
            nonisolated(unsafe) let prefixBytes = UnsafeBufferPointer(prefixBuffer)
            if parallel && names.count >= splitAt {
                let halves = [0..<names.count / 2, names.count / 2..<names.count]
                var parts = [(Result, [String])](repeating: (Result(), []), count: 2)
                parts.withUnsafeMutableBufferPointer { buffer in
                    nonisolated(unsafe) let out = buffer
                    nonisolated(unsafe) let names = names
                    DispatchQueue.concurrentPerform(iterations: 2) { k in
                        var part = Result()
                        var folders: [String] = []
                        examine(names, halves[k], in: fd, prefix: prefix, prefixBytes: prefixBytes, statFiles: statFiles, into: &part, subdirectories: &folders)
                        out[k] = (part, folders)
                    }
                }
                for (part, folders) in parts {
                    result.append(part)
                    subdirectories.append(contentsOf: folders)
                }
            } else {
                examine(names, 0..<names.count, in: fd, prefix: prefix, prefixBytes: prefixBytes, statFiles: statFiles, into: &result, subdirectories: &subdirectories)
            }
        }
        let sorted = subdirectories.sorted()
        if parallel && sorted.count > 1 {
            var parts = [Result](repeating: Result(), count: sorted.count)
            parts.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let out = buffer
                DispatchQueue.concurrentPerform(iterations: sorted.count) { k in
                    var part = Result()
                    // Still parallel: a large folder inside is split, and GCD runs nested work
                    // on the same threads.
                    walkDirectory(sorted[k], visited: visited, into: &part, parallel: true, splitAt: splitAt, statFiles: statFiles)
                    out[k] = part
                }
            }
            result.files.reserveCapacity(result.files.count + parts.reduce(0) { $0 + $1.files.count })
            for part in parts { result.append(part) }
            return true
        }
        for subdirectory in sorted {
            walkDirectory(subdirectory, visited: visited, into: &result, parallel: parallel, splitAt: splitAt, statFiles: statFiles)
        }
        return true
    }

    /// The names of one folder's entries (hidden ones left out), in `readdir` order: their
    /// bytes, each followed by a NUL, in one buffer.
    struct FolderNames {
        private(set) var bytes: [UInt8] = []
        /// Where each name starts in ``bytes``, its length and its `d_type`.
        private(set) var items: [(start: Int32, length: Int32, type: UInt8)] = []

        var count: Int { items.count }

        mutating func append(_ name: UnsafeBufferPointer<UInt8>, type: UInt8) {
            items.append((Int32(bytes.count), Int32(name.count), type))
            bytes.append(contentsOf: name)
            bytes.append(0)
        }
    }

    /// Examines entries `range` of a folder open as `fd`: `fstatat` for those that need it
    /// (relative to the folder, from the name's bytes), files taken or reported in order,
    /// subfolders collected. A path string is made only for entries that are kept or
    /// reported, straight from the folder's and the name's bytes when the name is ASCII.
    private static func examine(_ names: FolderNames, _ range: Range<Int>, in fd: Int32, prefix: String,
                                prefixBytes: UnsafeBufferPointer<UInt8>, statFiles: Bool, into result: inout Result,
                                subdirectories: inout [String]) {
        names.bytes.withUnsafeBufferPointer { all in
            for k in range {
                let item = names.items[k]
                let bytes = UnsafeBufferPointer(rebasing: all[Int(item.start)..<Int(item.start + item.length)])
                let cName = UnsafeRawPointer(all.baseAddress! + Int(item.start)).assumingMemoryBound(to: CChar.self)
                let type = item.type
                // The path: the folder's bytes and the name's when the name is ASCII (valid
                // UTF-8 as it is), else through validation.
                let path: String
                if isASCII(bytes) {
                    path = joined(prefixBytes, bytes)
                } else if String(validating: bytes, as: UTF8.self) != nil {
                    path = joined(prefixBytes, bytes)
                } else {
                    result.notices.append(LibraryNotice(path: prefix + escaped(bytes), message: "skipped: name is not valid UTF-8"))
                    continue
                }
                func name() -> String { String(decoding: bytes, as: UTF8.self) }
                switch Int(type) {
                case Int(DT_DIR):
                    subdirectories.append(path)
                case Int(DT_REG), Int(DT_LNK), Int(DT_UNKNOWN):
                    let articleName = type == DT_REG ? (isArticleName(bytes: bytes) ?? isArticleName(name())) : nil
                    if articleName == false {
                        result.notices.append(notArticle(path, name()))  // no `stat` needed
                        continue
                    }
                    if articleName == true && !statFiles {
                        result.files.append(FoundFile(path: path, size: -1, modified: 0))
                        continue
                    }
                    var st = stat()
                    // `fstatat` relative to the open folder, without following a link.
                    guard fstatat(fd, cName, &st, AT_SYMLINK_NOFOLLOW) == 0 else {
                        result.notices.append(LibraryNotice(path: path, message: errnoMessage(errno)))
                        continue
                    }
                    var viaLink = false
                    if isLink(st) {
                        viaLink = true
                        guard fstatat(fd, cName, &st, 0) == 0 else {
                            let reason = errno == ELOOP ? "a loop of links" : errno == ENOENT ? "target missing" : errnoMessage(errno)
                            result.notices.append(LibraryNotice(path: path, message: "skipped: broken link (\(reason))"))
                            continue
                        }
                    }
                    if isDirectory(st) {
                        if viaLink { result.linkedFolders.append(path) } else { subdirectories.append(path) }
                    } else if isRegular(st) {
                        // A regular file's folder entry already had its name checked.
                        if articleName == true || isArticleName(bytes: bytes) ?? isArticleName(name()) {
                            result.files.append(FoundFile(path: path, size: Int(st.st_size), modified: mtime(st), key: FileKey(st), viaLink: viaLink))
                        } else {
                            result.notices.append(notArticle(path, name()))
                        }
                    } else {
                        result.notices.append(LibraryNotice(path: path, message: "skipped: \(kindName(st.st_mode)), not a regular file"))
                    }
                default:
                    // FIFO, socket, device: reported from the folder entry alone, never opened or stat'ed.
                    result.notices.append(LibraryNotice(path: path, message: "skipped: \(typeName(type)), not a regular file"))
                }
            }
        }
    }

    /// Whether every byte is ASCII.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var any: UInt8 = 0
        for b in bytes { any |= b }
        return any < 0x80
    }

    /// `prefix` and `name` (both valid UTF-8) as one string, copied once.
    private static func joined(_ prefix: UnsafeBufferPointer<UInt8>, _ name: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: prefix.count + name.count) { out in
            _ = out.initialize(fromContentsOf: prefix)
            _ = UnsafeMutableBufferPointer(rebasing: out[prefix.count...]).initialize(fromContentsOf: name)
            return prefix.count + name.count
        }
    }

    /// Whether a file found in a folder is taken as an article (by its extension).
    static func isArticleName(_ name: String) -> Bool { articleExtensions.contains(pathExtension(name)) }

    /// ``isArticleName(_:)`` from a name's bytes, without making strings, for the names
    /// ``pathExtension(_:)`` reads on its fast path (an extension of one to eight ASCII
    /// letters and digits after a dot that neither starts the name nor follows a dot or
    /// slash); `nil` for any other name.
    static func isArticleName(bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let dot = bytes.lastIndex(of: 0x2E), dot > 0 else { return nil }
        let length = bytes.count - dot - 1
        let before = bytes[dot - 1]
        guard length >= 1, length <= 8, before != 0x2E, before != 0x2F else { return nil }
        var ext: UInt64 = 0  // the extension in ASCII lowercase, first byte lowest
        for k in 0..<length {
            let b = bytes[dot + 1 + k]
            guard FastText.isASCIIAlphanumeric(b) else { return nil }
            ext |= UInt64(ASCIICase.lower(b)) << (8 * UInt64(k))
        }
        return articleExtensionWords.contains(ext)
    }

    /// ``articleExtensions`` as the words ``isArticleName(bytes:)`` makes (an array: six
    /// compares cost less than hashing the word).
    private static let articleExtensionWords: [UInt64] = Array(articleExtensions.map { ext in
        ext.utf8.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    })

    private static func notArticle(_ path: String, _ name: String) -> LibraryNotice {
        let ext = pathExtension(name)
        return LibraryNotice(path: path, message: "skipped: not an article file (\(ext.isEmpty ? "no extension" : "." + ext))")
    }

    /// A name's bytes as text, with every byte that is not valid UTF-8 written `\xNN`.
    static func escaped(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            // The longest valid UTF-8 sequence at i (1 to 4 bytes), else one escaped byte.
            var taken = false
            for length in 1...4 where i + length <= bytes.count {
                if let piece = String(validating: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]), as: UTF8.self) {
                    out += piece
                    i += length
                    taken = true
                    break
                }
            }
            if !taken {
                out += "\\x" + String(bytes[i], radix: 16, uppercase: true).leftPadded(to: 2)
                i += 1
            }
        }
        return out
    }

    /// What a `d_type` names, for a notice.
    private static func typeName(_ type: UInt8) -> String {
        switch Int(type) {
        case Int(DT_FIFO): return "FIFO"
        case Int(DT_SOCK): return "socket"
        case Int(DT_CHR): return "character device"
        case Int(DT_BLK): return "block device"
        default: return "special file"
        }
    }

    /// What a `st_mode` names, for a notice.
    private static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "FIFO"
        case S_IFSOCK: return "socket"
        case S_IFCHR: return "character device"
        case S_IFBLK: return "block device"
        default: return "special file"
        }
    }

    /// `(name as NSString).pathExtension.lowercased()`, without bridging for the usual
    /// `name.txt` and `name.md` forms.
    static func pathExtension(_ name: String) -> String {
        let utf8 = name.utf8
        if let dot = utf8.lastIndex(of: 0x2E), dot != utf8.startIndex {
            let ext = utf8[utf8.index(after: dot)...]
            let before = utf8[utf8.index(before: dot)]
            if ext.count >= 1, ext.count <= 8, before != 0x2E, before != 0x2F,
               ext.allSatisfy(FastText.isASCIIAlphanumeric)
            {
                return String(Substring(ext)).lowercased()
            }
        }
        return (name as NSString).pathExtension.lowercased()
    }

    static func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return (expanded as NSString).standardizingPath }
        let cwd = FileManager.default.currentDirectoryPath
        return ((cwd as NSString).appendingPathComponent(expanded) as NSString).standardizingPath
    }

    private static func isDirectory(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFDIR }
    private static func isRegular(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFREG }
    private static func isLink(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFLNK }

    static func mtime(_ st: stat) -> Int64 {
        #if canImport(Darwin)
            return Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        #else
            return Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        #endif
    }

    static func errnoMessage(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// The date to list an article under when its text gives none.
enum FileDate {
    /// The `YYYY-MM-DD` that starts the file name (UTC midnight), as in
    /// `2024-03-11-harbour-ferries.txt`; otherwise the modification time.
    static func fallback(path: String, modified: Int64) -> Date {
        let utf8 = path.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        if let date = datePrefix(Array(utf8[start...].prefix(10))) { return date }
        return Date(timeIntervalSince1970: Double(modified) / 1e9)
    }

    /// Parses `YYYY-MM-DD` from exactly ten ASCII bytes.
    static func datePrefix(_ b: [UInt8]) -> Date? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                value = value * 10 + Int(b[i] - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
            (1970...2200).contains(y), (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        return Date(timeIntervalSince1970: Double(CivilDate.days(year: y, month: m, day: d)) * 86_400)
    }
}
