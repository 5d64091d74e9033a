import Articles
import Foundation

/// Refreshes the feeds for the reader's `r`. The executable supplies it (the reader knows
/// nothing of the network); the app loop runs it on a background task.
public protocol ReaderRefresher: Sendable {
    /// Refreshes every feed, calling `progress` with a short line (`12/40 feeds, 85 new`) as
    /// feeds finish; returns the summary and the library reopened with the new articles.
    func refresh(progress: @escaping @Sendable (String) -> Void) async -> ReaderRefreshResult
}

/// What a background refresh brought.
public struct ReaderRefreshResult: Sendable {
    /// The one summary line for the status bar.
    public var line: String
    /// Whether any feed failed.
    public var failed: Bool
    /// The library reopened after the refresh, `nil` when it did not change.
    public var library: Library?

    /// Creates a result.
    public init(line: String, failed: Bool, library: Library?) {
        self.line = line
        self.failed = failed
        self.library = library
    }
}

/// Where the background refresh leaves its progress and its result for the app loop, which
/// takes them between keys (every 100 ms at most).
final class RefreshInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var progress: String?
    private var result: ReaderRefreshResult?

    func post(progress line: String) { lock.withLock { progress = line } }
    func finish(_ value: ReaderRefreshResult) { lock.withLock { result = value } }

    /// The latest progress line and the result, if any, emptying the inbox.
    func take() -> (progress: String?, result: ReaderRefreshResult?) {
        lock.withLock {
            defer { progress = nil; result = nil }
            return (progress, result)
        }
    }
}
