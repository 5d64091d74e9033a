import Articles
import Feeds
import Foundation

/// One feed's items on their way from its parse to the writer, a slice at a time: converted
/// on every core, compared with the items known from earlier refreshes, rendered and sent to
/// the feed's ``StagedItemStream``. From the first item that wants its page on, items are
/// held until the pages are in (so files are staged in feed order, as one whole batch would
/// be); while ``holdsOutput`` (a streamed parse not confirmed yet) every slice is kept back
/// until ``release()``.
struct ItemPipeline {
    let subscription: Subscription
    /// The feed's items from earlier refreshes, by guid.
    let known: [String: KnownItem]
    let sink: StagedItemStream
    /// Whether rendered slices wait for ``release()`` instead of going to the sink.
    private(set) var holdsOutput: Bool
    /// Rendered slices kept back while ``holdsOutput``.
    private var unsent: [[StagedItem]] = []
    /// Guids taken so far (a guid seen twice is stored once).
    private(set) var seen = Set<String>()
    /// Items from the first that wants its page on, waiting for the pages.
    private var held: [StagedItem] = []
    /// Positions in `held` of the items whose page is fetched.
    private var pageWanted: [Int] = []
    /// Held items that are unchanged and are only here to try their page again: dropped
    /// (neither rewritten nor counted as updated) when the page fails again.
    private var retriesOnly: Set<Int> = []
    /// Known, unchanged items whose page failed again (not restaged: their state records it).
    private(set) var failedAgain: [String] = []
    private(set) var newCount = 0
    private(set) var updatedCount = 0
    /// The size of the last slice taken (`nil`: none yet).
    private var lastSlice: Int?

    init(subscription: Subscription, known: [String: KnownItem], sink: StagedItemStream, holdsOutput: Bool) {
        self.subscription = subscription
        self.known = known
        self.sink = sink
        self.holdsOutput = holdsOutput
    }

    /// Items in the first slice: small, so that the writer starts early.
    static let firstSlice = 256
    /// The largest slice: each later slice is twice the one before up to this size (few
    /// slices, so that few waits for the slowest core of a slice when the cores are busy).
    static let largestSlice = 2_048

    /// The size of the slice after one of `previous` items (`nil`: the first).
    static func sliceSize(after previous: Int?) -> Int {
        previous.map { min($0 * 2, largestSlice) } ?? firstSlice
    }

    /// How many items the next slice should have.
    var nextSliceSize: Int { ItemPipeline.sliceSize(after: lastSlice) }

    /// Converts, compares and renders `items` (the next ones in feed order) and sends them on.
    mutating func take(_ items: [FeedItem], feedTitle: String?) {
        lastSlice = items.count
        let converted = FeedFormats.convert(items[...], feedTitle: feedTitle, feedURL: subscription.url)
        var staged: [StagedItem] = []
        staged.reserveCapacity(converted.count)
        for item in converted where seen.insert(item.guid).inserted {
            var article = item.article
            article.source = subscription.name
            let fingerprint = item.fingerprint  // of the article as converted (the source is not part of it)
            let known = known[item.guid]
            if known?.pruned == true { continue }  // pruned: not stored again while listed
            let wantsPage = FeedRefresher.wantsPage(article, mode: subscription.fullArticle)
            if let known, known.fingerprint == fingerprint, !(wantsPage && known.teaser == true) { continue }
            // Known and unchanged: here only to try its page again, unless this refresh's
            // pages are spent (then it waits for a later one).
            let unchanged = known?.fingerprint == fingerprint
            if unchanged && pageWanted.count >= FullArticlePolicy.pagesPerRefresh { continue }
            if known == nil { newCount += 1 } else { updatedCount += 1 }
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
            send(staged)
        } else {
            held += staged
        }
    }

    /// Sends the slices kept back and every later one straight on.
    mutating func release() {
        holdsOutput = false
        for slice in unsent { send(slice) }
        unsent = []
    }

    private mutating func send(_ slice: [StagedItem]) {
        guard !slice.isEmpty else { return }
        if holdsOutput { unsent.append(slice) } else { sink.send(slice) }
    }

    /// Fetches the pages of the held items that want them (through `refresher`), completes
    /// those items, and sends every held item on.
    mutating func completeTeasers(_ refresher: FeedRefresher) async {
        guard !pageWanted.isEmpty else { return }
        let pages = await refresher.fetchPages(pageWanted.map { held[$0].stored.file.article })
        var dropped: Set<Int> = []
        for (slot, page) in zip(pageWanted, pages) {
            if FeedRefresher.complete(&held[slot].stored.file.article, with: page) == .failed {
                if retriesOnly.contains(slot) {
                    dropped.insert(slot)
                    failedAgain.append(held[slot].guid)
                } else {
                    held[slot].pageFailed = true  // new or changed: it goes on waiting for the page
                }
                continue
            }
            held[slot].teaser = false
        }
        if !dropped.isEmpty {
            updatedCount -= dropped.count
            held = held.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
        }
        FeedRefresher.render(&held)
        send(held)
        held = []
        pageWanted = []
    }
}
