import Articles
import CLibXML2
import Foundation

/// Reads an RSS, RDF or Atom feed while libxml2 parses it a chunk at a time: each item is
/// handed over as soon as the parser has moved past it, and its element is freed, so a
/// caller converts items while the rest of the document is parsed and the tree never holds
/// more than a chunk's worth of them.
///
/// Items are read with what the feed said before its first item (the base of relative links,
/// the author items inherit). The result is checked when the document ends: it is returned
/// only when it is what ``FeedParser/parseLazily(data:url:)`` gives the same bytes, and `nil`
/// otherwise (a feed field that comes after the items and changes them, items outside their
/// container, a document libxml2 had to recover or whose encoding needs repair, anything
/// that is not RSS, RDF or Atom in UTF-8 or a declared 8-bit encoding). After `nil` the
/// caller discards the items it was given and parses the document the whole way.
public enum FeedStreamParser {
    /// Bytes handed to libxml2 at a time.
    public static let chunkBytes = 64 << 10

    /// Parses `data` (the feed at `url`), calling `deliver` on this thread with the items
    /// read after each chunk, in feed order, and the feed's fields they were read with (no
    /// items); returns the feed's fields at the end, or `nil` when the items given are not to
    /// be used (see above).
    public static func parse(
        data: Data, url: String?, chunkBytes: Int = chunkBytes, deliver: (_ feed: ParsedFeed, _ items: [FeedItem]) -> Void
    ) -> ParsedFeed? {
        guard data.count <= FeedParser.maximumBytes, !data.starts(with: [0xFF, 0xFE]), !data.starts(with: [0xFE, 0xFF]) else {
            return nil
        }
        switch FeedSniffer.kind(of: data) {
        case .rss, .rdf, .atom: break
        default: return nil
        }
        return data.withUnsafeBytes { raw -> ParsedFeed? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count > 4 else { return nil }
            XMLDocument.prepareThread()
            guard let context = xmlCreatePushParserCtxt(nil, nil, base, 4, nil) else { return nil }
            defer { xmlFreeParserCtxt(context) }
            xmlCtxtUseOptions(context, XMLDocument.options)
            var reading = Reading(url: url)
            defer {
                // The document belongs to `reading` once its root has started; before, it is freed here.
                if reading.document == nil, let doc = context.pointee.myDoc { xmlFreeDoc(doc) }
                context.pointee.myDoc = nil
            }
            var offset = 4
            while offset < raw.count {
                let length = min(chunkBytes, raw.count - offset)
                let finished = offset + length == raw.count
                let status = xmlParseChunk(context, base + offset, Int32(length), finished ? 1 : 0)
                offset += length
                // A document libxml2 has to recover, or that stopped it (an encoding it cannot
                // convert halts the parser without marking the document ill-formed), is read
                // the whole way, as it always was.
                guard status == 0, context.pointee.errNo == 0, context.pointee.wellFormed != 0,
                    reading.advance(context, finished: finished, deliver: deliver)
                else {
                    return nil
                }
            }
            return reading.finish()
        }
    }

    /// What has been read of the document so far.
    private struct Reading {
        let url: String?
        /// The document, once its root element has started.
        var document: XMLDocument?
        var reader: XMLFeedReader?
        /// Where the items are, once that element has started.
        var container: (node: xmlNodePtr, isItem: (xmlNodePtr) -> Bool)?
        /// The last child of the container looked at and kept (items are freed once read).
        var lastKept: xmlNodePtr?
        /// What the feed said before its first item, once there is one: items are read with it.
        var before: FeedItemSource?

        init(url: String?) { self.url = url }

        /// Reads the items the parser has moved past (all of them once `finished`) and frees
        /// their elements; `false` when the document turns out not to be a feed read here. A
        /// root that is not a feed's never gives a container: nothing is read, and ``finish()``
        /// refuses it.
        mutating func advance(_ context: xmlParserCtxtPtr, finished: Bool, deliver: (ParsedFeed, [FeedItem]) -> Void) -> Bool {
            if document == nil {
                guard let doc = context.pointee.myDoc, let root = xmlDocGetRootElement(doc) else { return true }
                let document = XMLDocument(building: doc, root: root)
                self.document = document
                reader = XMLFeedReader(document: document, feedURL: url)
            }
            if container == nil {
                container = reader!.itemContainer()
                guard container != nil else { return true }
            }
            let (parent, isItem) = container!
            var nodes: [xmlNodePtr] = []
            var node = lastKept.map { $0.pointee.next } ?? parent.pointee.children
            // A child with a next sibling is complete; the last one only once the document is.
            while let child = node, finished || child.pointee.next != nil {
                node = child.pointee.next
                if child.pointee.type == XML_ELEMENT_NODE && isItem(child) {
                    nodes.append(child)
                } else {
                    lastKept = child
                }
            }
            guard !nodes.isEmpty else { return true }
            if before == nil {
                guard let outline = try? reader!.outline(until: nodes[0]) else { return false }
                before = outline
            }
            deliver(before!.feed, before!.items(of: nodes))
            for child in nodes {
                xmlUnlinkNode(child)
                xmlFreeNode(child)
            }
            return true
        }

        /// The feed's fields, when the items read are the ones a whole parse finds: none is
        /// left in the tree and the fields they were read with (base, author, title) are the
        /// same at the end.
        func finish() -> ParsedFeed? {
            guard let reader, let whole = try? reader.outline(), whole.count == 0 else { return nil }
            if let before {
                let baseBefore = before.feed.siteURL ?? url
                let baseAfter = whole.feed.siteURL ?? url
                guard baseBefore == baseAfter, before.feed.author == whole.feed.author, before.feed.title == whole.feed.title else {
                    return nil
                }
            }
            return whole.feed
        }
    }
}
