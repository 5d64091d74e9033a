import CLibXML2
import Foundation

/// A parsed feed whose items are read a range at a time: the feed's own fields at once,
/// each item only when asked, so that a caller can convert and store the first items while
/// later ones are still unread (``FeedParser/parseLazily(data:url:)``). Items read in any
/// ranges are the same as ``FeedParser/parse(data:url:)``'s. Not for use from two threads
/// at once (an XML feed reads from its libxml2 document).
public struct FeedItemSource {
    /// The feed's own fields, with no items.
    public let feed: ParsedFeed
    private let storage: Storage

    /// The item elements of an XML feed and how to read them.
    struct Elements {
        let reader: XMLFeedReader
        let nodes: [xmlNodePtr]
        /// What relative links resolve against.
        let base: String?
        /// The Atom namespace of the root (`nil`: RSS or RDF items).
        let atom: XMLNamespace?
    }

    private enum Storage {
        case read([FeedItem])
        case elements(Elements)
    }

    /// Items already read (a JSON Feed): `feed` without them, and them.
    init(_ parsed: ParsedFeed) {
        var feed = parsed
        feed.items = []
        self.feed = feed
        storage = .read(parsed.items)
    }

    /// An XML feed's fields and item elements.
    init(feed: ParsedFeed, elements: Elements) {
        self.feed = feed
        storage = .elements(elements)
    }

    /// Number of items.
    public var count: Int {
        switch storage {
        case .read(let items): return items.count
        case .elements(let elements): return elements.nodes.count
        }
    }

    /// The items in `range` (within `0..<count`), in feed order; an item naming no author
    /// inherits the feed's.
    public func items(_ range: Range<Int>) -> [FeedItem] {
        switch storage {
        case .read(let items): return Array(items[range])
        case .elements(let elements):
            return elements.nodes[range].map { node in
                var item = elements.atom.map { elements.reader.readAtomEntry(node, base: elements.base, native: $0) }
                    ?? elements.reader.readRSSItem(node, base: elements.base)
                if item.author == nil { item.author = feed.author }
                return item
            }
        }
    }

    /// The items of `nodes`, item elements of this source's document that it does not list
    /// (its feed's fields with items the parser has moved past since; see
    /// ``FeedStreamParser``), read as ``items(_:)`` reads its own.
    func items(of nodes: [xmlNodePtr]) -> [FeedItem] {
        guard case .elements(let elements) = storage else { return [] }
        return FeedItemSource(feed: feed, elements: Elements(reader: elements.reader, nodes: nodes, base: elements.base, atom: elements.atom))
            .items(0..<nodes.count)
    }

    /// The whole feed, every item read.
    public func all() -> ParsedFeed {
        var whole = feed
        whole.items = items(0..<count)
        return whole
    }
}
