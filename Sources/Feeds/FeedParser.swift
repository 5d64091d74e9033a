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
        try parseLazily(data: data, url: url).all()
    }

    /// As ``parse(data:url:)``, with the items of an XML feed read only as they are asked
    /// for (see ``FeedItemSource``); every error is found here, before any item is read.
    public static func parseLazily(data: Data, url: String? = nil) throws -> FeedItemSource {
        guard data.count <= maximumBytes else { throw FeedParseError.tooLarge(bytes: data.count) }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            // UTF-16 (with its byte order mark): read as UTF-8, whatever the declaration says.
            guard let decoded = try? TextDecoder.decode(data) else {
                throw FeedParseError.notAFeed("UTF-16 text that does not decode")
            }
            let utf8 = Data(decoded)
            guard FeedSniffer.isFeed(utf8) else { return try parseLazily(data: utf8, url: url) }
            switch FeedSniffer.kind(of: utf8) {
            case .jsonFeed: return FeedItemSource(try JSONFeedReader.read(utf8, feedURL: url))
            default: return try read(XMLDocument(data: utf8, encoding: "UTF-8"), url: url)
            }
        }
        let kind = FeedSniffer.kind(of: data)
        switch kind {
        case .html: throw FeedParseError.webPage
        case .jsonFeed: return FeedItemSource(try JSONFeedReader.read(data, feedURL: url))
        case .opml: throw FeedParseError.notAFeed("it is an OPML subscription list (use bulletin import)")
        case .unknown:
            if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw FeedParseError.empty }
            if let first = data.first(where: { $0 > 0x20 }), first == 0x7B || first == 0x5B {
                return FeedItemSource(try JSONFeedReader.read(data, feedURL: url))
            }
            if HTMLArticleParser.looksLikeHTML(data) { throw FeedParseError.webPage }
            throw FeedParseError.notAFeed("found neither XML nor JSON")
        case .rss, .rdf, .atom, .otherXML:
            return try read(parseXML(data), url: url)
        }
    }

    /// The feed in a parsed XML document.
    static func read(_ document: XMLDocument, url: String?) throws -> FeedItemSource {
        let source = try XMLFeedReader(document: document, feedURL: url).outline()
        // Recovery that found nothing is an error, not an empty feed.
        if let error = document.recoveredError, source.count == 0, source.feed.title == nil { throw error }
        return source
    }

    /// The parsed document. Bytes that are not valid in the declared encoding (a Latin-1
    /// feed declared as UTF-8, or declaring nothing) are read again with every invalid byte
    /// taken as Windows-1252, as the text parser does (Articles' ``TextDecoder``).
    static func parseXML(_ data: Data) throws -> XMLDocument {
        var firstError: FeedParseError?
        do {
            let document = try XMLDocument(data: data)
            let code = document.lastErrorCode
            // XML_ERR_INVALID_CHAR (9), XML_ERR_INVALID_ENCODING (81)
            guard code == 9 || code == 81, declaresUTF8(data) else { return document }
            if let retry = try? reparseRepaired(data) { return retry }
            return document
        } catch let error as FeedParseError {
            firstError = error
        }
        if declaresUTF8(data), let retry = try? reparseRepaired(data) { return retry }
        throw firstError!
    }

    static func reparseRepaired(_ data: Data) throws -> XMLDocument? {
        guard String(data: data, encoding: .utf8) == nil else { return nil }
        let repaired = try TextDecoder.decode(data)
        return try XMLDocument(data: Data(repaired), encoding: "UTF-8")
    }

    /// Whether the XML declaration names UTF-8 or no encoding (which means UTF-8).
    static func declaresUTF8(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(200), as: UTF8.self).lowercased()
        guard head.hasPrefix("<?xml") || head.hasPrefix("\u{FEFF}<?xml"), let end = head.range(of: "?>") else { return true }
        let declaration = head[..<end.lowerBound]
        guard let encoding = declaration.range(of: "encoding") else { return true }
        let rest = declaration[encoding.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        return rest.hasPrefix("utf-8") || rest.hasPrefix("utf8")
    }
}
