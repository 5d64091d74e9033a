import Foundation
import Storage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Many file replacements and removals made durable together through Storage's
/// ``DurableFile/writeBatch(_:removing:flush:)`` (one `syncfs` for the whole batch, one
/// `fsync` per folder; mode 0600 files in 0700 folders), with its failure as the
/// ``FetchFailure`` a refresh reports.
///
/// A crash leaves each file old or new and complete, plus temporary files that the next
/// writer of that folder removes (``removeLeftovers(in:)``).
public struct DurableBatch {
    private var writes: [(String, [UInt8])] = []
    private var removals: [String] = []

    /// An empty batch.
    public init() {}

    /// Whether nothing was added.
    public var isEmpty: Bool { writes.isEmpty && removals.isEmpty }

    /// Number of files to write.
    public var count: Int { writes.count }

    /// Schedules `url` to be replaced by `bytes`.
    public mutating func add(_ url: URL, bytes: [UInt8]) { writes.append((url.path, bytes)) }

    /// Schedules `url` to be removed after the new files are in place.
    public mutating func remove(_ url: URL) { removals.append(url.path) }

    /// Writes, flushes and renames everything, then removes what was scheduled for removal,
    /// every step through `fileSystem`.
    public func commit(fileSystem: any FileSystem = POSIXFileSystem()) throws(FetchFailure) {
        do {
            try DurableFile(fileSystem: fileSystem).writeBatch(paths: writes, removing: removals, flush: .wholeFileSystem)
        } catch {
            throw FetchFailure(error.message)
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

    /// Removes temporary files and folders left in `folder` by a killed writer (including
    /// the `.bulletin-tmp-` files of earlier versions) and returns the names that remain
    /// (empty when the folder cannot be listed).
    @discardableResult
    public static func removeLeftovers(in folder: URL) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var kept: [String] = []
        kept.reserveCapacity(names.count)
        for name in names {
            guard DurableFile.isTemporaryName(name) || name.hasPrefix(".bulletin-tmp-") else {
                kept.append(name)
                continue
            }
            let path = folder.path + "/" + name
            if unlink(path) != 0 && (errno == EISDIR || errno == EPERM) { try? FileManager.default.removeItem(atPath: path) }
        }
        return kept
    }
}
