import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A durable batch written file by file as its files arrive, made durable and put in place
/// by ``finish(removing:)``: the same steps, guarantees and failure cleanup as
/// ``DurableFile/writeBatch(paths:removing:flush:)`` (which is one of these given every file
/// at once), so that a caller can create and write files while it is still producing the
/// next ones (a refresh writes a feed's first articles while later items are converted).
///
/// Each file is created under a temporary name when it is added (in a new folder, under its
/// own name in the folder's temporary stand-in) and written; nothing is visible until
/// ``finish(removing:)`` flushes the batch, renames everything into place, removes the
/// removals and syncs each folder once. On a failure the temporaries written so far are
/// removed and the error is thrown again by every later call; a writer dropped without
/// finishing removes its temporaries too. Files may be added from several threads at once
/// (see ``add(path:bytes:)``); the other calls come from one thread, after the adds.
public final class DurableBatchWriter: @unchecked Sendable {
    /// The file-system layer every step goes through.
    public let fileSystem: any FileSystem
    /// How the batch is flushed before its renames.
    public let flush: BatchFlush

    private var folders: [Folder] = []
    private var folderIndex: [String: Int] = [:]
    /// The folder of the last file added (files mostly come folder by folder).
    private var lastFolder: (path: String, index: Int)?
    private var pending = PendingWrites()
    /// An open descriptor per temporary folder (``FileSystem/openFolder(_:)``).
    private var descriptors: [Int32?] = []
    /// The last file added, kept open until the next one: a batch of one file flushed as a
    /// whole is synced through it instead (cheaper than a `syncfs`, and the same).
    private var lastFile: (fd: Int32, path: String)?
    private var firstFailure: StorageIOError?
    private var done = false
    /// Guards everything above (adds may come from several threads).
    private let lock = NSLock()
    /// Adds creating or writing their file outside the lock.
    private var inFlight = 0

    /// Files added so far.
    public private(set) var count = 0

    /// The error the batch failed with, if it did (every later call throws it again).
    public var failure: StorageIOError? { lock.withLock { firstFailure } }

    /// With ``BatchFlush/wholeFileSystem``, every this many files the file system is
    /// written out on another thread while the next files are created (see
    /// ``FileSystem/flushAhead(_:)``): the final `syncfs` then finds little left, and the
    /// kernel's block allocation for the files written so far runs beside the creates.
    public static let flushAheadEvery = 2_048

    private let ahead = FlushAhead()

    /// An empty batch written through `fileSystem`, flushed as `flush` says.
    public init(fileSystem: any FileSystem = POSIXFileSystem(), flush: BatchFlush = .eachFile) {
        self.fileSystem = fileSystem
        self.flush = flush
    }

    deinit { abandon() }

    /// Decides how files in the folder of `path` are written, creating the folder's temporary
    /// stand-in when it does not exist yet (its parent must). ``add(path:bytes:)`` does this
    /// for each new folder; calling it first for every folder creates the stand-ins before
    /// any file.
    public func prepareFolder(of path: String) throws(StorageIOError) {
        try guarded { () throws(StorageIOError) in _ = try folder(DurableFile.splitPath(path).folder) }
    }

    /// Creates and writes the file that will replace `path` (each path at most once per
    /// batch); with ``BatchFlush/eachFile`` it is also synced now. Returns the file's
    /// modification time in nanoseconds since 1970 (an `fstat` of the open file, which
    /// neither the flush nor the rename into place changes), `nil` when it cannot be read:
    /// a caller that indexes the files it writes needs no `stat` of them afterwards.
    ///
    /// Several threads may add files at once (creating and writing run outside the batch's
    /// lock); ``finish(removing:)`` and ``abandon()`` come after every add has returned. On
    /// a failure the temporaries are removed once no add is still writing one.
    @discardableResult
    public func add<Bytes: ContiguousBytes>(path: String, bytes: Bytes) throws(StorageIOError) -> Int64? {
        // Under the lock: the file's place in the batch, the name to create in a folder (a new
        // folder's stand-in is made here).
        var place: (name: String, descriptor: Int32?, folder: String)!
        try guarded { () throws(StorageIOError) in
            precondition(!done, "a finished batch takes no more files")
            let (folderPath, name) = DurableFile.splitPath(path)
            let folder = folders[try self.folder(folderPath)]
            if let staging = folder.staging {
                let stagingPath = pending.stagings[staging].staging
                pending.stagings[staging].files.append(stagingPath + "/" + name)
                place = (name, descriptors[staging], stagingPath)
            } else {
                let temporary = DurableFile.temporaryName(for: name)
                pending.temporaries.append((folder.path + "/" + temporary, path))
                place = (temporary, nil, folder.path)
            }
            count += 1
            inFlight += 1
        }

        // Outside it: create, write, time and (per file) sync.
        var fd: Int32 = -1
        var modified: Int64?
        var failed: StorageIOError?
        do throws(StorageIOError) {
            do throws(StorageIOError) { fd = try fileSystem.createExclusive(place.name, inFolder: place.descriptor, at: place.folder) } catch {
                throw StorageIOError("write", path, code: error.code)
            }
            try DurableFile.write(bytes, fd, path, fileSystem)
            var status = stat()
            if fstat(fd, &status) == 0 {
                #if canImport(Darwin)
                    modified = Int64(status.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(status.st_mtimespec.tv_nsec)
                #else
                    modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
                #endif
            }
            if flush == .eachFile { try fileSystem.sync(fd, path: path) }
        } catch {
            failed = error
        }

        // Under the lock again: keep the file open as the last one, or fail the batch.
        var toClose: Int32?
        lock.lock()
        inFlight -= 1
        if let failed { fail(failed) }
        if firstFailure == nil {
            toClose = lastFile?.fd
            lastFile = (fd, path)
            if flush == .wholeFileSystem && count % Self.flushAheadEvery == 0 { ahead.start(place.folder, fileSystem: fileSystem) }
        } else {
            if fd >= 0 { toClose = fd }
            // The batch failed in another add: the last one out removes what was written.
            if inFlight == 0 { discard() }
        }
        let failure = firstFailure
        lock.unlock()
        if let toClose { fileSystem.close(toClose) }
        if let failure { throw failure }
        return modified
    }

    /// Flushes every file added, renames them (and new folders) into place, removes
    /// `removals` and syncs each folder that changed. After a failure before the renames
    /// nothing visible changed and the temporaries are gone.
    public func finish(removing removals: [String] = []) throws(StorageIOError) {
        try guarded { () throws(StorageIOError) in
            precondition(!done, "a batch is finished once")
            precondition(inFlight == 0, "a batch is finished after its adds return")
            let perFile = flush == .eachFile || count == 1
            if flush == .wholeFileSystem && count == 1, let lastFile { try fileSystem.sync(lastFile.fd, path: lastFile.path) }
            closeLastFile()
            try ahead.wait()
            if perFile {
                for staging in pending.stagings { try fileSystem.syncFolder(staging.staging) }
            } else {
                try flushFileSystems()
            }
            for (temporary, target) in pending.temporaries {
                try fileSystem.rename(temporary, to: target)
                pending.renamedTemporaries += 1
            }
            for staging in pending.stagings {
                try fileSystem.rename(staging.staging, to: staging.target)
                pending.renamedStagings += 1
            }
        }
        done = true
        closeFolders()
        var synced = foldersToSync
        for path in removals {
            try fileSystem.removeFile(path)
            let folder = DurableFile.splitPath(path).folder
            if !synced.contains(folder) { synced.append(folder) }
        }
        for folder in synced { try fileSystem.syncFolder(folder) }
    }

    /// Gives the batch up: removes every temporary written (nothing visible changed).
    public func abandon() {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        precondition(inFlight == 0, "a batch is given up after its adds return")
        discard()
    }

    /// Runs `body` under the lock unless the batch failed before (then that failure is
    /// thrown again); a failure in `body` becomes the batch's failure and is thrown.
    private func guarded(_ body: () throws(StorageIOError) -> Void) throws(StorageIOError) {
        lock.lock()
        defer { lock.unlock() }
        if let firstFailure { throw firstFailure }
        do throws(StorageIOError) { try body() } catch {
            fail(error)
            throw error
        }
    }

    /// Records `error` as the batch's failure (the first one is kept) and removes what the
    /// batch wrote, now if no add is writing, else when the last one returns (under the lock).
    private func fail(_ error: StorageIOError) {
        if firstFailure == nil { firstFailure = error }
        if inFlight == 0 { discard() }
    }

    /// Closes every descriptor and removes the temporaries not renamed into place yet.
    private func discard() {
        done = true
        try? ahead.wait()
        closeLastFile()
        closeFolders()
        for (temporary, _) in pending.temporaries[pending.renamedTemporaries...] { fileSystem.remove(temporary) }
        for staging in pending.stagings[pending.renamedStagings...] {
            for path in staging.files { fileSystem.remove(path) }
            fileSystem.removeFolder(staging.staging)
        }
        pending = PendingWrites()
    }

    private func closeLastFile() {
        if let lastFile { fileSystem.close(lastFile.fd) }
        lastFile = nil
    }

    private func closeFolders() {
        for case let fd? in descriptors { fileSystem.close(fd) }
        descriptors = []
    }

    /// The index of the folder at `path`, looked up (and its stand-in created when it is
    /// new) the first time.
    private func folder(_ path: String) throws(StorageIOError) -> Int {
        if let lastFolder, lastFolder.path == path { return lastFolder.index }
        if let known = folderIndex[path] {
            lastFolder = (path, known)
            return known
        }
        var info = stat()
        let exists = lstat(path, &info) == 0
        // A symbolic link or anything else in the way is not replaced: the batch writes
        // through it (and fails if it is not a folder).
        var folder = Folder(path: path, isNew: !exists && errno == ENOENT)
        if folder.isNew {
            let (parent, name) = DurableFile.splitPath(path)
            let staging = DurableFile.temporaryPath(folder: parent, name: name)
            do { try fileSystem.createFolder(staging) } catch {
                throw StorageIOError("create", path, code: error.code)
            }
            folder.staging = pending.stagings.count
            pending.stagings.append((staging, path, []))
            descriptors.append(fileSystem.openFolder(staging))
        }
        let index = folders.count
        folders.append(folder)
        folderIndex[path] = index
        lastFolder = (path, index)
        return index
    }

    /// One `syncfs` per file system written to; where there is none (`ENOSYS`), an `fsync`
    /// of every file written and of every temporary folder.
    private func flushFileSystems() throws(StorageIOError) {
        do {
            for path in fileSystemRoots { try fileSystem.syncFileSystem(path) }
        } catch where error.code == ENOSYS {
            for path in pending.temporaries.map(\.temporary) + pending.stagings.flatMap(\.files) {
                guard let fd = try fileSystem.openForAppend(path) else { throw StorageIOError("write", path, code: ENOENT) }
                defer { fileSystem.close(fd) }
                try fileSystem.sync(fd, path: path)
            }
            for staging in pending.stagings { try fileSystem.syncFolder(staging.staging) }
        }
    }

    /// The folders whose entries changed: existing folders written to, and the parents of
    /// new ones (which gained the renamed folder).
    private var foldersToSync: [String] {
        var result: [String] = []
        for folder in folders {
            let path = folder.isNew ? DurableFile.splitPath(folder.path).folder : folder.path
            if !result.contains(path) { result.append(path) }
        }
        return result
    }

    /// One folder on each file system the batch wrote to (by device number).
    private var fileSystemRoots: [String] {
        var devices: [UInt64] = []
        var result: [String] = []
        for folder in folders {
            let path = folder.staging.map { pending.stagings[$0].staging } ?? folder.path
            var info = stat()
            let device = stat(path, &info) == 0 ? UInt64(info.st_dev) : UInt64.max
            if !devices.contains(device) {
                devices.append(device)
                result.append(path)
            }
        }
        return result
    }

    /// A folder the batch writes to.
    private struct Folder {
        var path: String
        var isNew: Bool
        /// Its temporary folder (an index into ``PendingWrites/stagings``).
        var staging: Int?
    }

    /// The writes that are not in place yet (removed again if the batch fails).
    private struct PendingWrites {
        /// Temporary files beside their targets.
        var temporaries: [(temporary: String, target: String)] = []
        /// Temporary folders standing in for new folders, with the files written in them.
        var stagings: [(staging: String, target: String, files: [String])] = []
        /// How many of `temporaries` and `stagings` are in place already.
        var renamedTemporaries = 0
        var renamedStagings = 0
    }
}

/// The early flush of a batch (``FileSystem/flushAhead(_:)``) on a thread of its own: at
/// most one at a time, and its first failure kept for the batch to throw.
private final class FlushAhead: @unchecked Sendable {
    private let condition = NSCondition()
    private var running = false
    private var failure: StorageIOError?

    /// Starts flushing the file system of `path`, unless a flush is still running.
    func start(_ path: String, fileSystem: any FileSystem) {
        condition.lock()
        defer { condition.unlock() }
        guard !running else { return }
        running = true
        Thread { [self] in
            var error: StorageIOError?
            do throws(StorageIOError) { try fileSystem.flushAhead(path) } catch let failed { error = failed }
            condition.lock()
            if failure == nil { failure = error }
            running = false
            condition.broadcast()
            condition.unlock()
        }.start()
    }

    /// Waits for the running flush, then throws the first failure of any.
    func wait() throws(StorageIOError) {
        condition.lock()
        while running { condition.wait() }
        let failure = failure
        condition.unlock()
        if let failure { throw failure }
    }
}
