import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The library's index cache: one line per article file, so that a warm start reads one
/// small file instead of parsing every article.
///
/// Format (UTF-8, version line first, then tab-separated fields, one file per line):
/// `size  mtime-ns  id  words  bullets  text-date-or-empty  path  title  source  author`.
/// Text fields are cleaned article text, with tabs and newlines replaced by spaces.
/// An entry is reused only when the file's size and modification time are unchanged.
/// A line holding a control, bidi or other unsafe character (``UnsafeCharacters``), or a
/// date beyond any calendar, is skipped: the cache file is not trusted with the terminal.
/// A cache that cannot be read is ignored and rebuilt: it holds nothing that cannot be
/// recomputed from the articles.
///
/// Lines are written in the order the walk found the files, so that on a warm start the
/// walk and the cache agree line by line: ``Lines/match(path:size:modified:)`` then
/// compares the path's bytes with the next line's instead of hashing every path, and an
/// entry's strings are made only when its line is taken (the loaded cache is one byte
/// buffer with lines as ranges into it).
struct IndexCache {
    static let header = "bulletin-index 1"

    struct Record {
        var size: Int
        var modified: Int64
        var entry: LibraryEntry
    }

    /// Records in the order they are written (the walk's order).
    var records: [Record] = []

    /// A loaded cache file: its bytes and the field ranges of each valid line.
    final class Lines {
        /// One valid line: byte ranges of its ten fields, and its numbers.
        struct Line {
            var size: Int
            var modified: Int64
            var words: Int
            var bullets: Int
            var textDate: Int64?
            var id: Range<Int>
            var path: Range<Int>
            var title: Range<Int>
            var source: Range<Int>
            var author: Range<Int>
        }

        let bytes: [UInt8]
        private(set) var lines: [Line] = []
        /// The next line to compare with the next file asked for.
        private var cursor = 0
        /// Lines by path, built only when the walk and the cache stop agreeing.
        private var byPath: [String: Int]?
        private var taken: [Bool] = []

        init(bytes: [UInt8]) {
            self.bytes = bytes
            lines = bytes.withUnsafeBufferPointer(IndexCache.parseLines)
            taken = [Bool](repeating: false, count: lines.count)
        }

        /// Number of valid lines.
        var count: Int { lines.count }

        /// Whether some file was looked up by path because the cache was not in the walk's
        /// order (an older cache, or folders that changed): writing it again in order makes
        /// the next start match line by line.
        var isOutOfOrder: Bool { byPath != nil }

        /// The cached entry for a file at `path` with this size and modification time, if
        /// the cache has one; `path` becomes the entry's path (no copy).
        func match(path: String, size: Int, modified: Int64) -> LibraryEntry? {
            claim(path: path, size: size, modified: modified).map { entry(at: $0, path: path) }
        }

        /// The line for a file at `path` with this size and modification time, if the cache
        /// has one, now taken (one thread at a time: this moves the cursor).
        func claim(path: String, size: Int, modified: Int64) -> Int? {
            var index: Int?
            if byPath == nil, cursor < lines.count, sameBytes(lines[cursor].path, path) {
                index = cursor
                cursor += 1
            } else {
                if byPath == nil { byPath = buildIndex() }
                index = byPath?[path]
            }
            guard let index, !taken[index] else { return nil }
            let line = lines[index]
            guard line.size == size, line.modified == modified else { return nil }
            taken[index] = true
            return index
        }

        /// The entry of line `index` for the file at `path` (safe from any thread: it only
        /// reads the loaded bytes).
        func entry(at index: Int, path: String) -> LibraryEntry { entry(lines[index], path: path) }

        private func sameBytes(_ range: Range<Int>, _ path: String) -> Bool {
            var path = path
            return path.withUTF8 { utf8 in
                utf8.count == range.count && bytes.withUnsafeBufferPointer { all in
                    memcmp(all.baseAddress! + range.lowerBound, utf8.baseAddress!, range.count) == 0
                }
            }
        }

        private func buildIndex() -> [String: Int] {
            var index: [String: Int] = [:]
            index.reserveCapacity(lines.count)
            for (i, line) in lines.enumerated() { index[text(line.path)] = i }
            return index
        }

        private func text(_ range: Range<Int>) -> String {
            bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }

        private func entry(_ line: Line, path: String) -> LibraryEntry {
            LibraryEntry(
                id: ArticleID(rawValue: text(line.id)),
                path: path,
                title: text(line.title),
                source: line.source.isEmpty ? nil : text(line.source),
                author: line.author.isEmpty ? nil : text(line.author),
                date: line.textDate.map { Date(timeIntervalSince1970: Double($0)) }
                    ?? FileDate.fallback(path: path, modified: line.modified),
                dateIsFromText: line.textDate != nil,
                wordCount: line.words,
                summaryCount: line.bullets)
        }

        /// Every valid line as a record (tests).
        var records: [Record] {
            lines.map { Record(size: $0.size, modified: $0.modified, entry: entry($0, path: text($0.path))) }
        }
    }

    /// Loads a cache file; `nil` when it is missing or unreadable.
    static func load(from url: URL) -> Lines? {
        guard let bytes = readAll(url.path) else { return nil }
        return Lines(bytes: bytes)
    }

    /// A regular file's bytes, read straight into one array (no `Data` and copy).
    static func readAll(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        // One byte more than the size (a grown file is noticed), not zeroed first: `read`
        // fills what is kept.
        let expected = Int(st.st_size) + 1
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            var total = 0
            while total < buffer.count {
                let n = read(fd, buffer.baseAddress! + total, buffer.count - total)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = true
                }
                if n <= 0 { break }
                total += n
            }
            count = total
        }
        if failed { return nil }
        if bytes.count < expected { return bytes }
        var total = bytes.count
        while true {
            if total == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + total, $0.count - total) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            total += n
        }
        bytes.removeLast(bytes.count - total)
        return bytes
    }

    /// The records of cache bytes (lines that do not have the expected fields are skipped;
    /// their files are parsed again).
    static func parse(_ bytes: [UInt8]) -> [Record] { Lines(bytes: bytes).records }

    /// Splits the cache bytes into lines and fields with plain index arithmetic.
    static func parseLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Lines.Line] {
        var lines: [Lines.Line] = []
        let end = bytes.count
        func lineEnd(from start: Int) -> Int {
            guard start < end, let base = bytes.baseAddress,
                  let found = memchr(base + start, 0x0A, end - start)
            else { return end }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        let headerEnd = lineEnd(from: 0)
        guard String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<headerEnd]), as: UTF8.self) == header else {
            return lines
        }
        lines.reserveCapacity(end / 160)
        var start = headerEnd + 1
        var fields = [Range<Int>](repeating: 0..<0, count: 10)
        while start < end {
            let stop = lineEnd(from: start)
            defer { start = stop + 1 }
            // Split into exactly ten tab-separated fields.
            var count = 0
            var fieldStart = start
            var i = start
            while i < stop && count < 9 {
                if bytes[i] == 0x09 {
                    fields[count] = fieldStart..<i
                    count += 1
                    fieldStart = i + 1
                }
                i += 1
            }
            guard count == 9 else { continue }
            fields[9] = fieldStart..<stop
            let line = UnsafeBufferPointer(rebasing: bytes[start..<stop])
            guard !UnsafeCharacters.containsUnsafeExceptTabAndNewline(buffer: line),
                !UnsafeBufferPointer(rebasing: bytes[fields[9]]).contains(0x09)  // an eleventh field
            else { continue }
            func number(_ k: Int) -> Int64? {
                let range = fields[k]
                guard !range.isEmpty else { return nil }
                var value: Int64 = 0
                var negative = false
                var j = range.lowerBound
                if bytes[j] == UInt8(ascii: "-") {
                    negative = true
                    j += 1
                    guard j < range.upperBound else { return nil }
                }
                while j < range.upperBound {
                    let digit = bytes[j] &- 48
                    guard digit < 10 else { return nil }
                    value = value &* 10 &+ Int64(digit)
                    j += 1
                }
                return negative ? -value : value
            }
            guard let size = number(0), let modified = number(1), let words = number(3),
                let bullets = number(4), fields[2].count == 16,
                bytes[fields[2]].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })  // lowercase hex
            else { continue }
            let textDate = number(5)
            if let textDate, textDate < -(1 << 40) || textDate > 1 << 40 { continue }  // ±34,000 years
            lines.append(Lines.Line(
                size: Int(size), modified: modified, words: Int(words), bullets: Int(bullets), textDate: textDate,
                id: fields[2], path: fields[6], title: fields[7], source: fields[8], author: fields[9]))
        }
        return lines
    }

    /// Writes the cache atomically (a new temp file beside it, then a rename), records in their
    /// order; failures are ignored because the cache is only an accelerator.
    ///
    /// The cache names the user's articles, so it is private like the reading state: the file
    /// is created 0600 (never through an existing file or link) and a folder it creates 0700.
    func write(to url: URL) {
        IndexCache.write(encoded(), to: url)
    }

    /// Writes the encoded cache `out` (``header`` line first) to `url` (see ``write(to:)``).
    static func write(_ out: [UInt8], to url: URL) {
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        unlink(temp)  // a stale temp file of an earlier process with this id
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return }
        var written = 0
        out.withUnsafeBytes { bytes in
            while written < bytes.count {
                let n = Foundation.write(fd, bytes.baseAddress! + written, bytes.count - written)
                if n > 0 { written += n } else if n < 0 && errno == EINTR { continue } else { break }
            }
        }
        close(fd)
        if written == out.count && rename(temp, url.path) == 0 { return }
        unlink(temp)
    }

    /// The file's bytes, appended directly (no per-field strings). A large cache is encoded
    /// in two halves on two cores and joined (the same bytes as one pass).
    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(records.count * 200 + 32)
        out.append(contentsOf: IndexCache.header.utf8)
        out.append(0x0A)
        guard records.count >= 4_096 else {
            encode(records.indices, into: &out)
            return out
        }
        let halves = [0..<records.count / 2, records.count / 2..<records.count]
        var parts = [[UInt8]](repeating: [], count: 2)
        parts.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let parts = buffer
            nonisolated(unsafe) let cache = self
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                var part: [UInt8] = []
                part.reserveCapacity(halves[k].count * 200)
                cache.encode(halves[k], into: &part)
                parts[k] = part
            }
        }
        out.append(contentsOf: parts[0])
        out.append(contentsOf: parts[1])
        return out
    }

    /// Appends the lines of `records[range]` to `out`.
    private func encode(_ range: Range<Int>, into out: inout [UInt8]) {
        for r in records[range] { IndexCache.appendLine(r, into: &out) }
    }

    /// Appends the line of `record`.
    static func appendLine(_ record: Record, into out: inout [UInt8]) {
        appendLine(size: record.size, modified: record.modified, path: record.entry.path, into: &out) { out in
            appendFieldsBeforePath(record.entry, into: &out)
        } after: { out in
            appendFieldsAfterPath(record.entry, into: &out)
        }
    }

    /// A line's fields other than size, time and path, encoded ahead (where a refresh renders
    /// a file, on every core), so that recording the file only puts them around its path.
    struct EncodedFields: Sendable {
        /// The fields before the path, then those after it.
        var bytes: [UInt8]
        /// Where the path goes in ``bytes``.
        var pathAt: Int

        init(_ entry: LibraryEntry) {
            bytes = []
            bytes.reserveCapacity(64 + entry.title.utf8.count + (entry.source?.utf8.count ?? 0) + (entry.author?.utf8.count ?? 0))
            IndexCache.appendFieldsBeforePath(entry, into: &bytes)
            pathAt = bytes.count
            IndexCache.appendFieldsAfterPath(entry, into: &bytes)
        }
    }

    /// Appends the line of a file of `size` bytes modified at `modified` at `path`, whose
    /// other fields were encoded ahead.
    static func appendLine(size: Int, modified: Int64, path: String, fields: EncodedFields, into out: inout [UInt8]) {
        appendLine(size: size, modified: modified, path: path, into: &out) { out in
            out.append(contentsOf: fields.bytes[..<fields.pathAt])
        } after: { out in
            out.append(contentsOf: fields.bytes[fields.pathAt...])
        }
    }

    /// `size  mtime  <before>path<after>` (tab-separated; `after` ends the line).
    private static func appendLine(size: Int, modified: Int64, path: String, into out: inout [UInt8],
                                   before: (inout [UInt8]) -> Void, after: (inout [UInt8]) -> Void) {
        out.append(contentsOf: String(size).utf8)
        out.append(0x09)
        out.append(contentsOf: String(modified).utf8)
        out.append(0x09)
        before(&out)
        appendFlat(path, to: &out)
        after(&out)
    }

    /// `id  words  bullets  text-date-or-empty  ` (each followed by its tab).
    private static func appendFieldsBeforePath(_ e: LibraryEntry, into out: inout [UInt8]) {
        out.append(contentsOf: e.id.rawValue.utf8)
        out.append(0x09)
        out.append(contentsOf: String(e.wordCount).utf8)
        out.append(0x09)
        out.append(contentsOf: String(e.summaryCount).utf8)
        out.append(0x09)
        if e.dateIsFromText { out.append(contentsOf: String(Int64(e.date.timeIntervalSince1970)).utf8) }
        out.append(0x09)
    }

    /// `  title  source  author` and the line's end.
    private static func appendFieldsAfterPath(_ e: LibraryEntry, into out: inout [UInt8]) {
        out.append(0x09)
        appendFlat(e.title, to: &out)
        out.append(0x09)
        appendFlat(e.source ?? "", to: &out)
        out.append(0x09)
        appendFlat(e.author ?? "", to: &out)
        out.append(0x0A)
    }

    /// Appends `text` with every tab, LF and CR byte made a space, so that a field never
    /// breaks its line (bytes, not characters: a CRLF pair is one Swift `Character`).
    private static func appendFlat(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            func isBreak(_ byte: UInt8) -> Bool { byte == 0x09 || byte == 0x0A || byte == 0x0D }
            guard utf8.contains(where: isBreak) else { return out.append(contentsOf: utf8) }
            for byte in utf8 { out.append(isBreak(byte) ? 0x20 : byte) }
        }
    }
}
