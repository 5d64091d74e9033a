import Articles
import Feeds
import Foundation

/// Feeds (RSS, RDF, Atom; JSON Feed as its own target): parsing never traps, the feed's
/// fields and every item's are clean lines, every item's article survives JSON and the
/// Bulletin article file with its guid and feed, and a streamed parse that accepts its
/// items (``FeedStreamParser``, in small chunks) has exactly the whole parse's.
enum FeedFuzzCheck {
    static let feedURL = "https://example.org/feed.xml"

    static func check(_ data: [UInt8]) throws {
        let whole = Result { try FeedParser.parse(data: Data(data), url: feedURL) }
        try checkStream(data, against: whole)
        let feed: ParsedFeed
        do {
            feed = try whole.get()
        } catch is FeedParseError {
            return
        }
        try checkFeed(feed)
    }

    /// The streamed parse, in chunks of 7 bytes, is `nil` or the same feed as `whole`.
    static func checkStream(_ data: [UInt8], against whole: Result<ParsedFeed, any Error>) throws {
        var items: [FeedItem] = []
        guard var streamed = FeedStreamParser.parse(data: Data(data), url: feedURL, chunkBytes: 7, deliver: { items += $1 }) else {
            return
        }
        streamed.items = items
        guard case .success(let feed) = whole else {
            throw FuzzFailure("the streamed parse accepted a feed the whole parse refuses: \(whole)")
        }
        if streamed != feed {
            let first = zip(streamed.items, feed.items).first { $0 != $1 }.map { "\($0.0) ≠ \($0.1)" }
            throw FuzzFailure("the streamed parse differs from the whole parse (\(streamed.items.count) / \(feed.items.count) items): \(first ?? "feed fields: \(streamed.title ?? "-") / \(feed.title ?? "-")")")
        }
    }

    static func checkFeed(_ feed: ParsedFeed) throws {
        try FuzzInvariants.requireCleanLine(feed.title, "feed.title")
        try FuzzInvariants.requireCleanLine(feed.siteURL, "feed.siteURL")
        try FuzzInvariants.requireCleanLine(feed.selfURL, "feed.selfURL")
        try FuzzInvariants.requireCleanLine(feed.author, "feed.author")
        for (i, item) in feed.items.prefix(50).enumerated() {
            try FuzzInvariants.requireCleanLine(item.guid, "items[\(i)].guid")
            try FuzzInvariants.requireCleanLine(item.link, "items[\(i)].link")
            try FuzzInvariants.requireCleanLine(item.title, "items[\(i)].title")
            try FuzzInvariants.requireCleanLine(item.author, "items[\(i)].author")
            let article = item.article(feedURL: feedURL, feedTitle: feed.title)
            try ArticleRoundTrip.check(article, guid: item.guid.map(TextSanitizer.sanitizeLine), feed: feedURL, "items[\(i)] article")
        }
    }
}

/// JSON Feed 1.0/1.1: the same invariants as ``FeedFuzzCheck`` on the JSON reader.
enum JSONFeedFuzzCheck {
    static func check(_ data: [UInt8]) throws {
        let feed: ParsedFeed
        do {
            feed = try FeedParser.parse(data: Data(data), url: FeedFuzzCheck.feedURL)
        } catch is FeedParseError {
            return
        }
        try FeedFuzzCheck.checkFeed(feed)
    }
}

/// OPML subscription lists: parsing never traps, every field is a clean line, and what
/// was read is written and read back as the same subscriptions.
enum OPMLFuzzCheck {
    static func check(_ data: [UInt8]) throws {
        let outlines: [OPMLOutline]
        do {
            outlines = try OPML.parse(data: Data(data))
        } catch is FeedParseError {
            return
        }
        for (i, outline) in outlines.enumerated() {
            try FuzzInvariants.requireCleanLine(outline.url, "outlines[\(i)].url")
            try FuzzInvariants.requireCleanLine(outline.title, "outlines[\(i)].title")
            try FuzzInvariants.requireCleanLine(outline.siteURL, "outlines[\(i)].siteURL")
            for tag in outline.tags { try FuzzInvariants.requireCleanLine(tag, "outlines[\(i)].tags") }
        }
        let written = OPML.write(outlines)
        let again: [OPMLOutline]
        do {
            again = try OPML.parse(data: Data(written.utf8))
        } catch {
            if outlines.isEmpty { return }
            throw FuzzFailure("Bulletin cannot read the OPML it wrote: \(error)\n\(written.prefix(400))")
        }
        if again != outlines {
            let pairs = zip(outlines, again).first { $0 != $1 }.map { "\($0.0) → \($0.1)" }
            throw FuzzFailure("OPML parse → write → parse changed the subscriptions (\(outlines.count) → \(again.count)): \(pairs ?? "")")
        }
    }
}
