/// Why bytes could not be read as a feed or an OPML file. `description` is one line for a person.
public enum FeedParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No bytes, or only whitespace.
    case empty
    /// More bytes than ``FeedParser/maximumBytes``.
    case tooLarge(bytes: Int)
    /// An HTML page where a feed was expected.
    case webPage
    /// Well-formed, but neither RSS, RDF, Atom nor JSON Feed (the detail says what it is).
    case notAFeed(String)
    /// Not an OPML document (the detail says what it is).
    case notOPML(String)
    /// XML that libxml2 could not read even in recovery mode (its message).
    case malformedXML(String)
    /// JSON that could not be read (the reason).
    case malformedJSON(String)
    /// The document declares entities whose expansion would grow it without bound.
    case entityExpansion

    public var description: String {
        switch self {
        case .empty: return "the feed is empty"
        case .tooLarge(let bytes): return "the feed is too large (\(bytes) bytes, the limit is \(FeedParser.maximumBytes >> 20) MiB)"
        case .webPage: return "this is a web page, not a feed"
        case .notAFeed(let detail): return "this is not a feed: \(detail)"
        case .notOPML(let detail): return "this is not an OPML file: \(detail)"
        case .malformedXML(let detail): return "the feed is not readable XML: \(detail)"
        case .malformedJSON(let detail): return "the JSON feed is not readable: \(detail)"
        case .entityExpansion: return "the feed declares nested XML entities (an entity expansion attack); refused"
        }
    }
}
