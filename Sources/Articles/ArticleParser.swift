import Foundation

/// Why a file could not become an article. `description` is one line for a person.
public enum ArticleParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file has no bytes, or only whitespace.
    case empty
    /// The file holds NUL bytes, a binary signature, or mostly control bytes.
    case binary
    /// The file is larger than ``ArticleParser/maximumBytes``.
    case tooLarge(bytes: Int)
    /// Nothing readable is left once widgets, promotion and metadata are removed.
    case noText

    public var description: String {
        switch self {
        case .empty: return "the file is empty"
        case .binary: return "this looks like a binary file, not article text"
        case .tooLarge(let bytes): return "the file is too large (\(bytes) bytes, the limit is 64 MiB)"
        case .noText: return "no readable text in the file"
        }
    }
}

/// Turns scraped plain text or Markdown into an ``Article``.
///
/// The pipeline: ``TextDecoder`` (bytes to UTF-8: BOM, UTF-16, Latin-1/Windows-1252
/// fallback, binary detection) → ``LineSplitter`` (LF, CRLF, CR) → ``TextCleaner`` on each
/// line (entities, control characters and escape sequences, Markdown inline markup,
/// whitespace) → ``LineClassifier`` → joining of wrapped lines → ``ArticleAssembler``
/// (title, byline, bio, credit, date, url, source, summary, sections).
///
/// Every string in the result is one clean line: no control characters, no bidi controls,
/// no tabs or newlines. The work is linear in the input (no regular expressions); the
/// parser never traps on any input and reports unusable files as ``ArticleParseError``.
public enum ArticleParser {
    /// Largest input accepted, in bytes (64 MiB).
    public static let maximumBytes = TextDecoder.maximumBytes

    /// Decodes and parses raw file bytes.
    public static func parse(data: Data) throws -> Article {
        let bytes = try TextDecoder.decode(data)
        return try parse(utf8: bytes)
    }

    /// As ``parse(data:)`` but without generating a summary when the article has none of its
    /// own: what the library index needs (everything in a ``LibraryEntry`` is the same).
    static func parseForIndex(data: Data) throws -> Article {
        let bytes = try TextDecoder.decode(data)
        return try parse(utf8: bytes, generatingSummary: false)
    }

    /// As ``parseForIndex(data:)`` for the raw bytes of a file.
    static func parseForIndex(bytes: [UInt8]) throws -> Article {
        try parse(utf8: try TextDecoder.decode(bytes: bytes), generatingSummary: false)
    }

    /// Parses decoded text.
    public static func parse(text: String) throws -> Article {
        guard text.utf8.count <= maximumBytes else { throw ArticleParseError.tooLarge(bytes: text.utf8.count) }
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return try parse(utf8: bytes)
    }

    /// Parses valid UTF-8 bytes.
    static func parse(utf8 bytes: [UInt8], generatingSummary: Bool = true) throws -> Article {
        // A Bulletin article file (front matter with a `bulletin:` key) is read as written.
        if ArticleFile.mayHaveFrontMatter(bytes), let file = ArticleFile.read(utf8: bytes) { return file.article }
        // The language guess is made only if a line has a no-break space before `? ! : ;`.
        var guess: WhitespaceNormalizer.Typography?
        let units = UnitBuilder.build(bytes) {
            if let guess { return guess }
            let typography: WhitespaceNormalizer.Typography = LanguageGuess.isFrench(bytes) ? .french : .standard
            guess = typography
            return typography
        }
        guard !units.isEmpty else { throw ArticleParseError.empty }
        var assembler = ArticleAssembler(units: units)
        assembler.generatesSummary = generatingSummary
        assembler.promoSourcesPending = true
        return try assembler.assemble()
    }
}
