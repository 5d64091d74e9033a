import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file found while walking the library folders, with what `stat` said of it.
struct FoundFile: Hashable, Sendable {
    var path: String
    var size: Int
    /// Modification time in nanoseconds since 1970.
    var modified: Int64

    /// The date to list the file under when its text has none (see ``FileDate``).
    var fallbackDate: Date { FileDate.fallback(path: path, modified: modified) }
}

/// Walks folders with `readdir`/`stat` (much faster than `FileManager` on Linux at 100,000
/// files), skipping hidden entries and sorting out non-article files.
enum FileWalker {
    /// Extensions (lowercased) treated as article files when found inside a folder.
    static let articleExtensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm"]

    struct Result {
        var files: [FoundFile] = []
        var notices: [LibraryNotice] = []
    }

    /// Finds article files under `paths`. A path that names a file is taken whatever its
    /// extension; inside folders only ``articleExtensions`` are taken.
    static func walk(_ paths: [String]) -> Result {
        var result = Result()
        // Paths found under one root are all different; only several roots can repeat a file.
        var seen = Set<String>()
        let checksRepeats = paths.count > 1
        for raw in paths {
            let path = absolute(raw)
            var st = stat()
            guard stat(path, &st) == 0 else {
                result.notices.append(LibraryNotice(path: raw, message: errnoMessage(errno)))
                continue
            }
            if isDirectory(st) {
                walkDirectory(path, into: &result, seen: &seen, checksRepeats: checksRepeats, parallel: !checksRepeats)
            } else if isRegular(st) {
                if !checksRepeats || seen.insert(path).inserted {
                    result.files.append(FoundFile(path: path, size: Int(st.st_size), modified: mtime(st)))
                }
            } else {
                result.notices.append(LibraryNotice(path: raw, message: "not a regular file or folder"))
            }
        }
        return result
    }

    /// Walks one folder: its files in `readdir` order, then its subfolders sorted by path.
    /// With `parallel`, the subfolders are walked on all cores (each into its own result,
    /// joined in the same order), which needs `checksRepeats` off.
    private static func walkDirectory(
        _ directory: String, into result: inout Result, seen: inout Set<String>, checksRepeats: Bool,
        parallel: Bool = false
    ) {
        guard let dir = opendir(directory) else {
            result.notices.append(LibraryNotice(path: directory, message: errnoMessage(errno)))
            return
        }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var subdirectories: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }  // hidden files, ".", ".."
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var st = stat()
            // `fstatat` relative to the open folder: what `stat(path)` gives, without resolving the path again.
            guard (fd >= 0 ? fstatat(fd, name, &st, 0) : stat(path, &st)) == 0 else {
                result.notices.append(LibraryNotice(path: path, message: errnoMessage(errno)))
                continue
            }
            if isDirectory(st) {
                subdirectories.append(path)
            } else if isRegular(st) {
                let ext = FileWalker.pathExtension(name)
                if articleExtensions.contains(ext) {
                    if !checksRepeats || seen.insert(path).inserted {
                        result.files.append(FoundFile(path: path, size: Int(st.st_size), modified: mtime(st)))
                    }
                } else {
                    let kind = ext.isEmpty ? "no extension" : ".\(ext)"
                    result.notices.append(LibraryNotice(path: path, message: "skipped: not an article file (\(kind))"))
                }
            }
        }
        let sorted = subdirectories.sorted()
        if parallel && !checksRepeats && sorted.count > 1 {
            var parts = [Result](repeating: Result(), count: sorted.count)
            parts.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let out = buffer
                DispatchQueue.concurrentPerform(iterations: sorted.count) { k in
                    var part = Result()
                    var unused = Set<String>()
                    walkDirectory(sorted[k], into: &part, seen: &unused, checksRepeats: false)
                    out[k] = part
                }
            }
            for part in parts {
                result.files.append(contentsOf: part.files)
                result.notices.append(contentsOf: part.notices)
            }
            return
        }
        for subdirectory in sorted {
            walkDirectory(subdirectory, into: &result, seen: &seen, checksRepeats: checksRepeats)
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

    private static func mtime(_ st: stat) -> Int64 {
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
        // Days from the civil date (Howard Hinnant's algorithm), then seconds.
        let yy = m <= 2 ? y - 1 : y
        let era = yy / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Date(timeIntervalSince1970: Double(days) * 86_400)
    }
}
