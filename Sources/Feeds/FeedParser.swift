import Articles
import Foundation

/// Reads a feed from its bytes: RSS 0.91–2.0, RSS 1.0/0.90 (RDF), Atom 1.0/0.3 and JSON
/// Feed 1.0/1.1.
///
/// XML goes through libxml2 with no DTD, no external entities and no entity substitution
/// (see ``XMLDocument``); JSON through `JSONSerialization`. A web page gives
/// ``FeedParseError/webPage`` ("this is a web page, not a feed"); any other bad input gives
/// one ``FeedParseError``, never a trap. Every text field of the result is one clean line.
public enum FeedParser {
    /// Largest feed accepted, in bytes (64 MiB; the HTTP client caps downloads lower).
    public static let maximumBytes = 64 << 20

    /// Parses `data`; `url` is the feed's address, used to resolve relative links.
    public static func parse(data: Data, url: String? = nil) throws -> ParsedFeed {
        guard data.count <= maximumBytes else { throw FeedParseError.tooLarge(bytes: data.count) }
        let kind = FeedSniffer.kind(of: data)
        switch kind {
        case .html: throw FeedParseError.webPage
        case .jsonFeed: return try JSONFeedReader.read(data, feedURL: url)
        case .opml: throw FeedParseError.notAFeed("this is an OPML subscription list (use bulletin import)")
        case .unknown:
            if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw FeedParseError.empty }
            if let first = data.first(where: { $0 > 0x20 }), first == 0x7B || first == 0x5B {
                return try JSONFeedReader.read(data, feedURL: url)
            }
            if looksLikeHTML(data) { throw FeedParseError.webPage }
            throw FeedParseError.notAFeed("found neither XML nor JSON")
        case .rss, .rdf, .atom, .otherXML:
            let document = try parseXML(data)
            return try XMLFeedReader(document: document, feedURL: url).read()
        }
    }

    /// The parsed document; bytes that are not valid in their declared encoding (a Latin-1
    /// feed declared as UTF-8) are read again as Windows-1252.
    static func parseXML(_ data: Data) throws -> XMLDocument {
        do {
            let document = try XMLDocument(data: data)
            if document.lastErrorCode == 9 /* XML_ERR_INVALID_CHAR */ || document.lastErrorCode == 81 /* XML_ERR_INVALID_ENCODING */ {
                if String(data: data, encoding: .utf8) == nil, let retry = try? XMLDocument(data: data, encoding: "windows-1252") {
                    return retry
                }
            }
            return document
        } catch let error as FeedParseError {
            if case .malformedXML = error, String(data: data, encoding: .utf8) == nil,
                let retry = try? XMLDocument(data: data, encoding: "windows-1252")
            {
                return retry
            }
            throw error
        }
    }

    /// Whether the first bytes hold an HTML tag (`<html`, `<head`, `<body`, `<!doctype html`).
    public static func looksLikeHTML(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(2048), as: UTF8.self).lowercased()
        return head.contains("<!doctype html") || head.contains("<html") || head.contains("<head") || head.contains("<body")
    }
}
