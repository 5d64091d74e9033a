import Articles
import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a run wrote.
struct WriteSummary {
    var files: Int
    var bytes: Int
}

/// A failure to write, reported as one line with exit status 1.
struct WriteError: Error {
    let message: String
}

/// Writes corpora to disk: each article is built in memory and written with a single
/// `write`, and batches of files are generated on all cores. Every article's text depends
/// only on the seed and its index, so the output is identical however the work is split.
enum CorpusWriter {
    /// The path of article `index` (0-based) inside `directory`.
    static func relativePath(index: Int, count: Int, filesPerFolder: Int) -> String {
        let digits = max(6, String(count).count)
        let name = "article-" + padded(index + 1, digits) + ".txt"
        guard filesPerFolder > 0 else { return name }
        return folderName(index / filesPerFolder, count: count, filesPerFolder: filesPerFolder) + "/" + name
    }

    /// The name of subfolder `folder` (0-based): zero-padded so folders sort in order.
    static func folderName(_ folder: Int, count: Int, filesPerFolder: Int) -> String {
        let folders = (count + filesPerFolder - 1) / filesPerFolder
        return padded(folder, max(4, String(folders).count))
    }

    /// Writes `count` articles into `directory` (created if needed).
    static func writeLibrary(count: Int, directory: String, seed: UInt64, filesPerFolder: Int) throws(WriteError)
        -> WriteSummary
    {
        try makeDirectory(directory)
        let batch = filesPerFolder > 0 ? filesPerFolder : 1000
        let batches = (count + batch - 1) / batch
        if filesPerFolder > 0 {
            for folder in 0..<batches {
                try makeDirectory(directory + "/" + folderName(folder, count: count, filesPerFolder: filesPerFolder))
            }
        }
        let results = BatchResults(batches: batches)
        DispatchQueue.concurrentPerform(iterations: batches) { batchIndex in
            var buffer = TextBuffer(capacity: 16 * 1024)
            var bytes = 0
            let range = (batchIndex * batch)..<min(count, (batchIndex + 1) * batch)
            for index in range {
                buffer.removeAll()
                ArticleComposer.article(seed: seed, index: index, into: &buffer)
                let path = directory + "/" + relativePath(index: index, count: count, filesPerFolder: filesPerFolder)
                if let failure = writeFile(path, buffer.bytes) {
                    results.fail(batchIndex, failure)
                    return
                }
                bytes += buffer.count
            }
            results.finish(batchIndex, bytes: bytes)
        }
        if let failure = results.firstFailure { throw WriteError(message: failure) }
        return WriteSummary(files: count, bytes: results.totalBytes)
    }

    /// Writes one long article of about `bytes` bytes to `path`.
    static func writeBigArticle(bytes: Int, path: String, seed: UInt64) throws(WriteError) -> WriteSummary {
        var buffer = TextBuffer(capacity: bytes + 4096)
        var composer = ArticleComposer(rng: SplitMix64(seed: seed, index: UInt64.max))
        composer.writeBigArticle(targetBytes: bytes, into: &buffer)
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty { try makeDirectory(parent) }
        if let failure = writeFile(path, buffer.bytes) { throw WriteError(message: failure) }
        return WriteSummary(files: 1, bytes: buffer.count)
    }

    // MARK: Helpers

    private static func padded(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private static func makeDirectory(_ path: String) throws(WriteError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw WriteError(message: "cannot create folder \(path): \(error.localizedDescription)")
        }
    }

    /// Writes `bytes` to `path` with one `write` call (looping only on a short write).
    /// Returns a one-line message on failure.
    private static func writeFile(_ path: String, _ bytes: [UInt8]) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return "cannot write \(path): \(String(cString: strerror(errno)))" }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                write(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return "cannot write \(path): \(String(cString: strerror(errno)))"
            }
            offset += written
        }
        return nil
    }
}

/// Per-batch outcomes collected from concurrent workers.
private final class BatchResults: @unchecked Sendable {
    // Guarded by `lock`; written once per batch from the concurrentPerform workers.
    private let lock = NSLock()
    private var bytes: [Int]
    private var failures: [Int: String] = [:]

    init(batches: Int) { bytes = Array(repeating: 0, count: batches) }

    func finish(_ batch: Int, bytes count: Int) {
        lock.lock(); defer { lock.unlock() }
        bytes[batch] = count
    }

    func fail(_ batch: Int, _ message: String) {
        lock.lock(); defer { lock.unlock() }
        failures[batch] = message
    }

    var totalBytes: Int {
        lock.lock(); defer { lock.unlock() }
        return bytes.reduce(0, +)
    }

    /// The failure of the lowest-numbered batch, so the message is stable.
    var firstFailure: String? {
        lock.lock(); defer { lock.unlock() }
        return failures.keys.min().flatMap { failures[$0] }
    }
}
