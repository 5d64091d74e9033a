import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Many file replacements made durable together, with the same guarantees as one
/// durable write (no reader or crash sees a partial file; mode 0600 in 0700 folders) but
/// one flush for the whole batch instead of one `fsync` pair per file.
///
/// ``commit()`` writes every file to a temporary name beside its target, flushes them
/// all at once (`syncfs` on Linux; one `fsync` for a batch of one), renames each over its
/// target, removes the files marked for removal, and finally `fsync`s each folder touched
/// once. A crash before the renames leaves only temporary files (removed by the next
/// commit in that folder); a crash after leaves whole new files.
public struct DurableBatch {
    private var writes: [(url: URL, bytes: [UInt8])] = []
    private var removals: [URL] = []

    /// An empty batch.
    public init() {}

    /// Whether nothing was added.
    public var isEmpty: Bool { writes.isEmpty && removals.isEmpty }

    /// Number of files to write.
    public var count: Int { writes.count }

    /// Schedules `url` to be replaced by `bytes`.
    public mutating func add(_ url: URL, bytes: [UInt8]) { writes.append((url, bytes)) }

    /// Schedules `url` to be removed after the new files are in place.
    public mutating func remove(_ url: URL) { removals.append(url) }

    static let temporaryPrefix = ".bulletin-tmp-"

    /// Writes, flushes and renames everything (see the type's description).
    public func commit() throws(FetchFailure) {
        var temporaries: [String] = []
        temporaries.reserveCapacity(writes.count)
        var folders = Set<String>()
        func cleanUp() { for path in temporaries { unlink(path) } }
        var lastFD: Int32 = -1
        for (index, write) in writes.enumerated() {
            let folder = write.url.deletingLastPathComponent().path
            folders.insert(folder)
            let temporary = folder + "/" + DurableBatch.temporaryPrefix + "\(getpid())-\(DurableBatch.nextSerial())"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd < 0 {
                let code = errno
                cleanUp()
                throw FetchFailure("cannot write \(write.url.path): \(String(cString: strerror(code)))")
            }
            temporaries.append(temporary)
            if let code = DurableBatch.writeAll(fd, write.bytes) ?? (fchmod(fd, 0o600) == 0 ? nil : errno) {
                close(fd)
                cleanUp()
                throw FetchFailure("cannot write \(write.url.path): \(String(cString: strerror(code)))")
            }
            if writes.count == 1 && index == 0 {
                lastFD = fd  // a batch of one: fsync this file alone
            } else {
                close(fd)
            }
        }
        if lastFD >= 0 {
            let failed = fsync(lastFD) != 0
            let code = errno
            close(lastFD)
            if failed {
                cleanUp()
                throw FetchFailure("cannot write \(writes[0].url.path): \(String(cString: strerror(code)))")
            }
        } else if let folder = folders.first {
            // A failed flush is a failed save: only a kernel without syncfs falls back to sync().
            let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            let code: Int32? = fd < 0 ? errno : (bulletin_syncfs(fd) == 0 ? nil : errno)
            if fd >= 0 { close(fd) }
            if let code {
                if code == ENOSYS {
                    sync()
                } else {
                    cleanUp()
                    throw FetchFailure("cannot write \(folder): \(String(cString: strerror(code)))")
                }
            }
        }
        for (write, temporary) in zip(writes, temporaries) where rename(temporary, write.url.path) != 0 {
            let code = errno
            cleanUp()
            throw FetchFailure("cannot write \(write.url.path): \(String(cString: strerror(code)))")
        }
        for url in removals {
            folders.insert(url.deletingLastPathComponent().path)
            unlink(url.path)
        }
        for folder in folders.sorted() {
            if let code = DurableBatch.syncFolder(folder) {
                throw FetchFailure("cannot write \(folder): \(String(cString: strerror(code)))")
            }
        }
    }

    /// Creates `folder` and its missing parents with mode 0700.
    public static func prepareFolder(_ folder: URL) throws(FetchFailure) {
        var current = ""
        for component in folder.standardizedFileURL.path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                throw FetchFailure("cannot create \(current): \(String(cString: strerror(errno)))")
            }
        }
        var info = stat()
        guard stat(folder.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw FetchFailure("not a folder: \(folder.path)")
        }
    }

    /// Removes temporary files left in `folder` by a killed writer.
    public static func removeLeftovers(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(temporaryPrefix) { unlink(folder.path + "/" + name) }
    }

    /// `fsync`s a folder so that renames in it are durable; returns errno on failure.
    static func syncFolder(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        return fsync(fd) == 0 ? nil : errno
    }

    /// Writes all bytes, retrying on EINTR; returns errno on failure.
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
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

/// `syncfs(2)`: flushes the whole file system holding `fd` (Linux; declared here because
/// the Glibc module does not always export GNU extensions).
@_silgen_name("syncfs")
private func bulletin_syncfs(_ fd: Int32) -> Int32
