import Articles
import Foundation

/// `read.json`: one line per article, keys sorted:
///
/// ```json
/// {
///   "articles": {
///     "0a1b2c3d4e5f6789": {"changedAt": "2024-05-01T10:00:02.120Z", "position": {"block": 3, "line": 1}, "read": true, "readAt": "2024-05-01T10:00:00.004Z"},
///     "1111222233334444": {"changedAt": "2024-05-02T08:00:00.000Z", "read": false}
///   },
///   "version": 1
/// }
/// ```
final class ReadFileCodec: StateFileCodec {
    struct Entry: Decodable {
        var read: Bool
        var changedAt: String
        var readAt: String?
        var position: ReadingPosition?
    }

    func decode(_ data: Data, allowNewer: Bool) throws(StateFileProblem) -> [ArticleID: ReadRecord] {
        if let table = ReadFileFastParser.parse(data) { return table }
        return try decodeInFull(data, allowNewer: allowNewer)
    }

    /// The general decoder: any valid JSON layout, and every problem reported.
    func decodeInFull(_ data: Data, allowNewer: Bool) throws(StateFileProblem) -> [ArticleID: ReadRecord] {
        let document = try StateFileDecoding.document(data, entry: Entry.self, allowNewer: allowNewer)
        var table: [ArticleID: ReadRecord] = [:]
        table.reserveCapacity(document.articles.count)
        for (key, entry) in document.articles {
            let id = try StateFileDecoding.id(key)
            let changedAt = try StateFileDecoding.time(entry.changedAt, "articles.\(key).changedAt")
            if entry.read {
                let readAt = try entry.readAt.map { text throws(StateFileProblem) in
                    try StateFileDecoding.time(text, "articles.\(key).readAt")
                }
                if let position = entry.position, position.block < 0 || position.line < 0 {
                    throw .wrongShape("articles.\(key).position: negative block or line")
                }
                table[id] = .read(at: changedAt, readAt: readAt, position: entry.position)
            } else {
                table[id] = .unread(at: changedAt)
            }
        }
        return table
    }

    func encode(_ table: [ArticleID: ReadRecord]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + table.count * 150)
        out.append("{\n  \"articles\": {")
        var first = true
        for id in table.keys.sorted() {
            let record = table[id]!
            out.append(first ? "\n    \"" : ",\n    \"")
            first = false
            out.append(contentsOf: id.rawValue.utf8)
            out.append("\": {\"changedAt\": ")
            out.appendQuoted(record.changedAt)
            if record.isRead, let position = record.position {
                out.append(", \"position\": {\"block\": ")
                out.appendDecimal(position.block)
                out.append(", \"line\": ")
                out.appendDecimal(position.line)
                out.append("}")
            }
            out.append(record.isRead ? ", \"read\": true" : ", \"read\": false")
            if record.isRead {
                out.append(", \"readAt\": ")
                out.appendQuoted(record.readAt ?? record.changedAt)
            }
            out.append("}")
        }
        out.append(first ? "},\n  \"version\": " : "\n  },\n  \"version\": ")
        out.appendDecimal(StateFile.currentVersion)
        out.append("\n}\n")
        return out
    }
}
