import Articles
import Foundation

/// `saved.json`: one object per favorite with the full article (the schema of
/// `bulletin parse --json`), keys sorted:
///
/// ```json
/// {
///   "articles": {
///     "0a1b2c3d4e5f6789": {
///       "article": { "author": "Ana Lima", "id": "0a1b2c3d4e5f6789", "title": "...", ... },
///       "changedAt": "2024-05-01T10:00:00.000Z",
///       "saved": true,
///       "savedAt": "2024-05-01T10:00:00.000Z"
///     },
///     "1111222233334444": {
///       "changedAt": "2024-05-02T08:00:00.000Z",
///       "saved": false
///     }
///   },
///   "version": 1
/// }
/// ```
final class SavedFileCodec: StateFileCodec {
    struct Entry: Decodable {
        var saved: Bool
        var changedAt: String
        var savedAt: String?
        var article: Article?
    }

    /// Encoded article JSON by id, reused while the copy is unchanged.
    private var articleCache: [ArticleID: (article: Article, bytes: [UInt8])] = [:]
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    func decode(_ data: Data, allowNewer: Bool) throws(StateFileProblem) -> [ArticleID: SavedRecord] {
        let document = try StateFileDecoding.document(data, entry: Entry.self, allowNewer: allowNewer)
        var table: [ArticleID: SavedRecord] = [:]
        table.reserveCapacity(document.articles.count)
        for (key, entry) in document.articles {
            let id = try StateFileDecoding.id(key)
            let changedAt = try StateFileDecoding.time(entry.changedAt, "articles.\(key).changedAt")
            if entry.saved {
                guard let article = entry.article else { throw .wrongShape("missing articles.\(key).article") }
                guard article.id == id else { throw .wrongShape("articles.\(key).article.id differs from its key") }
                let savedAt = try entry.savedAt.map { text throws(StateFileProblem) in
                    try StateFileDecoding.time(text, "articles.\(key).savedAt")
                }
                table[id] = .saved(article, at: changedAt, savedAt: savedAt)
            } else {
                table[id] = .unsaved(at: changedAt)
            }
        }
        return table
    }

    func encode(_ table: [ArticleID: SavedRecord]) -> [UInt8] {
        var out: [UInt8] = []
        out.append("{\n  \"articles\": {")
        var first = true
        var used: Set<ArticleID> = []
        for id in table.keys.sorted() {
            let record = table[id]!
            out.append(first ? "\n    \"" : ",\n    \"")
            first = false
            out.append(contentsOf: id.rawValue.utf8)
            out.append("\": {\n")
            if record.isSaved, let article = record.article {
                out.append("      \"article\": ")
                out.append(contentsOf: articleJSON(article, indent: 6))
                used.insert(id)
                out.append(",\n")
            }
            out.append("      \"changedAt\": ")
            out.appendQuoted(record.changedAt)
            out.append(record.isSaved ? ",\n      \"saved\": true" : ",\n      \"saved\": false")
            if record.isSaved {
                out.append(",\n      \"savedAt\": ")
                out.appendQuoted(record.savedAt ?? record.changedAt)
            }
            out.append("\n    }")
        }
        out.append(first ? "},\n  \"version\": " : "\n  },\n  \"version\": ")
        out.appendDecimal(StateFile.currentVersion)
        out.append("\n}\n")
        if used.count < articleCache.count { articleCache = articleCache.filter { used.contains($0.key) } }
        return out
    }

    /// The article's pretty JSON with every line after the first indented by `indent`.
    private func articleJSON(_ article: Article, indent: Int) -> [UInt8] {
        if let cached = articleCache[article.id], cached.article == article { return cached.bytes }
        let raw = (try? encoder.encode(article)) ?? Data("{}".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(raw.count + raw.count / 8)
        for byte in raw {
            out.append(byte)
            if byte == 0x0A { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent)) }
        }
        articleCache[article.id] = (article, out)
        return out
    }
}
