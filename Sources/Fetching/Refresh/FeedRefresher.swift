import Articles
import Feeds
import Foundation

/// How many words make an item more than a teaser (under this, `auto` fetches its page).
public enum FullArticlePolicy {
    /// About 60 words.
    public static let teaserWords = 60
    /// Pages fetched per feed per refresh; the rest keep their teaser until a later refresh.
    public static let pagesPerRefresh = 20
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
}

/// What one feed's refresh produced besides its items (which go to its ``StagedItemStream``).
struct FeedWork: Sendable {
    var result: FeedRefreshResult
    var state: FeedState
}

/// Refreshes one feed: conditional GET, parse, compare with the known items, complete
/// teasers from their pages. Writes nothing: it sends the items to store to a
/// ``StagedItemStream`` a slice at a time, as they are converted, and ``RefreshRun``'s
/// writer stages them meanwhile and commits at the end.
struct FeedRefresher: Sendable {
    let transport: any Transport
    let limiter: FetchLimiter

    /// Fetches through the limiter (a cancelled wait counts as a cancelled fetch).
    func limitedFetch(_ url: URL, kind: FetchKind, conditional: ConditionalHeaders? = nil) async -> FetchResult {
        let transport = transport
        do {
            return try await limiter.run(for: url) { await transport.fetch(url: url, kind: kind, conditional: conditional) }
        } catch {
            return .failed(.cancelled)
        }
    }

    /// Items in the first slice converted, compared and rendered before it goes to the
    /// stream: small, so that the writer starts early.
    static let firstSlice = 256
    /// The largest slice: each later slice is twice the one before up to this size (few
    /// slices, so that few waits for the slowest core of a slice when the cores are busy).
    static let largestSlice = 2_048

    /// The size of the slice after one of `previous` items (`nil`: the first).
    static func sliceSize(after previous: Int?) -> Int {
        previous.map { min($0 * 2, largestSlice) } ?? firstSlice
    }

    /// Refreshes `subscription` from its `previous` state; sends the items to store to
    /// `sink`, in feed order (the caller finishes the stream).
    func refresh(_ subscription: Subscription, state previous: FeedState, now: Date, sink: StagedItemStream) async -> FeedWork {
        var state = previous
        var work = FeedWork(
            result: FeedRefreshResult(subscription: subscription, status: .ok, newCount: 0, updatedCount: 0),
            state: state)
        func finish(_ status: FeedStatus) -> FeedWork {
            if case .waiting = status {} else { state.lastRefresh = now }
            state.lastStatus = status
            work.result.status = status
            work.state = state
            return work
        }
        let source: FeedItemSource
        switch await fetchFeed(subscription, state: &state, now: now) {
        case .finished(let status): return finish(status)
        case .parsed(let parsed): source = parsed
        }
        let feedTitle = source.feed.title
        if let title = feedTitle, !title.isEmpty { state.title = title }

        // A slice at a time: read from the document, convert on every core, compare, render,
        // and send it to the writer, which creates its files while the next slice is read and
        // converted. From the first item that wants its page on, items are held until the
        // pages are in (so files are staged in feed order, as one whole batch would be).
        var seen = Set<String>()
        var held: [StagedItem] = []
        var pageWanted: [Int] = []
        // Held items that are unchanged and are only here to try their page again: dropped
        // (neither rewritten nor counted as updated) when the page fails again.
        var retriesOnly: Set<Int> = []
        var start = 0
        var size: Int?
        while start < source.count {
            size = FeedRefresher.sliceSize(after: size)
            let end = min(start + size!, source.count)
            let converted = FeedFormats.convert(source.items(start..<end)[...], feedTitle: feedTitle, feedURL: subscription.url)
            start = end
            var staged: [StagedItem] = []
            staged.reserveCapacity(converted.count)
            for item in converted where seen.insert(item.guid).inserted {
                var article = item.article
                article.source = subscription.name
                let fingerprint = item.fingerprint  // of the article as converted (the source is not part of it)
                let known = state.items[item.guid]
                if known?.pruned == true { continue }  // pruned: not stored again while listed
                let wantsPage = FeedRefresher.wantsPage(article, mode: subscription.fullArticle)
                if let known, known.fingerprint == fingerprint, !(wantsPage && known.teaser == true) { continue }
                // Known and unchanged: here only to try its page again, unless this refresh's
                // pages are spent (then it waits for a later one).
                let unchanged = known?.fingerprint == fingerprint
                if unchanged && pageWanted.count >= FullArticlePolicy.pagesPerRefresh { continue }
                if known == nil { work.result.newCount += 1 } else { work.result.updatedCount += 1 }
                if wantsPage && pageWanted.count < FullArticlePolicy.pagesPerRefresh {
                    pageWanted.append(held.count + staged.count)
                    if unchanged { retriesOnly.insert(held.count + staged.count) }
                }
                staged.append(StagedItem(
                    guid: item.guid,
                    stored: ArticleStore.Item(file: ArticleFile(article: article, guid: item.guid, feed: subscription.url), previous: known?.file),
                    fingerprint: fingerprint, teaser: wantsPage))
            }
            if pageWanted.isEmpty {
                FeedRefresher.render(&staged)
                sink.send(staged)
            } else {
                held += staged
            }
        }
        // A pruned item the feed no longer lists is forgotten.
        for (guid, item) in state.items where item.pruned == true && !seen.contains(guid) { state.items[guid] = nil }
        if !pageWanted.isEmpty {
            let pages = await fetchPages(pageWanted.map { held[$0].stored.file.article })
            var dropped: Set<Int> = []
            for (slot, page) in zip(pageWanted, pages) {
                guard let page else {
                    if retriesOnly.contains(slot) { dropped.insert(slot) }
                    continue
                }
                if page.wordCount > held[slot].stored.file.article.wordCount {
                    held[slot].stored.file.article.sections = page.sections
                    if held[slot].stored.file.article.author == nil { held[slot].stored.file.article.author = page.author }
                }
                held[slot].teaser = false
            }
            if !dropped.isEmpty {
                work.result.updatedCount -= dropped.count
                held = held.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
            }
            FeedRefresher.render(&held)
            sink.send(held)
        }
        return finish(.ok)
    }

    /// What fetching a feed gave: its items, or the status the refresh ends with.
    enum FetchOutcome {
        case parsed(FeedItemSource)
        case finished(FeedStatus)
    }

    /// Fetches and parses the feed, recording its HTTP state (validators, Retry-After, body
    /// hash) in `state`. A function of its own so that the fetched body and its copy are
    /// released as soon as the document is parsed, before the items are converted (their
    /// memory is reused instead of new pages being touched).
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
        let pendingTeasers = subscription.fullArticle != .never && state.items.values.contains { $0.teaser == true && $0.pruned != true }
        if bodyHash == state.bodyHash && !pendingTeasers { return .finished(.notModified) }
        let data = document.data  // one copy of the body, not one per use
        if FeedFormats.isHTML(document, data: data) { return .finished(.failed(FeedFormats.webPageMessage)) }
        let source: FeedItemSource
        do { source = try FeedFormats.parseItems(document, data: data) } catch {
            return .finished(.failed(error.message))
        }
        state.bodyHash = bodyHash
        return .parsed(source)
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
