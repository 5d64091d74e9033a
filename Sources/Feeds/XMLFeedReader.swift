import Articles
import CLibXML2
import Foundation

/// Reads RSS 0.91–2.0, RSS 1.0/0.90 (RDF) and Atom 1.0/0.3 from a parsed ``XMLDocument``.
struct XMLFeedReader {
    let document: XMLDocument
    /// The feed's own address, for resolving relative links.
    let feedURL: String?

    /// The feed's own fields and its item elements, each read into a ``FeedItem`` only when
    /// asked (see ``FeedItemSource``). With `until`, an item element of ``itemContainer()``,
    /// only the fields before it and no items: what a reader that has parsed up to that item
    /// knows of the feed (see ``FeedStreamParser``).
    func outline(until: xmlNodePtr? = nil) throws -> FeedItemSource {
        let root = document.root
        let name = document.name(root)
        let ns = document.namespace(root)
        switch name {
        case "rss" where ns == .none, "channel" where ns == .none:
            return outlineRSS(root: root, format: .rss, until: until)
        case "RDF":
            return outlineRSS(root: root, format: .rdf, until: until)
        case "feed":
            return outlineAtom(root: root, until: until)
        case "html", "HTML", "body":
            throw FeedParseError.webPage
        default:
            throw FeedParseError.notAFeed("the document is <\(TextSanitizer.sanitize(name))>, not RSS or Atom")
        }
    }

    // MARK: RSS and RDF

    /// Where the items of the document are, as far as it has been parsed: the element whose
    /// children they are and how to tell them from its other children; `nil` when that
    /// element has not started yet (or the root is not a feed's). RSS keeps items in
    /// `channel`, RDF beside it under the root, Atom under the root. The items
    /// ``outline(until:)`` finds elsewhere (an RSS item outside its channel) are not here.
    func itemContainer() -> (node: xmlNodePtr, isItem: (xmlNodePtr) -> Bool)? {
        let root = document.root
        let ns = document.namespace(root)
        switch document.name(root) {
        case "rss" where ns == .none, "channel" where ns == .none:
            return channel(of: root).map { ($0, isChannelItem) }
        case "RDF":
            return (root, isRootItem)
        case "feed":
            return (root, { document.namespace($0).isAtom(native: ns) && document.name($0) == "entry" })
        default:
            return nil
        }
    }

    /// The RSS channel: the root when it is one, else its first `channel` element.
    func channel(of root: xmlNodePtr) -> xmlNodePtr? {
        document.name(root) == "channel" ? root : document.elements(of: root).first { document.name($0) == "channel" }
    }

    /// An item of an RSS channel: `item` in no namespace or RSS 1.0's (or 0.90's).
    func isChannelItem(_ node: xmlNodePtr) -> Bool { document.name(node) == "item" && document.namespace(node).isRSS }

    /// An item beside the channel, under the root (RDF), in any namespace.
    func isRootItem(_ node: xmlNodePtr) -> Bool { document.name(node) == "item" }

    /// RSS keeps items in `channel`; RDF keeps them beside it, under the root.
    func outlineRSS(root: xmlNodePtr, format: FeedFormat, until: xmlNodePtr? = nil) -> FeedItemSource {
        var feed = ParsedFeed(format: format)
        let channel = channel(of: root)
        var itemNodes: [xmlNodePtr] = []
        if let channel {
            for child in document.elements(of: channel) {
                if child == until { break }
                if isChannelItem(child) {
                    itemNodes.append(child)
                    continue
                }
                let ns = document.namespace(child)
                switch (document.name(child), ns) {
                case ("title", let ns) where ns.isRSS: feed.title = feed.title ?? FeedText.line(document.text(of: child))
                case ("link", let ns) where ns.isRSS: feed.siteURL = feed.siteURL ?? FeedText.link(document.text(of: child))
                case ("link", let ns) where ns.isAtom:
                    if document.attribute(child, "rel") == "self" {
                        feed.selfURL = FeedText.link(document.attribute(child, "href"))
                    }
                case ("creator", .dublinCore), ("managingEditor", .none):
                    feed.author = feed.author ?? FeedText.person(document.text(of: child))
                default: break
                }
            }
        }
        if channel != root, until == nil {
            for child in document.elements(of: root) where isRootItem(child) { itemNodes.append(child) }
        }
        return FeedItemSource(feed: feed, elements: FeedItemSource.Elements(reader: self, nodes: itemNodes, base: feed.siteURL ?? feedURL, atom: nil))
    }

    func readRSSItem(_ node: xmlNodePtr, base: String?) -> FeedItem {
        var item = FeedItem()
        var guidIsPermaLink = false
        var pubDate: Date?
        var dcDate: Date?
        var description: String?
        var encoded: String?
        var rssAuthor: String?
        var creator: String?
        if let about = document.attribute(node, "about") { item.guid = FeedText.identifier(about) }
        for child in document.elements(of: node) {
            let ns = document.namespace(child)
            switch (document.name(child), ns) {
            case ("title", let ns) where ns.isRSS:
                item.title = item.title ?? FeedText.line(FeedText.htmlToText(document.text(of: child)))
            case ("link", let ns) where ns.isRSS:
                item.link = item.link ?? FeedText.link(document.text(of: child), base: base)
            case ("link", let ns) where ns.isAtom:
                let rel = document.attribute(child, "rel") ?? "alternate"
                if rel == "alternate", item.link == nil {
                    item.link = FeedText.link(document.attribute(child, "href"), base: base)
                }
            case ("guid", .none):
                item.guid = FeedText.identifier(document.text(of: child))
                guidIsPermaLink = document.attribute(child, "isPermaLink")?.lowercased() != "false"
            case ("description", let ns) where ns.isRSS: description = document.text(of: child)
            case ("encoded", .content): encoded = document.text(of: child)
            case ("pubDate", .none): pubDate = FeedDate.parse(document.text(of: child))
            case ("date", .dublinCore): dcDate = dcDate ?? FeedDate.parse(document.text(of: child))
            case ("author", .none): rssAuthor = FeedText.person(document.text(of: child))
            case ("creator", .dublinCore): creator = creator ?? FeedText.person(document.text(of: child))
            default: break
            }
        }
        if item.link == nil, guidIsPermaLink, let guid = item.guid, FeedText.isWebAddress(guid) { item.link = guid }
        item.date = pubDate ?? dcDate
        item.author = creator ?? rssAuthor
        if let encoded, !FeedText.isBlank(encoded) {
            item.content = .html(encoded)
            if let description, !FeedText.isBlank(description) { item.summary = FeedText.content(description) }
        } else if let description, !FeedText.isBlank(description) {
            item.content = FeedText.content(description)
        }
        return item
    }

    // MARK: Atom

    func outlineAtom(root: xmlNodePtr, until: xmlNodePtr? = nil) -> FeedItemSource {
        var feed = ParsedFeed(format: .atom)
        var entries: [xmlNodePtr] = []
        let native = document.namespace(root)
        for child in document.elements(of: root) {
            if child == until { break }
            guard document.namespace(child).isAtom(native: native) else { continue }
            switch document.name(child) {
            case "title": feed.title = FeedText.line(atomText(child).plain)
            case "link":
                let rel = document.attribute(child, "rel") ?? "alternate"
                let href = FeedText.link(document.attribute(child, "href"), base: feedURL)
                if rel == "alternate", feed.siteURL == nil || document.attribute(child, "type") == "text/html" {
                    feed.siteURL = href ?? feed.siteURL
                } else if rel == "self" {
                    feed.selfURL = href
                }
            case "author": feed.author = feed.author ?? atomPerson(child)
            case "entry": entries.append(child)
            default: break
            }
        }
        return FeedItemSource(feed: feed, elements: FeedItemSource.Elements(reader: self, nodes: entries, base: feed.siteURL ?? feedURL, atom: native))
    }

    func readAtomEntry(_ node: xmlNodePtr, base: String?, native: XMLNamespace) -> FeedItem {
        var item = FeedItem()
        var published: Date?
        var updated: Date?
        var alternate: String?
        var firstLink: String?
        var sourceAuthor: String?
        for child in document.elements(of: node) {
            let ns = document.namespace(child)
            if ns == .dublinCore {
                if document.name(child) == "creator", item.author == nil { item.author = FeedText.person(document.text(of: child)) }
                continue
            }
            guard ns.isAtom(native: native) else { continue }
            switch document.name(child) {
            case "id": item.guid = FeedText.identifier(document.text(of: child))
            case "title": item.title = FeedText.line(atomText(child).plain)
            case "link":
                let rel = document.attribute(child, "rel") ?? "alternate"
                let href = FeedText.link(document.attribute(child, "href"), base: base)
                if rel == "alternate" {
                    if alternate == nil || document.attribute(child, "type") == "text/html" { alternate = href ?? alternate }
                } else if firstLink == nil, rel != "self", rel != "edit", rel != "enclosure", rel != "replies" {
                    firstLink = href
                }
            case "published", "issued", "created": published = published ?? FeedDate.parse(document.text(of: child))
            case "updated", "modified": updated = updated ?? FeedDate.parse(document.text(of: child))
            case "author": item.author = atomPerson(child) ?? item.author
            case "content":
                if document.attribute(child, "src") == nil {
                    let value = atomText(child).content
                    if !FeedText.isBlank(value.value) { item.content = value }
                }
            case "summary":
                let value = atomText(child).content
                if !FeedText.isBlank(value.value) { item.summary = value }
            case "source":
                for sub in document.elements(of: child) where document.name(sub) == "author" {
                    sourceAuthor = sourceAuthor ?? atomPerson(sub)
                }
            default: break
            }
        }
        item.link = alternate ?? firstLink
        item.date = published ?? updated
        if item.author == nil { item.author = sourceAuthor }
        return item
    }

    /// An Atom text construct: `type` text (default), html or xhtml (Atom 1.0), or a MIME
    /// type with `mode` escaped/xml/base64 (Atom 0.3).
    func atomText(_ node: xmlNodePtr) -> (content: FeedContent, plain: String) {
        let type = (document.attribute(node, "type") ?? "text").lowercased()
        let mode = document.attribute(node, "mode")?.lowercased()
        if type == "xhtml" || type == "application/xhtml+xml" || mode == "xml" {
            var container = node
            if let div = document.elements(of: node).first(where: { document.name($0) == "div" }) { container = div }
            let markup = document.innerXML(of: container)
            return (.html(markup), FeedText.htmlToText(markup))
        }
        var raw = document.text(of: node)
        if mode == "base64", let data = Data(base64Encoded: raw, options: .ignoreUnknownCharacters) {
            raw = String(decoding: data, as: UTF8.self)
        }
        if type == "html" || type == "text/html" || mode == "escaped" {
            return (.html(raw), FeedText.htmlToText(raw))
        }
        return (.text(raw), raw)
    }

    /// An Atom person construct's name (else its email).
    func atomPerson(_ node: xmlNodePtr) -> String? {
        var email: String?
        for child in document.elements(of: node) {
            switch document.name(child) {
            case "name":
                if let name = FeedText.person(document.text(of: child)) { return name }
            case "email": email = FeedText.line(document.text(of: child))
            default: break
            }
        }
        if let email { return email }
        // A sloppy feed writes the name as the element's text.
        var children = document.elements(of: node)
        return children.next() == nil ? FeedText.person(document.text(of: node)) : nil
    }
}
