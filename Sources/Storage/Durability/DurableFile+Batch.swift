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
        let perFile = flush == .eachFile || files.count == 1
        var plan = BatchPlan(files)
        var pending = PendingWrites()
        var descriptors: [Int32?] = []
        defer { for case let fd? in descriptors { fileSystem.close(fd) } }
        do throws(StorageIOError) {
            for index in plan.folders.indices where plan.folders[index].isNew {
                let folder = plan.folders[index].path
                let (parent, name) = DurableFile.splitPath(folder)
                let staging = Self.temporaryPath(folder: parent, name: name)
                do { try fileSystem.createFolder(staging) } catch {
                    throw StorageIOError("create", folder, code: error.code)
                }
                plan.folders[index].staging = pending.stagings.count
                pending.stagings.append((staging, folder, []))
                descriptors.append(fileSystem.openFolder(staging))
            }
            for (index, (path, bytes)) in files.enumerated() {
                let folder = plan.folders[plan.folderOfFile[index]]
                let name = plan.names[index]
                let fd: Int32
                if let staging = folder.staging {
                    let stagingPath = pending.stagings[staging].staging
                    pending.stagings[staging].files.append(stagingPath + "/" + name)
                    do { fd = try fileSystem.createExclusive(name, inFolder: descriptors[staging], at: stagingPath) } catch {
                        throw StorageIOError("write", path, code: error.code)
                    }
                } else {
                    let temporary = Self.temporaryPath(folder: folder.path, name: name)
                    pending.temporaries.append((temporary, path))
                    do { fd = try fileSystem.createExclusive(temporary) } catch {
                        throw StorageIOError("write", path, code: error.code)
                    }
                }
                defer { fileSystem.close(fd) }
                try Self.write(bytes, fd, path, fileSystem)
                if perFile { try fileSystem.sync(fd, path: path) }
            }
            if perFile {
                for staging in pending.stagings { try fileSystem.syncFolder(staging.staging) }
            } else {
                try flushFileSystems(plan, pending)
            }
            for (temporary, target) in pending.temporaries {
                try fileSystem.rename(temporary, to: target)
                pending.renamedTemporaries += 1
            }
            for staging in pending.stagings {
                try fileSystem.rename(staging.staging, to: staging.target)
                pending.renamedStagings += 1
            }
        } catch {
            for (temporary, _) in pending.temporaries[pending.renamedTemporaries...] { fileSystem.remove(temporary) }
            for staging in pending.stagings[pending.renamedStagings...] {
                for path in staging.files { fileSystem.remove(path) }
                fileSystem.removeFolder(staging.staging)
            }
            throw error
        }
        var synced = plan.foldersToSync
        for path in removals {
            try fileSystem.removeFile(path)
            let folder = DurableFile.splitPath(path).folder
            if !synced.contains(folder) { synced.append(folder) }
        }
        for folder in synced { try fileSystem.syncFolder(folder) }
    }

    /// One `syncfs` per file system written to; where there is none (`ENOSYS`), an `fsync`
    /// of every file written and of every temporary folder.
    private func flushFileSystems(_ plan: BatchPlan, _ pending: PendingWrites) throws(StorageIOError) {
        do {
            for path in plan.fileSystemRoots(pending) { try fileSystem.syncFileSystem(path) }
        } catch where error.code == ENOSYS {
            for path in pending.temporaries.map(\.temporary) + pending.stagings.flatMap(\.files) {
                guard let fd = try fileSystem.openForAppend(path) else { throw StorageIOError("write", path, code: ENOENT) }
                defer { fileSystem.close(fd) }
                try fileSystem.sync(fd, path: path)
            }
            for staging in pending.stagings { try fileSystem.syncFolder(staging.staging) }
        }
    }

    /// `.NAME.tmp-PID-N` in `folder`.
    static func temporaryPath(folder: String, name: String) -> String {
        folder + "/" + temporaryPrefix(for: name) + "\(getpid())-\(nextSerial())"
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

/// The writes of a batch that are not in place yet (removed again if the batch fails).
private struct PendingWrites {
    /// Temporary files beside their targets.
    var temporaries: [(temporary: String, target: String)] = []
    /// Temporary folders standing in for new folders, with the files written in them.
    var stagings: [(staging: String, target: String, files: [String])] = []
    /// How many of `temporaries` and `stagings` are in place already.
    var renamedTemporaries = 0
    var renamedStagings = 0
}

/// The folders a batch writes to, in order of first use, and which of them are new.
private struct BatchPlan {
    struct Folder {
        var path: String
        var isNew: Bool
        /// Its temporary folder (an index into ``PendingWrites/stagings``).
        var staging: Int?
    }

    var folders: [Folder] = []
    var folderOfFile: [Int] = []

    /// Each file's name (its path after the last `/`).
    var names: [String] = []

    init<Bytes>(_ files: [(String, Bytes)]) {
        folderOfFile.reserveCapacity(files.count)
        names.reserveCapacity(files.count)
        var index: [String: Int] = [:]
        var last: (path: String, index: Int)?
        for (path, _) in files {
            let (folderPath, name) = DurableFile.splitPath(path)
            names.append(name)
            // Files mostly come folder by folder: compare with the last folder before hashing.
            if let last, last.path == folderPath {
                folderOfFile.append(last.index)
                continue
            }
            if let known = index[folderPath] {
                folderOfFile.append(known)
                last = (folderPath, known)
                continue
            }
            var info = stat()
            let exists = lstat(folderPath, &info) == 0
            index[folderPath] = folders.count
            last = (folderPath, folders.count)
            folderOfFile.append(folders.count)
            // A symbolic link or anything else in the way is not replaced: the batch writes
            // through it (and fails if it is not a folder).
            folders.append(Folder(path: folderPath, isNew: !exists && errno == ENOENT))
        }
    }

    /// The folders whose entries changed: existing folders written to, and the parents of
    /// new ones (which gained the renamed folder).
    var foldersToSync: [String] {
        var result: [String] = []
        for folder in folders {
            let path = folder.isNew ? DurableFile.splitPath(folder.path).folder : folder.path
            if !result.contains(path) { result.append(path) }
        }
        return result
    }

    /// One folder on each file system the batch wrote to (by device number).
    func fileSystemRoots(_ pending: PendingWrites) -> [String] {
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
}
