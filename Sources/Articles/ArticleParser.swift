import Foundation

/// Why a file could not become an article. `description` is one line for a person.
public enum ArticleParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case binary
    case tooLarge(bytes: Int)
    case noText

    public var description: String {
        switch self {
        case .empty: return "the file is empty"
        case .binary: return "this looks like a binary file, not article text"
        case .tooLarge(let bytes): return "the file is too large (\(bytes) bytes)"
        case .noText: return "no readable text in the file"
        }
    }
}

/// Turns scraped plain text or Markdown into an ``Article``.
/// (Placeholder: being replaced by the line-classifying parser.)
public enum ArticleParser {
    /// Largest input accepted, in bytes.
    public static let maximumBytes = 64 * 1024 * 1024

    /// Decodes and parses raw file bytes.
    public static func parse(data: Data) throws -> Article {
        guard !data.isEmpty else { throw ArticleParseError.empty }
        guard data.count <= maximumBytes else { throw ArticleParseError.tooLarge(bytes: data.count) }
        if data.contains(0) { throw ArticleParseError.binary }
        let text = String(decoding: data, as: UTF8.self)
        return try parse(text: text)
    }

    /// Parses decoded text.
    public static func parse(text: String) throws -> Article {
        let blocks = text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        guard let title = blocks.first else { throw ArticleParseError.noText }
        return Article(title: title, sections: [ArticleSection(paragraphs: Array(blocks.dropFirst()))])
    }
}
