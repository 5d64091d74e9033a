import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file-system calls of every durable write, so that tests can fail or stop a save
/// after any step (see ``DurableStep``); production code uses ``POSIXFileSystem``.
///
/// Every method that changes the disk either completes its step or throws a one-line
/// ``StorageIOError`` carrying the `errno`; none of them retries a failed `fsync`.
public protocol FileSystem: Sendable {
    /// Creates `path` exclusively (`O_CREAT | O_EXCL`, mode 0600) for writing: the
    /// ``DurableStep/createTemporary`` step.
    func createExclusive(_ path: String) throws(StorageIOError) -> Int32
    /// Opens an existing journal for reading and appending (`O_RDWR | O_APPEND`); `nil` when
    /// it does not exist.
    func openForAppend(_ path: String) throws(StorageIOError) -> Int32?
    /// Writes all of `bytes` to a file made by ``createExclusive(_:)`` (``DurableStep/write``)
    /// or opened by ``openForAppend(_:)`` (``DurableStep/append``).
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(StorageIOError)
    /// `fsync` of a file: ``DurableStep/sync`` for a temporary file, ``DurableStep/syncAppend``
    /// for a journal.
    func sync(_ fd: Int32, path: String) throws(StorageIOError)
    /// Cuts a journal back to `length` bytes (removing a torn last line or a failed append).
    func truncate(_ fd: Int32, to length: Int64, path: String) throws(StorageIOError)
    /// Closes a descriptor.
    func close(_ fd: Int32)
    /// `rename(2)`: ``DurableStep/rename``.
    func rename(_ source: String, to destination: String) throws(StorageIOError)
    /// `fsync` on a folder so that a rename in it is durable: ``DurableStep/syncFolder``.
    func syncFolder(_ path: String) throws(StorageIOError)
    /// Removes a file, ignoring failures (temporary files after a failed write).
    func remove(_ path: String)
    /// Creates a folder with mode 0700 (a batch's temporary folder): ``DurableStep/createFolder``.
    func createFolder(_ path: String) throws(StorageIOError)
    /// Removes an empty folder, ignoring failures (a temporary folder after a failed write).
    func removeFolder(_ path: String)
    /// `syncfs(2)` on the file system holding `path`, flushing every file written on it:
    /// ``DurableStep/syncFileSystem``. Throws `ENOSYS` where the system has no `syncfs`
    /// (the caller then syncs file by file); any other failure is a failed save.
    func syncFileSystem(_ path: String) throws(StorageIOError)
    /// Removes a file a batch replaces or drops (a missing file is not an error):
    /// ``DurableStep/remove``.
    func removeFile(_ path: String) throws(StorageIOError)
    /// Opens a folder a batch creates many files in, so that each is created by name
    /// relative to it (``createExclusive(_:inFolder:at:)``); `nil` creates them by path.
    func openFolder(_ path: String) -> Int32?
    /// Creates `name` exclusively (mode 0600) in the folder at `path`, opened as `folder` by
    /// ``openFolder(_:)`` when that gave a descriptor: the ``DurableStep/createTemporary`` step.
    func createExclusive(_ name: String, inFolder folder: Int32?, at path: String) throws(StorageIOError) -> Int32
    /// Starts writing out the file system holding `path` while a batch is still being
    /// written (`syncfs(2)`, called on another thread), so that the batch's own flush has
    /// less left to do. Not a durable step (the batch's ``syncFileSystem(_:)`` still follows
    /// and decides); a failure is thrown and fails the batch, since a later flush might no
    /// longer report it. Does nothing by default and where there is no `syncfs`.
    func flushAhead(_ path: String) throws(StorageIOError)
}

extension FileSystem {
    /// Nothing is written out ahead.
    public func flushAhead(_ path: String) throws(StorageIOError) {}

    /// No folder descriptor: files are created by path.
    public func openFolder(_ path: String) -> Int32? { nil }

    /// ``createExclusive(_:)`` of `path/name`.
    public func createExclusive(_ name: String, inFolder folder: Int32?, at path: String) throws(StorageIOError) -> Int32 {
        try createExclusive(path + "/" + name)
    }
}

/// The steps of a durable write, in order. A whole-file write is `createTemporary`,
/// `write`, `sync`, `rename`, `syncFolder`; a journal change is `append`, `syncAppend`; a
/// batch flushed as a whole is `createFolder` (for a folder that did not exist), then
/// `createTemporary` and `write` for each file, `syncFileSystem`, `rename`s, `remove`s and a
/// `syncFolder` per folder.
public enum DurableStep: String, CaseIterable, Sendable {
    case createTemporary, write, sync, rename, syncFolder, append, syncAppend
    case createFolder, syncFileSystem, remove
}

/// ``FileSystem`` with the POSIX calls.
public struct POSIXFileSystem: FileSystem {
    /// Creates the real file system.
    public init() {}

    public func createExclusive(_ path: String) throws(StorageIOError) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 { throw StorageIOError("create", path, code: errno) }
        // The umask can only remove bits; a `fchmod` is needed only when it removed the
        // owner's read or write bit (one system call less per file otherwise).
        if !Self.umaskKeepsOwnerBits, fchmod(fd, 0o600) != 0 {
            let code = errno
            Glibc.close(fd)
            unlink(path)
            throw StorageIOError("create", path, code: code)
        }
        return fd
    }

    public func openFolder(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        return fd < 0 ? nil : fd
    }

    public func createExclusive(_ name: String, inFolder folder: Int32?, at path: String) throws(StorageIOError) -> Int32 {
        guard let folder else { return try createExclusive(path + "/" + name) }
        // One lookup of the name in an open folder instead of a walk of the whole path.
        let fd = openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 { throw StorageIOError("create", path + "/" + name, code: errno) }
        if !Self.umaskKeepsOwnerBits, fchmod(fd, 0o600) != 0 {
            let code = errno
            Glibc.close(fd)
            unlinkat(folder, name, 0)
            throw StorageIOError("create", path + "/" + name, code: code)
        }
        return fd
    }

    public func openForAppend(_ path: String) throws(StorageIOError) -> Int32? {
        let fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw StorageIOError("open", path, code: errno)
        }
        return fd
    }

    public func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(StorageIOError) {
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw StorageIOError("write", path, code: errno)
            }
            offset += count
        }
    }

    public func sync(_ fd: Int32, path: String) throws(StorageIOError) {
        // Never retried: after a failed fsync the kernel may have dropped the dirty pages,
        // and a second fsync would report success for data that is not on disk.
        if fsync(fd) != 0 { throw StorageIOError("write", path, code: errno) }
    }

    public func truncate(_ fd: Int32, to length: Int64, path: String) throws(StorageIOError) {
        while ftruncate(fd, off_t(length)) != 0 {
            if errno == EINTR { continue }
            throw StorageIOError("truncate", path, code: errno)
        }
    }

    public func close(_ fd: Int32) { _ = Glibc.close(fd) }

    public func rename(_ source: String, to destination: String) throws(StorageIOError) {
        if Glibc.rename(source, destination) != 0 { throw StorageIOError("write", destination, code: errno) }
    }

    public func syncFolder(_ path: String) throws(StorageIOError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw StorageIOError("sync folder", path, code: errno) }
        defer { Glibc.close(fd) }
        // EINVAL: a file system that cannot sync folders (some network mounts) has nothing to do.
        if fsync(fd) != 0 && errno != EINVAL { throw StorageIOError("sync folder", path, code: errno) }
    }

    public func remove(_ path: String) { unlink(path) }

    public func createFolder(_ path: String) throws(StorageIOError) {
        if mkdir(path, 0o700) != 0 { throw StorageIOError("create", path, code: errno) }
        if !Self.umaskKeepsOwnerBits, chmod(path, 0o700) != 0 {
            let code = errno
            rmdir(path)
            throw StorageIOError("create", path, code: code)
        }
    }

    public func removeFolder(_ path: String) { rmdir(path) }

    public func syncFileSystem(_ path: String) throws(StorageIOError) {
        #if os(Linux)
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0 { throw StorageIOError("write", path, code: errno) }
            defer { Glibc.close(fd) }
            // Never retried nor replaced by sync(): a failed flush is a failed save.
            if bulletin_syncfs(fd) != 0 { throw StorageIOError("write", path, code: errno) }
        #else
            throw StorageIOError("write", path, code: ENOSYS)
        #endif
    }

    public func flushAhead(_ path: String) throws(StorageIOError) {
        do { try syncFileSystem(path) } catch where error.code == ENOSYS {}
    }

    public func removeFile(_ path: String) throws(StorageIOError) {
        if unlink(path) != 0 && errno != ENOENT { throw StorageIOError("remove", path, code: errno) }
    }

    /// Whether the process's umask leaves the owner's read and write bits (almost always), so
    /// that files created with mode 0600 get exactly 0600 without a `fchmod`. Read once from
    /// `/proc/self/status` (never by setting the umask, which would race other threads);
    /// `false` when it cannot be read.
    static let umaskKeepsOwnerBits: Bool = {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
              let mask = Int(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
        else { return false }
        return mask & 0o600 == 0
    }()
}

#if os(Linux)
    /// `syncfs(2)` (declared here because the Glibc module does not always export GNU extensions).
    @_silgen_name("syncfs")
    private func bulletin_syncfs(_ fd: Int32) -> Int32
#endif
