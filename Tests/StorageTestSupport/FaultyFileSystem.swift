import Foundation
import Storage

#if canImport(Glibc)
    import Glibc
#endif

/// A ``FileSystem`` for tests: passes every call to ``POSIXFileSystem``, records each durable
/// step with its path, and at one chosen step either fails it with an `errno` (EIO, ENOSPC)
/// or lets it complete and then "stops the process": from then on nothing reaches the disk
/// (every call fails, temporary files are not removed, journals are not cut back), which is
/// what a process killed right after that step leaves behind.
public final class FaultyFileSystem: FileSystem, @unchecked Sendable {
    /// What goes wrong, at which recorded step.
    public enum Fault: Equatable, CustomStringConvertible {
        case none
        case fail(at: Int, errno: Int32)
        case stopAfter(Int)

        public var description: String {
            switch self {
            case .none: return "no fault"
            case .fail(let at, let code): return "step \(at) fails with \(String(cString: strerror(code)))"
            case .stopAfter(let at): return "process stops after step \(at)"
            }
        }
    }

    private let real = POSIXFileSystem()
    private let lock = NSLock()
    private var fault: Fault
    private var recorded: [(step: DurableStep, path: String)] = []
    private var appendDescriptors: Set<Int32> = []
    private var stopped = false
    private var withoutSyncFileSystem = false

    /// A file system that goes wrong as `fault` says.
    public init(_ fault: Fault = .none) { self.fault = fault }

    /// The steps performed so far (including a failed one).
    public var steps: [(step: DurableStep, path: String)] { lock.withLock { recorded } }
    /// Whether the simulated process has stopped.
    public var hasStopped: Bool { lock.withLock { stopped } }

    /// Clears the fault (the disk has room again), unless the process stopped.
    public func heal() { lock.withLock { fault = .none } }

    private func perform<T>(_ step: DurableStep, _ path: String, _ body: () throws(StorageIOError) -> T) throws(StorageIOError) -> T {
        lock.lock()
        if stopped {
            lock.unlock()
            throw StorageIOError(message: "the process has stopped", code: EIO)
        }
        recorded.append((step, path))
        let index = recorded.count - 1
        lock.unlock()
        if case .fail(index, let code) = lock.withLock({ fault }) { throw StorageIOError("write", path, code: code) }
        let result = try body()
        if case .stopAfter(index) = lock.withLock({ fault }) {
            lock.withLock { stopped = true }
            throw StorageIOError(message: "the process has stopped", code: EIO)
        }
        return result
    }

    private func alive(_ path: String) throws(StorageIOError) {
        if lock.withLock({ stopped }) { throw StorageIOError(message: "the process has stopped", code: EIO) }
    }

    public func createExclusive(_ path: String) throws(StorageIOError) -> Int32 {
        try perform(.createTemporary, path) { () throws(StorageIOError) in try real.createExclusive(path) }
    }

    public func openFolder(_ path: String) -> Int32? {
        lock.withLock { stopped } ? nil : real.openFolder(path)
    }

    public func createExclusive(_ name: String, inFolder folder: Int32?, at path: String) throws(StorageIOError) -> Int32 {
        try perform(.createTemporary, path + "/" + name) { () throws(StorageIOError) in
            try real.createExclusive(name, inFolder: folder, at: path)
        }
    }

    public func openForAppend(_ path: String) throws(StorageIOError) -> Int32? {
        try alive(path)
        let fd = try real.openForAppend(path)
        if let fd { _ = lock.withLock { appendDescriptors.insert(fd) } }
        return fd
    }

    public func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(StorageIOError) {
        let step: DurableStep = lock.withLock { appendDescriptors.contains(fd) } ? .append : .write
        try perform(step, path) { () throws(StorageIOError) in try real.write(fd, bytes, path: path) }
    }

    public func sync(_ fd: Int32, path: String) throws(StorageIOError) {
        let step: DurableStep = lock.withLock { appendDescriptors.contains(fd) } ? .syncAppend : .sync
        try perform(step, path) { () throws(StorageIOError) in try real.sync(fd, path: path) }
    }

    public func truncate(_ fd: Int32, to length: Int64, path: String) throws(StorageIOError) {
        try alive(path)
        try real.truncate(fd, to: length, path: path)
    }

    public func close(_ fd: Int32) {
        _ = lock.withLock { appendDescriptors.remove(fd) }
        real.close(fd)
    }

    public func rename(_ source: String, to destination: String) throws(StorageIOError) {
        try perform(.rename, destination) { () throws(StorageIOError) in try real.rename(source, to: destination) }
    }

    public func syncFolder(_ path: String) throws(StorageIOError) {
        try perform(.syncFolder, path) { () throws(StorageIOError) in try real.syncFolder(path) }
    }

    public func remove(_ path: String) {
        guard !lock.withLock({ stopped }) else { return }
        real.remove(path)
    }

    public func createFolder(_ path: String) throws(StorageIOError) {
        try perform(.createFolder, path) { () throws(StorageIOError) in try real.createFolder(path) }
    }

    public func removeFolder(_ path: String) {
        guard !lock.withLock({ stopped }) else { return }
        real.removeFolder(path)
    }

    public func syncFileSystem(_ path: String) throws(StorageIOError) {
        try perform(.syncFileSystem, path) { () throws(StorageIOError) in
            if lock.withLock({ withoutSyncFileSystem }) { throw StorageIOError("write", path, code: ENOSYS) }
            try real.syncFileSystem(path)
        }
    }

    public func removeFile(_ path: String) throws(StorageIOError) {
        try perform(.remove, path) { () throws(StorageIOError) in try real.removeFile(path) }
    }

    /// Behaves as a system without `syncfs(2)` (every ``syncFileSystem(_:)`` fails with `ENOSYS`).
    public func dropSyncFileSystem() { lock.withLock { withoutSyncFileSystem = true } }
}
