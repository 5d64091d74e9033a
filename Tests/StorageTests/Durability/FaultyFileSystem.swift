import Foundation

@testable import Storage

/// A ``FileSystem`` for tests: passes every call to ``POSIXFileSystem``, records each durable
/// step with its path, and at one chosen step either fails it with an `errno` (EIO, ENOSPC)
/// or lets it complete and then "stops the process": from then on nothing reaches the disk
/// (every call fails, temporary files are not removed, journals are not cut back), which is
/// what a process killed right after that step leaves behind.
final class FaultyFileSystem: FileSystem, @unchecked Sendable {
    enum Fault: Equatable, CustomStringConvertible {
        case none
        case fail(at: Int, errno: Int32)
        case stopAfter(Int)

        var description: String {
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

    init(_ fault: Fault = .none) { self.fault = fault }

    /// The steps performed so far (including a failed one).
    var steps: [(step: DurableStep, path: String)] { lock.withLock { recorded } }
    /// Whether the simulated process has stopped.
    var hasStopped: Bool { lock.withLock { stopped } }

    /// Clears the fault (the disk has room again), unless the process stopped.
    func heal() { lock.withLock { fault = .none } }

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

    func createExclusive(_ path: String) throws(StorageIOError) -> Int32 {
        try perform(.createTemporary, path) { () throws(StorageIOError) in try real.createExclusive(path) }
    }

    func openForAppend(_ path: String) throws(StorageIOError) -> Int32? {
        try alive(path)
        let fd = try real.openForAppend(path)
        if let fd { _ = lock.withLock { appendDescriptors.insert(fd) } }
        return fd
    }

    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(StorageIOError) {
        let step: DurableStep = lock.withLock { appendDescriptors.contains(fd) } ? .append : .write
        try perform(step, path) { () throws(StorageIOError) in try real.write(fd, bytes, path: path) }
    }

    func sync(_ fd: Int32, path: String) throws(StorageIOError) {
        let step: DurableStep = lock.withLock { appendDescriptors.contains(fd) } ? .syncAppend : .sync
        try perform(step, path) { () throws(StorageIOError) in try real.sync(fd, path: path) }
    }

    func truncate(_ fd: Int32, to length: Int64, path: String) throws(StorageIOError) {
        try alive(path)
        try real.truncate(fd, to: length, path: path)
    }

    func close(_ fd: Int32) {
        _ = lock.withLock { appendDescriptors.remove(fd) }
        real.close(fd)
    }

    func rename(_ source: String, to destination: String) throws(StorageIOError) {
        try perform(.rename, destination) { () throws(StorageIOError) in try real.rename(source, to: destination) }
    }

    func syncFolder(_ path: String) throws(StorageIOError) {
        try perform(.syncFolder, path) { () throws(StorageIOError) in try real.syncFolder(path) }
    }

    func remove(_ path: String) {
        guard !lock.withLock({ stopped }) else { return }
        real.remove(path)
    }
}
