import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive `flock` on `feeds.lock` in the data folder, held while subscriptions and feed
/// state are read, changed and written, so two refreshes (or a refresh and an `add`) never
/// lose each other's changes.
public final class FeedsLock {
    private var fd: Int32

    /// Takes the lock, waiting for another holder.
    public init(_ url: URL) throws(FetchFailure) {
        try DurableBatch.prepareFolder(url.deletingLastPathComponent())
        fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 { throw FetchFailure("cannot open \(url.path): \(String(cString: strerror(errno)))") }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let code = errno
            close(fd)
            throw FetchFailure("cannot lock \(url.path): \(String(cString: strerror(code)))")
        }
    }

    /// Releases the lock.
    public func unlock() {
        guard fd >= 0 else { return }
        _ = flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { unlock() }
}
