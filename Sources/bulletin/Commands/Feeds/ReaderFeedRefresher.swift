import Articles
import Fetching
import Foundation
import ReaderUI

/// The reader's `r`: refreshes every subscription with the same code as `bulletin refresh`,
/// then reopens the library (the user's library, which may have been empty before).
struct ReaderFeedRefresher: ReaderRefresher {
    let paths: FetchingPaths
    /// What pruning removes before each refresh.
    var prune: PrunePolicy = .off
    /// The reader's reading state (its unsaved marks count), for pruning.
    var readingState: (@Sendable () -> ReadingStateLookup)?
    /// Reopens the library the reader shows; called after a refresh that stored articles.
    let reopen: @Sendable () -> Library?

    func refresh(progress: @escaping @Sendable (String) -> Void) async -> ReaderRefreshResult {
        let subscriptions: [Subscription]
        do { subscriptions = try SubscriptionFile.load(paths.subscriptionsFile) } catch {
            return ReaderRefreshResult(line: error.message, failed: true, library: nil)
        }
        guard !subscriptions.isEmpty else {
            return ReaderRefreshResult(line: "No feeds yet: subscribe with bulletin add URL", failed: true, library: nil)
        }
        let (paths, prune, readingState) = (paths, prune, readingState)
        do {
            let summary = try await HTTPFetcher.withFetcher { fetcher in
                try await RefreshRun(paths: paths, transport: RoutingTransport(web: fetcher), prune: prune,
                           readingState: readingState).run(subscriptions) {
                    progress($0.description)
                }
            }
            var line = summary.line
            if !summary.failures.isEmpty {
                line += " (" + summary.failures.map { "\($0.subscription.name): \($0.status)" }.joined(separator: "; ") + ")"
            }
            let changed = summary.newArticles + summary.updatedArticles + summary.pruned.count > 0
            return ReaderRefreshResult(line: line, failed: !summary.failures.isEmpty, library: changed ? reopen() : nil)
        } catch let failure as FetchFailure {
            return ReaderRefreshResult(line: failure.message, failed: true, library: nil)
        } catch {
            return ReaderRefreshResult(line: "\(error)", failed: true, library: nil)
        }
    }
}
