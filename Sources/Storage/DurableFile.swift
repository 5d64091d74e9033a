import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file reads and crash-safe replacement of files, with POSIX calls.
enum DurableFile {
    /// The file's bytes, or `nil` when it does not exist.
    static func contents(of url: URL) throws(StorageIOError) -> Data? {
        let path = url.path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw StorageIOError("read", path, code: errno)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StorageIOError("read", path, code: errno) }
        if (info.st_mode & S_IFMT) != S_IFREG { throw StorageIOError("read", path, code: EISDIR) }
        var data = Data(count: max(Int(info.st_size), 0) + 1)
        var total = 0
        while true {
            if total == data.count { data.count += max(4096, data.count / 2) }
            let count = data.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + total, buffer.count - total)
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

    /// Replaces `url` with `bytes` so that no reader and no crash ever sees a partial
    /// file: write a temporary file in the same folder (mode 0600), `fsync` it, `rename`
    /// it over `url`, then `fsync` the folder. On failure the old file is untouched and the
    /// temporary file removed.
    static func replace(_ url: URL, with bytes: [UInt8], temporaryPrefix: String) throws(StorageIOError) {
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/" + temporaryPrefix + "\(getpid())-\(nextSerial())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 { throw StorageIOError("write", url.path, code: errno) }
        var failure: StorageIOError?
        if fchmod(fd, 0o600) != 0 { failure = StorageIOError("write", url.path, code: errno) }
        if failure == nil {
            failure = bytes.withUnsafeBytes { buffer -> StorageIOError? in
                var offset = 0
                while offset < buffer.count {
                    let count = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if count < 0 {
                        if errno == EINTR { continue }
                        return StorageIOError("write", url.path, code: errno)
                    }
                    offset += count
                }
                return nil
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = StorageIOError("write", url.path, code: errno) }
        if close(fd) != 0 && failure == nil { failure = StorageIOError("write", url.path, code: errno) }
        if failure == nil && rename(temporary, url.path) != 0 { failure = StorageIOError("write", url.path, code: errno) }
        if let failure {
            unlink(temporary)
            throw failure
        }
        syncFolder(folder)
    }

    /// `fsync` on a folder, so that a rename in it is durable.
    static func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Renames `url` to `NAME.corrupt-<UTC time>` (adding `-2`, `-3`... if that exists), never
    /// replacing another file, and returns the new name.
    static func moveAside(_ url: URL, at time: StateTime) throws(StorageIOError) -> String {
        let folder = url.deletingLastPathComponent().path
        let stamp = time.description.filter { $0 != "-" && $0 != ":" }  // 20240501T100000.123Z
        var name = url.lastPathComponent + ".corrupt-" + stamp
        var n = 1
        while access(folder + "/" + name, F_OK) == 0 {
            n += 1
            name = url.lastPathComponent + ".corrupt-" + stamp + "-\(n)"
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

    /// Removes temporary files left by killed writers (call while holding the lock).
    static func removeLeftovers(in folder: URL, prefixes: [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where prefixes.contains(where: { name.hasPrefix($0) }) {
            unlink(folder.path + "/" + name)
        }
    }

    private static let serialLock = NSLock()
    nonisolated(unsafe) private static var serial = 0

    private static func nextSerial() -> Int {
        serialLock.withLock {
            serial += 1
            return serial
        }
    }
}

/// An exclusive `flock` on the state folder's lock file, held until ``unlock()``.
final class FileLock {
    private var fd: Int32

    /// Opens (creating with mode 0600) and locks `url`, waiting for other holders.
    /// In a folder that cannot be written, an existing lock file is locked read-only.
    init(_ url: URL) throws(StorageIOError) {
        var fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 {
            let code = errno
            fd = open(url.path, O_RDONLY | O_CLOEXEC)
            if fd < 0 { throw StorageIOError("lock", url.path, code: code) }
        }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let code = errno
            close(fd)
            throw StorageIOError("lock", url.path, code: code)
        }
        self.fd = fd
    }

    /// Releases the lock.
    func unlock() {
        guard fd >= 0 else { return }
        _ = flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { unlock() }
}
