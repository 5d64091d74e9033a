import Foundation

/// The library's index cache: one line per article file, so that a warm start reads one
/// small file instead of parsing every article.
///
/// Format (UTF-8, version line first, then tab-separated fields, one file per line):
/// `size  mtime-ns  id  words  bullets  text-date-or-empty  path  title  source  author`.
/// Text fields are cleaned article text, with tabs and newlines replaced by spaces.
/// An entry is reused only when the file's size and modification time are unchanged.
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
    static func load(from url: URL) -> IndexCache {
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return IndexCache() }
        var cache = IndexCache()
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)[...]
        guard let first = lines.popFirst(), String(decoding: first, as: UTF8.self) == header else {
            return IndexCache()
        }
        cache.records.reserveCapacity(lines.count)
        for line in lines {
            let fields = line.split(separator: 0x09, maxSplits: 9, omittingEmptySubsequences: false)
            guard fields.count == 10,
                let size = Int(ascii: fields[0]), let modified = Int64(ascii: fields[1]),
                let words = Int(ascii: fields[3]), let bullets = Int(ascii: fields[4])
            else { continue }
            let path = String(decoding: fields[6], as: UTF8.self)
            let textDate = fields[5].isEmpty ? nil : Int64(ascii: fields[5])
            let fileDate = FileDate.fallback(path: path, modified: modified)
            let entry = LibraryEntry(
                id: ArticleID(rawValue: String(decoding: fields[2], as: UTF8.self)),
                path: path,
                title: String(decoding: fields[7], as: UTF8.self),
                source: optional(fields[8]),
                author: optional(fields[9]),
                date: textDate.map { Date(timeIntervalSince1970: Double($0)) } ?? fileDate,
                dateIsFromText: textDate != nil,
                wordCount: words,
                summaryCount: bullets)
            cache.records[path] = Record(size: size, modified: modified, entry: entry)
        }
        return cache
    }

    /// Writes the cache atomically (temp file and rename); failures are ignored because the
    /// cache is only an accelerator. The bytes are appended directly (no per-field strings).
    func write(to url: URL) {
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
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(out).write(to: url, options: .atomic)
    }

    private static func optional(_ bytes: Data.SubSequence) -> String? {
        bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    private func flat(_ text: String) -> String {
        // Without a tab, LF or CR byte there is no such character: skip the character walk.
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        guard text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        return String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}

extension FixedWidthInteger {
    /// Parses ASCII decimal digits (with an optional leading minus) without making a String.
    init?(ascii bytes: Data.SubSequence) {
        guard !bytes.isEmpty else { return nil }
        var value: Self = 0
        var negative = false
        var index = bytes.startIndex
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
            guard index < bytes.endIndex else { return nil }
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte >= 48, byte <= 57 else { return nil }
            value = value &* 10 &+ Self(byte - 48)
            index += 1
        }
        self = negative ? 0 &- value : value
    }
}
