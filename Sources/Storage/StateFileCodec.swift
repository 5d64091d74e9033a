import Articles
import Foundation

/// Reads and writes one kind of state file.
///
/// Both files share one layout: `{"articles": {ID: record, ...}, "version": 1}`, pretty
/// printed with sorted keys (see docs/state-files.md). Decoding is strict: anything that
/// is not exactly that shape is a ``StateFileProblem``, so the file is moved aside rather
/// than half-read and later overwritten.
protocol StateFileCodec: AnyObject {
    associatedtype Record: MergeableRecord
    /// Parses a whole file. With `allowNewer`, a newer version is read with this version's
    /// rules instead of failing with ``StateFileProblem/newerVersion(_:)``.
    func decode(_ data: Data, allowNewer: Bool) throws(StateFileProblem) -> [ArticleID: Record]
    /// The file's bytes for `table`.
    func encode(_ table: [ArticleID: Record]) -> [UInt8]
}

/// Shared decoding of the outer layout and mapping of decoder errors to problems.
enum StateFileDecoding {
    static let allowNewerKey = CodingUserInfoKey(rawValue: "bulletin.allowNewer")!

    /// The top level of a state file; `Entry` decodes one record.
    struct Document<Entry: Decodable>: Decodable {
        var version: Int
        var articles: [String: Entry]

        enum CodingKeys: String, CodingKey { case version, articles }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            version = try c.decode(Int.self, forKey: .version)
            if version < 1 {
                throw DecodingError.dataCorruptedError(forKey: .version, in: c, debugDescription: "version must be at least 1")
            }
            if version > StateFile.currentVersion && decoder.userInfo[allowNewerKey] as? Bool != true {
                throw NewerVersion(version: version)
            }
            articles = try c.decode([String: Entry].self, forKey: .articles)
        }
    }

    struct NewerVersion: Error { var version: Int }

    /// Decodes the outer layout, turning every failure into a ``StateFileProblem``.
    static func document<Entry: Decodable>(_ data: Data, entry: Entry.Type, allowNewer: Bool) throws(StateFileProblem) -> Document<Entry> {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty }
        let decoder = JSONDecoder()
        decoder.userInfo[allowNewerKey] = allowNewer
        do {
            return try decoder.decode(Document<Entry>.self, from: data)
        } catch let newer as NewerVersion {
            throw .newerVersion(newer.version)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
                (try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) == nil
            {
                throw .invalidJSON
            }
            throw problem(for: error)
        } catch let problem as StateFileProblem {
            throw problem
        } catch {
            throw .invalidJSON
        }
    }

    /// An article id key, validated.
    static func id(_ key: String) throws(StateFileProblem) -> ArticleID {
        guard let id = ArticleID(parsing: key), id.rawValue == key else {
            throw .wrongShape("articles.\(key.prefix(40)): not an article id (16 lowercase hex digits)")
        }
        return id
    }

    /// A timestamp field, validated.
    static func time(_ text: String, _ path: String) throws(StateFileProblem) -> StateTime {
        guard let time = StateTime(iso8601: text) else {
            throw .wrongShape("\(path): not a UTC ISO 8601 time")
        }
        return time
    }

    static func problem(for error: DecodingError) -> StateFileProblem {
        func path(_ context: DecodingError.Context) -> String {
            let parts = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return parts.isEmpty ? "top level" : parts.joined(separator: ".")
        }
        switch error {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return .wrongShape("top level: \(context.debugDescription)") }
            return .wrongShape("\(path(context)): \(context.debugDescription)")
        case .keyNotFound(let key, let context):
            let where_ = context.codingPath.isEmpty ? "" : path(context) + "."
            return .wrongShape("missing \(where_)\(key.stringValue)")
        case .typeMismatch(let type, let context):
            return .wrongShape("\(path(context)): expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return .wrongShape("\(path(context)): expected \(describe(type)), found null")
        @unknown default:
            return .wrongShape("unreadable")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: return "true or false"
        case is Int.Type: return "a whole number"
        case is String.Type: return "a string"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Dictionary") || name.hasPrefix("Document") || name.hasSuffix("Entry") { return "an object" }
            return name
        }
    }
}

/// Small helpers for writing the hand-formatted JSON.
extension Array where Element == UInt8 {
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    mutating func appendDecimal(_ value: Int) {
        append(contentsOf: String(value).utf8)
    }

    mutating func appendQuoted(_ time: StateTime) {
        append(UInt8(ascii: "\""))
        time.appendISO8601(to: &self)
        append(UInt8(ascii: "\""))
    }
}
