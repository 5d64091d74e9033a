import Articles
import Feeds
import Foundation

/// How many words make an item more than a teaser (under this, `auto` fetches its page).
public enum FullArticlePolicy {
    /// About 60 words.
    public static let teaserWords = 60
    /// Pages fetched per feed per refresh; the rest keep their teaser until a later refresh.
    public static let pagesPerRefresh = 20
    /// Refreshes that try an item's page before giving up on it (it keeps its teaser; an
    /// item the feed changes is tried afresh).
    public static let pageTries = 5
}

/// The result of refreshing one feed.
public struct FeedRefreshResult: Sendable {
    /// The feed.
    public var subscription: Subscription
    /// How it went.
    public var status: FeedStatus
    /// Items stored for the first time.
    public var newCount: Int
    /// Known items whose content changed and whose file was replaced.
    public var updatedCount: Int
}

/// An item ready to be written: what the store stages (its file, its earlier file and,
/// once ``FeedRefresher/render(_:)`` has run, its rendering) and what to remember about it.
struct StagedItem: Sendable {
    var guid: String
    var stored: ArticleStore.Item
    var fingerprint: String
    var teaser: Bool
    /// Its page failed in this refresh (a new or changed item: its first failure, counted by
    /// ``KnownItem/pageFailed()``).
    var pageFailed = false
}

/// What one feed's refresh produced besides its items (which go to its ``StagedItemStream``).
struct FeedWork: Sendable {
    var result: FeedRefreshResult
    var state: FeedState
}

/// Refreshes one feed: conditional GET, parse, compare with the known items, complete
/// teasers from their pages. Writes nothing: its ``ItemPipeline`` sends the items to store
/// to a ``StagedItemStream`` a slice at a time, as they are converted, and ``RefreshRun``'s
/// writer stages them meanwhile and commits at the end.
struct FeedRefresher: Sendable {
    let transport: any Transport
    let limiter: FetchLimiter
    /// The library's articles folder, where the files of known items are read back (teasers
    /// waiting for their page); `nil`: they are not.
    var articlesDirectory: URL?

    /// Fetches through the limiter (a cancelled wait counts as a cancelled fetch).
    func limitedFetch(_ url: URL, kind: FetchKind, conditional: ConditionalHeaders? = nil) async -> FetchResult {
        let transport = transport
        do {
            return try await limiter.run(for: url) { await transport.fetch(url: url, kind: kind, conditional: conditional) }
        } catch {
            return .failed(.cancelled)
        }
    }

    /// Refreshes `subscription` from its `previous` state; sends the items to store to
    /// `sink`, in feed order (the caller finishes the stream).
    func refresh(_ subscription: Subscription, state previous: FeedState, now: Date, sink: StagedItemStream) async -> FeedWork {
        var state = previous
        var result = FeedRefreshResult(subscription: subscription, status: .ok, newCount: 0, updatedCount: 0)
        func finish(_ status: FeedStatus) -> FeedWork {
            if case .waiting = status {} else { state.lastRefresh = now }
            state.lastStatus = status
            result.status = status
            return FeedWork(result: result, state: state)
        }
        let body: FetchedBody
        switch await fetchFeed(subscription, state: &state, now: now) {
        case .finished(.notModified):
            result.updatedCount = await retryTeasers(subscription, state: &state, sink: sink)
            return finish(.notModified)
        case .finished(let status): return finish(status)
        case .fetched(let fetched): body = fetched
        }
        // An RSS, RDF or Atom feed is read while it is parsed (``FeedStreamParser``): its
        // items are converted from the first chunk on and sent once the parse confirms them;
        // otherwise (or when it does not) the feed is parsed whole and read a slice at a time.
        var pipeline = ItemPipeline(subscription: subscription, known: state.items, sink: sink, holdsOutput: true)
        var feed = streamItems(body, into: &pipeline)
        if feed != nil {
            pipeline.release()
        } else {
            let source: FeedItemSource
            do { source = try FeedFormats.parseItems(body.document, data: body.data) } catch {
                return finish(.failed(error.message))
            }
            feed = source.feed
            pipeline = ItemPipeline(subscription: subscription, known: state.items, sink: sink, holdsOutput: false)
            var start = 0
            while start < source.count {
                let end = min(start + pipeline.nextSliceSize, source.count)
                pipeline.take(source.items(start..<end), feedTitle: source.feed.title)
                start = end
            }
        }
        state.bodyHash = body.hash
        if let title = feed?.title, !title.isEmpty { state.title = title }
        // A pruned item the feed no longer lists is forgotten.
        for (guid, item) in state.items where item.pruned == true && !pipeline.seen.contains(guid) { state.items[guid] = nil }
        await pipeline.completeTeasers(self)
        for guid in pipeline.failedAgain { state.items[guid]?.pageFailed() }
        result.newCount = pipeline.newCount
        result.updatedCount = pipeline.updatedCount
        return finish(.ok)
    }

    /// Parses `body` on a thread of its own while its items go through `pipeline` as they
    /// are read; the feed's fields when ``FeedStreamParser`` confirms the items, else `nil`
    /// (the pipeline then holds items to throw away).
    func streamItems(_ body: FetchedBody, into pipeline: inout ItemPipeline) -> ParsedFeed? {
        let parsed = SliceStream<(feed: ParsedFeed, items: [FeedItem])>()
        let data = body.data
        let url = body.document.finalURL.absoluteString
        let parse = BackgroundValue<ParsedFeed?> {
            defer { parsed.finish() }
            return FeedStreamParser.parse(data: data, url: url) { parsed.send(($0, $1)) }
        }
        var pending: [FeedItem] = []
        var title: String?
        while let slice = parsed.receive() {
            title = slice.feed.title
            pending += slice.items
            while pending.count >= pipeline.nextSliceSize {
                let size = pipeline.nextSliceSize
                pipeline.take(Array(pending.prefix(size)), feedTitle: title)
                pending.removeFirst(size)
            }
        }
        guard let feed = parse.value else { return nil }
        if !pending.isEmpty { pipeline.take(pending, feedTitle: title) }
        return feed
    }

    /// A fetched feed body, not parsed yet.
    struct FetchedBody {
        var document: FetchedDocument
        /// The body as `Data` (one copy, for the parse and its fallback).
        var data: Data
        /// ``Fingerprint/ofBody(_:)`` of it, recorded once it is read.
        var hash: String
    }

    /// What fetching a feed gave: its body, or the status the refresh ends with.
    enum FetchOutcome {
        case fetched(FetchedBody)
        case finished(FeedStatus)
    }

    /// Fetches the feed, recording its HTTP state (validators, Retry-After) in `state`; a
    /// body the same as the last one read is not modified, and a web page is an error.
    func fetchFeed(_ subscription: Subscription, state: inout FeedState, now: Date) async -> FetchOutcome {
        if let until = state.retryAfter, until > now { return .finished(.waiting(until: until)) }
        guard let url = URL(string: subscription.url) else { return .finished(.failed("not a valid address")) }
        let conditional = ConditionalHeaders(etag: state.etag, lastModified: state.lastModified)
        let result = await limitedFetch(url, kind: .feed, conditional: conditional.isEmpty ? nil : conditional)
        let document: FetchedDocument
        switch result {
        case .notModified(_, let validators):
            state.retryAfter = nil
            if validators.etag != nil { state.etag = validators.etag }
            if validators.lastModified != nil { state.lastModified = validators.lastModified }
            return .finished(.notModified)
        case .failed(let error):
            if let until = error.retryAfter {
                state.retryAfter = until
                return .finished(.waiting(until: until))
            }
            return .finished(.failed(error.message))
        case .ok(let fetched):
            document = fetched
        }
        state.retryAfter = nil
        state.etag = document.etag
        state.lastModified = document.lastModified
        let bodyHash = Fingerprint.ofBody(document.body)
        if bodyHash == state.bodyHash { return .finished(.notModified) }
        let data = document.data  // one copy of the body, not one per use
        if FeedFormats.isHTML(document, data: data) { return .finished(.failed(FeedFormats.webPageMessage)) }
        return .fetched(FetchedBody(document: document, data: data, hash: bodyHash))
    }

    /// What a teaser's page did for it (see ``complete(_:with:)``).
    enum PageOutcome {
        /// The page could not be fetched or extracted: the item is still a teaser.
        case failed
        /// The page held no more than the teaser: the item is what it is.
        case nothingMore
        /// The item now has the page's body (``Article/completed(with:)``).
        case completed
    }

    /// Completes `article`, a teaser, with `page` (`nil`: it failed) when the page says more.
    static func complete(_ article: inout Article, with page: Article?) -> PageOutcome {
        guard let page else { return .failed }
        guard page.wordCount > article.wordCount else { return .nothingMore }
        article = article.completed(with: page)
        return .completed
    }

    /// Tries the pages of the known items still waiting for theirs when the feed itself did
    /// not change (answered 304, or the same body): items past an earlier refresh's page
    /// budget, or whose page failed. At most ``FullArticlePolicy/pagesPerRefresh`` of them,
    /// newest first, read back from their files; a completed item's file is rewritten and
    /// sent to `sink` (returns how many), an item whose page says no more stops waiting, and
    /// one whose page fails again waits on, untouched.
    func retryTeasers(_ subscription: Subscription, state: inout FeedState, sink: StagedItemStream) async -> Int {
        guard subscription.fullArticle != .never, let articlesDirectory else { return 0 }
        let waiting = state.items.filter { $0.value.teaser == true && $0.value.pruned != true }
            .sorted { ($0.value.file, $0.key) > ($1.value.file, $1.key) }  // names start with the date
        var teasers: [(guid: String, known: KnownItem, file: ArticleFile)] = []
        for (guid, known) in waiting where teasers.count < FullArticlePolicy.pagesPerRefresh {
            guard let file = ArticleFile.read(atPath: articlesDirectory.appendingPathComponent(known.file).path) else {
                continue  // gone or replaced by hand: pruning forgets it
            }
            if FeedRefresher.wantsPage(file.article, mode: subscription.fullArticle) {
                teasers.append((guid, known, file))
            } else {
                state.items[guid]?.teaser = nil
            }
        }
        guard !teasers.isEmpty else { return 0 }
        let pages = await fetchPages(teasers.map(\.file.article))
        var staged: [StagedItem] = []
        for (teaser, page) in zip(teasers, pages) {
            var file = teaser.file
            switch FeedRefresher.complete(&file.article, with: page) {
            case .failed: state.items[teaser.guid]?.pageFailed()
            case .nothingMore: state.items[teaser.guid]?.teaser = nil
            case .completed:
                staged.append(StagedItem(
                    guid: teaser.guid, stored: ArticleStore.Item(file: file, previous: teaser.known.file),
                    fingerprint: teaser.known.fingerprint, teaser: false))
            }
        }
        FeedRefresher.render(&staged)
        if !staged.isEmpty { sink.send(staged) }
        return staged.count
    }

    /// Renders every staged file on every core.
    static func render(_ staged: inout [StagedItem]) {
        let count = staged.count
        staged.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let items = buffer
            let chunk = 128
            DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { c in
                for i in (c * chunk)..<min(count, (c + 1) * chunk) { items[i].stored.rendered = ArticleStore.Rendered(items[i].stored.file) }
            }
        }
    }

    /// Whether an item should be completed from its page.
    static func wantsPage(_ article: Article, mode: FullArticleMode) -> Bool {
        guard let link = article.url?.lowercased(), link.hasPrefix("http://") || link.hasPrefix("https://") else {
            return false
        }
        switch mode {
        case .never: return false
        case .always: return true
        case .auto: return article.wordCount < FullArticlePolicy.teaserWords
        }
    }

    /// Fetches and extracts the pages of `articles` concurrently (through the limiter);
    /// `nil` where a page failed.
    func fetchPages(_ articles: [Article]) async -> [Article?] {
        await withTaskGroup(of: (Int, Article?).self) { group in
            for (i, article) in articles.enumerated() {
                guard let link = article.url, let url = URL(string: link) else { continue }
                group.addTask {
                    guard case .ok(let document) = await limitedFetch(url, kind: .page) else { return (i, nil) }
                    return (i, try? FeedFormats.extractPage(document))
                }
            }
            var pages = [Article?](repeating: nil, count: articles.count)
            for await (i, page) in group { pages[i] = page }
            return pages
        }
    }
}

/// 64-bit FNV-1a fingerprints, to notice changed bodies and items.
enum Fingerprint {
    static func of(_ bytes: [UInt8]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01b3
            }
        }
        return String(value, radix: 16)
    }

    /// A fingerprint of a whole feed body: FNV-1a over 64-bit words with a shift-xor after
    /// each (then the last bytes),
    /// eight times faster than byte by byte on a 10 MB body; `w`-prefixed, so a state written
    /// with the byte-wise hash just parses its feed once more.
    static func ofBody(_ bytes: [UInt8]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for i in 0..<words {
                value ^= UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
                value = value &* 0x0000_0100_0000_01b3
                value ^= value >> 29  // carry the high bits of each word down
            }
            for i in (words * 8)..<raw.count {
                value ^= UInt64(raw[i])
                value = value &* 0x0000_0100_0000_01b3
            }
        }
        return "w" + String(value, radix: 16)
    }

    static func of(_ article: Article) -> String {
        var text = article.title + "\n" + (article.author ?? "") + "\n" + (article.url ?? "") + "\n"
        text += article.date.map { String($0.timeIntervalSince1970) } ?? ""
        text += "\n" + ArticleID.derive(title: "", sections: article.sections).rawValue
        return of(Array(text.utf8))
    }
}
