import Fetching
import Foundation

/// Shared steps of the feed commands: paths, the transport, and running async work from a
/// synchronous command.
enum FeedCommandSupport {
    /// The paths for this process's environment.
    static var paths: FetchingPaths { FetchingPaths.resolve() }

    /// Runs `body` with the commands' transport (HTTP for the web, files for typed local
    /// paths) and waits for it; the HTTP client is shut down afterwards.
    static func withTransport<T: Sendable>(_ body: @escaping @Sendable (any Transport) async throws -> T) throws -> T {
        try wait {
            try await HTTPFetcher.withFetcher { fetcher in try await body(RoutingTransport(web: fetcher)) }
        }
    }

    /// The subscriptions, or a one-line failure.
    static func subscriptions() throws -> [Subscription] {
        do { return try SubscriptionFile.load(paths.subscriptionsFile) } catch { throw CLIFailure(error.message) }
    }

    /// Runs `body` on a task and waits for it, turning a ``FetchFailure`` into a ``CLIFailure``.
    static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        switch box.result! {
        case .success(let value): return value
        case .failure(let error as FetchFailure): throw CLIFailure(error.message)
        case .failure(let error): throw error
        }
    }
}

/// Carries a result from a task back to the waiting thread (written before the semaphore
/// is signalled, read after it is waited on).
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}
