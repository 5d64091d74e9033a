import Foundation

/// What a document looks like from its first bytes, before any parser runs.
public enum FeedSniffer {
    /// The kinds of document told apart.
    public enum Kind: Hashable, Sendable {
        case rss, rdf, atom, jsonFeed, opml, html
        /// Other XML (the root element's name).
        case otherXML(String)
        /// Neither XML nor JSON Feed.
        case unknown
    }

    /// Bytes looked at for the root element.
    static let window = 64 << 10

    /// The kind of `data`: the first element after the XML declaration, comments and
    /// doctype, or a JSON object whose `version` names jsonfeed.org.
    public static func kind(of data: Data) -> Kind {
        data.withUnsafeBytes { raw -> Kind in
            let bytes = raw.bindMemory(to: UInt8.self)
            return kind(of: UnsafeBufferPointer(rebasing: bytes.prefix(window)), whole: bytes)
        }
    }

    /// Whether `data` is a feed (RSS, RDF, Atom or JSON Feed) by its first bytes.
    public static func isFeed(_ data: Data) -> Bool {
        switch kind(of: data) {
        case .rss, .rdf, .atom, .jsonFeed: return true
        default: return false
        }
    }

    static func kind(of b: UnsafeBufferPointer<UInt8>, whole: UnsafeBufferPointer<UInt8>) -> Kind {
        var i = 0
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        while i < b.count {
            let c = b[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                i += 1
                continue
            }
            if c == 0x7B { return isJSONFeed(whole) ? .jsonFeed : .unknown }
            guard c == 0x3C, i + 1 < b.count else { return .unknown }
            let next = b[i + 1]
            if next == 0x3F {  // <? … ?>
                guard let end = find(b, [0x3F, 0x3E], from: i + 2) else { return .unknown }
                i = end + 2
            } else if next == 0x21 {  // <!-- … -->, <!DOCTYPE …>
                if matches(b, i + 2, "--") {
                    guard let end = find(b, [0x2D, 0x2D, 0x3E], from: i + 4) else { return .unknown }
                    i = end + 3
                } else {
                    if matches(b, i + 2, "doctype html") { return .html }
                    i = skipDeclaration(b, from: i + 2)
                }
            } else {
                var j = i + 1
                while j < b.count, b[j] > 0x20, b[j] != 0x3E, b[j] != 0x2F { j += 1 }
                let name = String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)..<j]), as: UTF8.self)
                let local = name.split(separator: ":").last.map(String.init) ?? name
                switch local.lowercased() {
                case "rss", "channel": return .rss
                case "rdf": return .rdf
                case "feed": return .atom
                case "opml": return .opml
                case "html", "head", "body": return .html
                default: return .otherXML(name)
                }
            }
        }
        return .unknown
    }

    /// Past a `<!…>` declaration, including a `[…]` internal subset.
    static func skipDeclaration(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var depth = 0
        var i = start
        while i < b.count {
            switch b[i] {
            case 0x5B: depth += 1
            case 0x5D: depth -= 1
            case 0x3E where depth <= 0: return i + 1
            default: break
            }
            i += 1
        }
        return b.count
    }

    static func matches(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard at + needle.count <= b.count else { return false }
        for k in 0..<needle.count where (b[at + k] | 0x20) != (needle[k] | 0x20) && b[at + k] != needle[k] { return false }
        return true
    }

    static func find(_ b: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= b.count else { return nil }
        var i = start
        while i + needle.count <= b.count {
            if b[i] == needle[0] {
                var ok = true
                for k in 1..<needle.count where b[i + k] != needle[k] {
                    ok = false
                    break
                }
                if ok { return i }
            }
            i += 1
        }
        return nil
    }

    /// A JSON object mentioning `"version"` and `jsonfeed.org/version` (checked properly by
    /// the JSON reader).
    static func isJSONFeed(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        find(b, Array("jsonfeed.org/version".utf8), from: 0) != nil && find(b, Array("\"version\"".utf8), from: 0) != nil
    }
}
