import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Crash-safe writing of whole files: after a crash at any moment, a file holds either its
/// old complete contents or its new complete contents, never a mix.
///
/// One file (``write(_:to:)``): write a temporary file in the same folder (mode 0600),
/// `fsync` it, `rename` it over the target, `fsync` the folder. Many files
/// (``writeBatch(_:removing:flush:)``, in DurableFile+Batch.swift): every file is flushed
/// before any rename (a renamed file that was never flushed could be empty or partial after a
/// crash, the ALICE study's most common bug), then all are renamed and each folder is synced
/// once. On any failure the old files are untouched, temporary files are removed, and the
/// error (with its `errno`) is thrown; nothing is retried.
public struct DurableFile: Sendable {
    /// The file-system layer (``POSIXFileSystem`` except in tests).
    public let fileSystem: any FileSystem

    /// Uses `fileSystem` for every step.
    public init(fileSystem: any FileSystem = POSIXFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// Replaces (or creates) `url` with `bytes`, durably, with mode 0600.
    public func write(_ bytes: some ContiguousBytes, to url: URL) throws(StorageIOError) {
        try writeBatch([(url, bytes)], flush: .eachFile)
    }

    /// Replaces `url` with bytes produced in pieces by `produce` (which calls its argument
    /// with each piece, e.g. a 50 MB snapshot written 1 MB at a time), with the same
    /// guarantees as ``write(_:to:)``.
    public func write(
        to url: URL, _ produce: (_ emit: ([UInt8]) throws(StorageIOError) -> Void) throws(StorageIOError) -> Void
    ) throws(StorageIOError) {
        let temporary = Self.temporaryPath(for: url)
        let fd = try create(temporary, for: url)
        do throws(StorageIOError) {
            defer { fileSystem.close(fd) }
            try produce { (piece: [UInt8]) throws(StorageIOError) in
                try Self.write(piece, fd, url.path, fileSystem)
            }
            try fileSystem.sync(fd, path: url.path)
        } catch {
            fileSystem.remove(temporary)
            throw error
        }
        do throws(StorageIOError) {
            try fileSystem.rename(temporary, to: url.path)
        } catch {
            fileSystem.remove(temporary)
            throw error
        }
        try fileSystem.syncFolder(url.deletingLastPathComponent().path)
    }

    /// Creates the temporary file; a failure names the file being written, not the
    /// temporary one (so the same problem gives the same message every time).
    func create(_ temporary: String, for url: URL) throws(StorageIOError) -> Int32 {
        do { return try fileSystem.createExclusive(temporary) } catch {
            throw StorageIOError("write", url.path, code: error.code)
        }
    }

    /// All of `bytes` to `fd` through the file-system layer.
    static func write(_ bytes: some ContiguousBytes, _ fd: Int32, _ path: String, _ fileSystem: any FileSystem) throws(StorageIOError) {
        var failure: StorageIOError?
        bytes.withUnsafeBytes { buffer in
            do throws(StorageIOError) { try fileSystem.write(fd, buffer, path: path) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// The prefix of temporary files for `name`: `.NAME.tmp-` (leftovers of a killed writer
    /// can be found and removed by it).
    public static func temporaryPrefix(for name: String) -> String { "." + name + ".tmp-" }

    /// `.NAME.tmp-PID-N` in the same folder as `url`.
    static func temporaryPath(for url: URL) -> String {
        temporaryPath(folder: url.deletingLastPathComponent().path, name: url.lastPathComponent)
    }

    /// The file's bytes, or `nil` when it does not exist.
    public static func contents(of url: URL) throws(StorageIOError) -> Data? {
        let path = url.path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw StorageIOError("read", path, code: errno)
        }
        defer { close(fd) }
        return try contents(of: fd, path: path, from: 0)
    }

    /// The bytes of an open file from `offset` to its end.
    static func contents(of fd: Int32, path: String, from offset: Int64) throws(StorageIOError) -> Data {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StorageIOError("read", path, code: errno) }
        if (info.st_mode & S_IFMT) != S_IFREG { throw StorageIOError("read", path, code: EISDIR) }
        var data = Data(count: max(Int(info.st_size - off_t(offset)), 0) + 1)
        var total = 0
        while true {
            if total == data.count { data.count += max(4096, data.count / 2) }
            let count = data.withUnsafeMutableBytes { buffer in
                pread(fd, buffer.baseAddress! + total, buffer.count - total, off_t(offset) + off_t(total))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw StorageIOError("read", path, code: errno)
            }
            if count == 0 { break }
            total += count
        }
        data.count = total
        return data
    }

    /// Renames `url` to `NAME.<label>-<UTC time>` (adding `-2`, `-3`... if that exists), never
    /// replacing another file, and returns the new name. `label` is `corrupt` for a damaged
    /// file moved aside, `bak` for a migrated one.
    static func moveAside(_ url: URL, at time: StateTime, label: String = "corrupt") throws(StorageIOError) -> String {
        let folder = url.deletingLastPathComponent().path
        let stamp = time.description.filter { $0 != "-" && $0 != ":" }  // 20240501T100000.123Z
        let base = url.lastPathComponent + "." + label + "-" + stamp
        var name = base
        var n = 1
        while access(folder + "/" + name, F_OK) == 0 {
            n += 1
            name = base + "-\(n)"
        }
        if link(url.path, folder + "/" + name) != 0 {
            // Filesystems without hard links: the name was checked free under the lock.
            if rename(url.path, folder + "/" + name) != 0 { throw StorageIOError("move aside", url.path, code: errno) }
        } else if unlink(url.path) != 0 {
            let code = errno
            unlink(folder + "/" + name)
            throw StorageIOError("move aside", url.path, code: code)
        }
        syncFolder(folder)
        return name
    }

    /// `fsync` on a folder, ignoring failures (after moving a file aside).
    static func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Removes temporary files left by killed writers (call while holding the lock).
    static func removeLeftovers(in folder: URL, prefixes: [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where prefixes.contains(where: { name.hasPrefix($0) }) {
            unlink(folder.path + "/" + name)
        }
    }

    private static let serialLock = NSLock()
    nonisolated(unsafe) private static var serial = 0

    static func nextSerial() -> Int {
        serialLock.withLock {
            serial += 1
            return serial
        }
    }
}
