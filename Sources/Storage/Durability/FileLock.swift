import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `flock` on the state folder's lock file, held until ``unlock()``.
final class FileLock {
    private var fd: Int32

    /// Opens (creating with mode 0600) and locks `url` exclusively, waiting for other holders.
    /// In a folder that cannot be written, an existing lock file is locked read-only.
    init(_ url: URL) throws(StorageIOError) {
        var fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 {
            let code = errno
            fd = open(url.path, O_RDONLY | O_CLOEXEC)
            if fd < 0 { throw StorageIOError("lock", url.path, code: code) }
        }
        try Self.lock(fd, LOCK_EX, url)
        self.fd = fd
    }

    /// A shared lock on an existing lock file, never creating it (read-only stores); `nil`
    /// when there is no lock file.
    init?(sharedExisting url: URL) {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0, (try? Self.lock(fd, LOCK_SH, url)) != nil else { return nil }
        self.fd = fd
    }

    private static func lock(_ fd: Int32, _ operation: Int32, _ url: URL) throws(StorageIOError) {
        while flock(fd, operation) != 0 {
            if errno == EINTR { continue }
            let code = errno
            close(fd)
            throw StorageIOError("lock", url.path, code: code)
        }
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
