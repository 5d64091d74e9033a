import Articles
import Fetching
import Foundation
import Settings
import Storage

/// The pruning rule of the settings file and the reading state it consults, for `refresh`,
/// `prune` and the reader's `r`.
enum FeedPruning {
    /// The `[feeds]` settings `keep-days` and `keep-per-feed` as a policy.
    static func policy(_ settings: Settings) -> PrunePolicy {
        PrunePolicy(keepDays: settings.feeds.keepDays, keepPerFeed: settings.feeds.keepPerFeed)
    }

    /// Read and not saved, in `store`.
    static func lookup(_ store: StateStore) -> ReadingStateLookup {
        ReadingStateLookup { raw in
            let id = ArticleID(rawValue: raw)
            return store.isRead(id) && !store.isSaved(id)
        }
    }

    /// Opens the reading state in `directory` read-only when first asked (warnings on stderr).
    static func opening(_ directory: URL) -> @Sendable () -> ReadingStateLookup {
        {
            let store = StateStore(directory: directory, coalescingDelay: 60, mode: .readOnly)
            for warning in store.warnings { Terminal.printError("warning: " + warning) }
            return lookup(store)
        }
    }
}
