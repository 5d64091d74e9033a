import Foundation

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
struct IndexCache {
    static let header = "bulletin-index 1"

    struct Record {
        var size: Int
        var modified: Int64
        var entry: LibraryEntry
    }

    /// Records by path.
    var records: [String: Record] = [:]

    /// Loads a cache file; returns an empty cache when it is missing or unreadable.
    /// Lines that do not have the expected fields are skipped (their files are parsed again).
    static func load(from url: URL) -> IndexCache {
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return IndexCache() }
        return data.withUnsafeBytes { raw in parse(raw.bindMemory(to: UInt8.self)) }
    }

    /// Parses the cache bytes with plain index arithmetic (no slices of `Data`, which cost a
    /// retain and an exclusivity check each at 100,000 lines).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> IndexCache {
        var cache = IndexCache()
        let end = bytes.count
        func lineEnd(from start: Int) -> Int {
            var i = start
            while i < end && bytes[i] != 0x0A { i += 1 }
            return i
        }
        let headerEnd = lineEnd(from: 0)
        guard String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<headerEnd]), as: UTF8.self) == header else {
            return cache
        }
        cache.records.reserveCapacity(end / 160)
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
            guard !UnsafeCharacters.containsUnsafeExceptTabAndNewline(line),
                !UnsafeBufferPointer(rebasing: bytes[fields[9]]).contains(0x09)  // an eleventh field
            else { continue }
            func text(_ k: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[k]]), as: UTF8.self)
            }
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
            let path = text(6)
            let textDate = number(5)
            if let textDate, textDate < -(1 << 40) || textDate > 1 << 40 { continue }  // ±34,000 years
            let entry = LibraryEntry(
                id: ArticleID(rawValue: text(2)),
                path: path,
                title: text(7),
                source: fields[8].isEmpty ? nil : text(8),
                author: fields[9].isEmpty ? nil : text(9),
                date: textDate.map { Date(timeIntervalSince1970: Double($0)) }
                    ?? FileDate.fallback(path: path, modified: modified),
                dateIsFromText: textDate != nil,
                wordCount: Int(words),
                summaryCount: Int(bullets))
            cache.records[path] = Record(size: Int(size), modified: modified, entry: entry)
        }
        return cache
    }

    /// Writes the cache atomically (temp file and rename); failures are ignored because the
    /// cache is only an accelerator.
    func write(to url: URL) {
        let out = encoded()
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(out).write(to: url, options: .atomic)
    }

    /// The file's bytes, appended directly (no per-field strings).
    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(records.count * 200 + 32)
        out.append(contentsOf: IndexCache.header.utf8)
        out.append(0x0A)
        func append(_ text: String) { out.append(contentsOf: text.utf8) }
        func append<T: BinaryInteger>(number: T) { append(String(number)) }
        for path in records.keys.sorted() {
            guard let r = records[path] else { continue }
            let e = r.entry
            append(number: r.size)
            out.append(0x09)
            append(number: r.modified)
            out.append(0x09)
            append(e.id.rawValue)
            out.append(0x09)
            append(number: e.wordCount)
            out.append(0x09)
            append(number: e.summaryCount)
            out.append(0x09)
            if e.dateIsFromText { append(number: Int64(e.date.timeIntervalSince1970)) }
            out.append(0x09)
            append(flat(path))
            out.append(0x09)
            append(flat(e.title))
            out.append(0x09)
            append(flat(e.source ?? ""))
            out.append(0x09)
            append(flat(e.author ?? ""))
            out.append(0x0A)
        }
        return out
    }

    /// `text` with every tab, LF and CR byte made a space, so that a field never breaks its
    /// line (bytes, not characters: a CRLF pair is one Swift `Character`).
    private func flat(_ text: String) -> String {
        func isBreak(_ byte: UInt8) -> Bool { byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard text.utf8.contains(where: isBreak) else { return text }
        return String(decoding: text.utf8.map { isBreak($0) ? 0x20 : $0 }, as: UTF8.self)
    }
}
