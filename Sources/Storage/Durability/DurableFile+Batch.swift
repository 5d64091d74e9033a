import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a batch makes its files durable before they replace their targets.
public enum BatchFlush: Sendable {
    /// An `fsync` per file: for a few files, or where one flush of the file system would
    /// also flush other programs' unrelated writes for nothing.
    case eachFile
    /// One `syncfs` of each file system the batch writes to, for many files (10,000 article
    /// files: one flush instead of 10,000). Where the system has no `syncfs` each file is
    /// synced instead; a batch of one file is always synced alone (cheaper and the same).
    case wholeFileSystem
}

extension DurableFile {
    /// Writes every `(url, bytes)` with mode 0600 (each URL at most once) and then removes
    /// `removals`, durably, through ``fileSystem``.
    ///
    /// Files are written under temporary names beside their targets, flushed as `flush`
    /// says, renamed over their targets, the removals unlinked, and each folder touched
    /// synced once. A folder that does not exist yet (its parent must) is written whole as
    /// a temporary folder (mode 0700) under the final file names and renamed into place in
    /// one step, so a new feed's 10,000 files need no renames and appear all at once or not
    /// at all. After a crash each file is old or new and complete (some may be new and
    /// others old); temporary names start with `.` and hold `.tmp-`
    /// (see ``isTemporaryName(_:)``). On a failure before the renames nothing visible
    /// changed and the temporaries are removed; the error is thrown, never retried.
    public func writeBatch<Bytes: ContiguousBytes>(
        _ files: [(URL, Bytes)], removing removals: [URL] = [], flush: BatchFlush = .eachFile
    ) throws(StorageIOError) {
        try writeBatch(paths: files.map { ($0.0.path, $0.1) }, removing: removals.map(\.path), flush: flush)
    }

    /// As ``writeBatch(_:removing:flush:)`` with file-system paths instead of URLs (no URL
    /// work per file). Each file of a new folder is created by name relative to the open
    /// temporary folder (see ``FileSystem/openFolder(_:)``).
    public func writeBatch<Bytes: ContiguousBytes>(
        paths files: [(String, Bytes)], removing removals: [String] = [], flush: BatchFlush = .eachFile
    ) throws(StorageIOError) {
        let writer = DurableBatchWriter(fileSystem: fileSystem, flush: flush)
        // Every new folder's temporary stand-in first, then the files.
        for (path, _) in files { try writer.prepareFolder(of: path) }
        for (path, bytes) in files { try writer.add(path: path, bytes: bytes) }
        try writer.finish(removing: removals)
    }

    /// `.NAME.tmp-PID-N` in `folder`.
    static func temporaryPath(folder: String, name: String) -> String {
        folder + "/" + temporaryName(for: name)
    }

    /// `.NAME.tmp-PID-N`, a fresh temporary name for `name`.
    static func temporaryName(for name: String) -> String {
        temporaryPrefix(for: name) + "\(getpid())-\(nextSerial())"
    }

    /// `path` split at its last `/`: the folder (`/` for a file at the root, `.` for a bare
    /// name) and the name.
    static func splitPath(_ path: String) -> (folder: String, name: String) {
        let utf8 = path.utf8
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return (".", path) }
        let folder = slash == utf8.startIndex ? "/" : String(path[..<slash])
        return (folder, String(path[path.index(after: slash)...]))
    }

    /// Whether `name` is a temporary file or folder of a durable write (`.NAME.tmp-…`).
    public static func isTemporaryName(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".tmp-")
    }
}
