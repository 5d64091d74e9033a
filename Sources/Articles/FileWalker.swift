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

    var modificationDate: Date { Date(timeIntervalSince1970: Double(modified) / 1e9) }
}

/// Walks folders with `readdir`/`stat` (much faster than `FileManager` on Linux at 100,000
/// files), skipping hidden entries and sorting out non-article files.
enum FileWalker {
    /// Extensions (lowercased) treated as article files when found inside a folder.
    static let articleExtensions: Set<String> = ["txt", "text", "md", "markdown"]

    struct Result {
        var files: [FoundFile] = []
        var notices: [LibraryNotice] = []
    }

    /// Finds article files under `paths`. A path that names a file is taken whatever its
    /// extension; inside folders only ``articleExtensions`` are taken.
    static func walk(_ paths: [String]) -> Result {
        var result = Result()
        var seen = Set<String>()
        for raw in paths {
            let path = absolute(raw)
            var st = stat()
            guard stat(path, &st) == 0 else {
                result.notices.append(LibraryNotice(path: raw, message: errnoMessage(errno)))
                continue
            }
            if isDirectory(st) {
                walkDirectory(path, into: &result, seen: &seen)
            } else if isRegular(st) {
                if seen.insert(path).inserted {
                    result.files.append(FoundFile(path: path, size: Int(st.st_size), modified: mtime(st)))
                }
            } else {
                result.notices.append(LibraryNotice(path: raw, message: "not a regular file or folder"))
            }
        }
        return result
    }

    private static func walkDirectory(_ directory: String, into result: inout Result, seen: inout Set<String>) {
        guard let dir = opendir(directory) else {
            result.notices.append(LibraryNotice(path: directory, message: errnoMessage(errno)))
            return
        }
        defer { closedir(dir) }
        var subdirectories: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }  // hidden files, ".", ".."
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var st = stat()
            guard stat(path, &st) == 0 else {
                result.notices.append(LibraryNotice(path: path, message: errnoMessage(errno)))
                continue
            }
            if isDirectory(st) {
                subdirectories.append(path)
            } else if isRegular(st) {
                let ext = (name as NSString).pathExtension.lowercased()
                if articleExtensions.contains(ext) {
                    if seen.insert(path).inserted {
                        result.files.append(FoundFile(path: path, size: Int(st.st_size), modified: mtime(st)))
                    }
                } else {
                    let kind = ext.isEmpty ? "no extension" : ".\(ext)"
                    result.notices.append(LibraryNotice(path: path, message: "skipped: not an article file (\(kind))"))
                }
            }
        }
        for subdirectory in subdirectories.sorted() {
            walkDirectory(subdirectory, into: &result, seen: &seen)
        }
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
