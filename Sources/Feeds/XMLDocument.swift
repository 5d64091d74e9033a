import Articles
import CLibXML2
import Foundation

/// A libxml2 document parsed safely from untrusted bytes, with the node helpers the feed and
/// OPML readers need.
///
/// Options: `XML_PARSE_NONET` (no network), `XML_PARSE_NOERROR | XML_PARSE_NOWARNING` (no
/// output on stderr), `XML_PARSE_RECOVER` (read what is there), `XML_PARSE_NOCDATA`, and
/// never `XML_PARSE_NOENT` or `XML_PARSE_DTDLOAD`: no DTD is loaded, no external entity is
/// read and no entity is substituted. Entity references stay reference nodes; ``text(of:)``
/// expands only internal entities whose replacement holds no markup or further references, so
/// a "billion laughs" document stays as small as its bytes.
final class XMLDocument {
    let doc: xmlDocPtr
    /// The root element.
    let root: xmlNodePtr
    /// Namespace kinds by namespace pointer (a document has few).
    private var namespaceCache: [UnsafeMutablePointer<xmlNs>: XMLNamespace] = [:]

    static let options: Int32 = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_RECOVER.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

    /// libxml2's one-time set-up, done before any parse (it must not race between threads).
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `data`; `encoding` overrides the document's declaration (for a retry).
    init(data: Data, encoding: String? = nil) throws {
        XMLDocument.prepareThread()
        guard let context = xmlNewParserCtxt() else { throw FeedParseError.malformedXML("out of memory") }
        defer { xmlFreeParserCtxt(context) }
        let parsed: xmlDocPtr? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            return xmlCtxtReadMemory(
                context, base.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, encoding,
                XMLDocument.options)
        }
        let errorCode = context.pointee.lastError.code
        let message = context.pointee.lastError.message.map { String(cString: $0) }
        guard let parsed else { throw XMLDocument.error(code: errorCode, message: message) }
        guard let root = xmlDocGetRootElement(parsed) else {
            xmlFreeDoc(parsed)
            throw XMLDocument.error(code: errorCode, message: message ?? "no root element")
        }
        doc = parsed
        self.root = root
        self.lastErrorCode = errorCode
        self.recoveredError = context.pointee.wellFormed == 0 ? XMLDocument.error(code: errorCode, message: message) : nil
        if context.pointee.wellFormed == 0 && XMLDocument.declaresNestedEntities(parsed) {
            throw FeedParseError.entityExpansion
        }
    }

    /// Takes over `doc`, which a push parser is still building (``FeedStreamParser``); its
    /// root element exists. The parser's errors are the parser's to report.
    init(building doc: xmlDocPtr, root: xmlNodePtr) {
        self.doc = doc
        self.root = root
        lastErrorCode = 0
        recoveredError = nil
    }

    /// libxml2's one-time set-up and this thread's silent error handler, before any parse.
    static func prepareThread() {
        _ = XMLDocument.initialized
        // Errors that bypass the context (encoding conversion, I/O) go to this thread's
        // handler, not to stderr.
        xmlSetStructuredErrorFunc(nil) { _, _ in }
    }

    /// Whether the internal subset declares an entity whose replacement refers to another
    /// entity: how expansion bombs are built, and never needed by a real feed.
    static func declaresNestedEntities(_ doc: xmlDocPtr) -> Bool {
        guard let subset = doc.pointee.intSubset else { return false }
        var node = subset.pointee.children
        while let n = node {
            if n.pointee.type == XML_ENTITY_DECL {
                let entity = UnsafeMutableRawPointer(n).assumingMemoryBound(to: xmlEntity.self)
                if let content = entity.pointee.content,
                    strchr(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self), 0x26) != nil
                {
                    return true
                }
            }
            node = n.pointee.next
        }
        return false
    }

    /// The code of the last error libxml2 recovered from (0 when none).
    let lastErrorCode: Int32
    /// The error libxml2 recovered from, when the document was not well-formed.
    let recoveredError: FeedParseError?

    deinit { xmlFreeDoc(doc) }

    static func error(code: Int32, message: String?) -> FeedParseError {
        if code == Int32(XML_ERR_ENTITY_LOOP.rawValue) || code == Int32(XML_ERR_ENTITY_BOUNDARY.rawValue) {
            return .entityExpansion
        }
        let text = (message ?? "no XML content").trimmingCharacters(in: .whitespacesAndNewlines)
        return .malformedXML(TextSanitizer.sanitize(text))
    }

    // MARK: Nodes

    /// Element children of `node`.
    func elements(of node: xmlNodePtr) -> XMLElementSequence { XMLElementSequence(first: node.pointee.children) }

    /// The element's local name.
    func name(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name)
    }

    /// The namespace the element is in.
    func namespace(_ node: xmlNodePtr) -> XMLNamespace {
        guard let ns = node.pointee.ns else { return .none }
        if let kind = namespaceCache[ns] { return kind }
        let kind = ns.pointee.href.map { XMLNamespace(href: String(cString: $0)) } ?? .none
        namespaceCache[ns] = kind
        return kind
    }

    /// The value of attribute `name` (any namespace), text and entity references joined.
    func attribute(_ node: xmlNodePtr, _ wanted: String) -> String? {
        var attr = node.pointee.properties
        while let a = attr {
            if let name = a.pointee.name, String(cString: name) == wanted {
                return text(from: a.pointee.children)
            }
            attr = a.pointee.next
        }
        return nil
    }

    /// Bytes that expanding internal entities may still add, for the whole document (1 MiB):
    /// a "quadratic blowup" (one big entity referenced many times) stays bounded.
    private var entityBudget = 1 << 20

    /// The text of `node` and its descendants (text and CDATA), without markup.
    func text(of node: xmlNodePtr) -> String {
        text(from: node.pointee.children)
    }

    /// The text of `first` and its following siblings (with their descendants), without markup.
    private func text(from first: xmlNodePtr?) -> String {
        var bytes: [UInt8] = []
        var child = first
        while let c = child {
            appendText(c, into: &bytes, budget: &entityBudget)
            child = c.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func appendText(_ node: xmlNodePtr, into bytes: inout [UInt8], budget: inout Int) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { append(content, into: &bytes) }
        case XML_ENTITY_REF_NODE:
            appendEntity(node, into: &bytes, budget: &budget)
        case XML_ELEMENT_NODE:
            var child = node.pointee.children
            while let c = child {
                appendText(c, into: &bytes, budget: &budget)
                child = c.pointee.next
            }
        default:
            break
        }
    }

    /// An entity reference: an internal entity with plain replacement text is expanded
    /// (within the budget); anything else is kept as `&name;` for the later entity cleanup.
    private func appendEntity(_ node: xmlNodePtr, into bytes: inout [UInt8], budget: inout Int) {
        guard let name = node.pointee.name else { return }
        if let entity = xmlGetDocEntity(doc, name), entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY,
            let content = entity.pointee.content
        {
            let length = Int(strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)))
            let buffer = UnsafeBufferPointer(start: content, count: length)
            if length <= budget, !buffer.contains(0x26), !buffer.contains(0x3C) {
                budget -= length
                bytes.append(contentsOf: buffer)
                return
            }
        }
        bytes.append(0x26)
        append(name, into: &bytes)
        bytes.append(0x3B)
    }

    private func append(_ text: UnsafePointer<xmlChar>, into bytes: inout [UInt8]) {
        let length = Int(strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self)))
        bytes.append(contentsOf: UnsafeBufferPointer(start: text, count: length))
    }

    /// The markup inside `node` (its children serialised), for Atom `xhtml` content.
    func innerXML(of node: xmlNodePtr) -> String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        var child = node.pointee.children
        while let c = child {
            xmlNodeDump(buffer, doc, c, 0, 0)
            child = c.pointee.next
        }
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }
}

/// The element children of a node, in order.
struct XMLElementSequence: Sequence, IteratorProtocol {
    var upcoming: xmlNodePtr?

    init(first: xmlNodePtr?) { upcoming = first }

    mutating func next() -> xmlNodePtr? {
        while let node = upcoming {
            upcoming = node.pointee.next
            if node.pointee.type == XML_ELEMENT_NODE { return node }
        }
        return nil
    }
}

/// The XML namespaces feeds use, by what they mean.
enum XMLNamespace: Hashable {
    case none, rss10, rss090, rdf, atom10, atom03, content, dublinCore, other

    init(href: String) {
        switch href {
        // Some RSS 2.0 feeds put their elements in a namespace of their own.
        case "http://backend.userland.com/rss2", "http://backend.userland.com/rss", "http://blogs.law.harvard.edu/tech/rss":
            self = .none
        case "http://purl.org/rss/1.0/": self = .rss10
        case "http://my.netscape.com/rdf/simple/0.9/": self = .rss090
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": self = .rdf
        case "http://www.w3.org/2005/Atom": self = .atom10
        case "http://purl.org/atom/ns#": self = .atom03
        case "http://purl.org/rss/1.0/modules/content/": self = .content
        case "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/": self = .dublinCore
        default: self = .other
        }
    }

    /// RSS's own elements: no namespace, or the RSS 1.0/0.90 one.
    var isRSS: Bool { self == .none || self == .rss10 || self == .rss090 }
    /// Atom 1.0 or 0.3.
    var isAtom: Bool { self == .atom10 || self == .atom03 }
    /// Read as Atom's in a feed whose root is in `native`: Atom's namespaces, none, or
    /// whatever (misspelt) namespace the root is in.
    func isAtom(native: XMLNamespace) -> Bool { isAtom || self == .none || self == native }
}
