import Foundation

/// Limits how many fetches run at once, in all and per host (by default 8 and 2).
///
/// Waiting fetches start in arrival order, except that one whose host is at its limit lets
/// later fetches for other hosts go first. A waiting task that is cancelled stops waiting.
public actor FetchLimiter {
    /// The most fetches running at once.
    public nonisolated let maxTotal: Int
    /// The most fetches running at once against one host.
    public nonisolated let maxPerHost: Int

    private var running = 0
    private var runningPerHost: [String: Int] = [:]
    private var waiters: [Waiter] = []
    private var nextTicket = 0

    private struct Waiter {
        let ticket: Int
        let host: String
        let continuation: CheckedContinuation<Void, Error>
    }

    /// Creates a limiter; both limits are at least 1.
    public init(maxTotal: Int = 8, maxPerHost: Int = 2) {
        self.maxTotal = max(1, maxTotal)
        self.maxPerHost = max(1, maxPerHost)
    }

    /// Runs `body` once a slot for `url`'s host is free, and frees the slot afterwards.
    public func run<T: Sendable>(for url: URL, _ body: @Sendable () async throws -> T) async throws -> T {
        try await run(host: Self.hostKey(url), body)
    }

    /// Runs `body` once a slot for `host` is free, and frees the slot afterwards.
    public func run<T: Sendable>(host: String, _ body: @Sendable () async throws -> T) async throws -> T {
        try await acquire(host: host)
        defer { release(host: host) }
        return try await body()
    }

    /// How many fetches run now, in all and for `host` (for tests and progress).
    public func load(host: String) -> (total: Int, host: Int) {
        (running, runningPerHost[host, default: 0])
    }

    /// The key one host's fetches share: the lower-cased host name (any port).
    public nonisolated static func hostKey(_ url: URL) -> String {
        (url.host ?? url.absoluteString).lowercased()
    }

    /// Waits for a slot, or throws CancellationError when the task is cancelled while waiting.
    private func acquire(host: String) async throws {
        try Task.checkCancellation()
        // Every queued waiter is blocked by a limit (waiters start as soon as they fit), so a
        // newcomer that fits jumps no one who could have gone.
        if canStart(host) {
            start(host)
            return
        }
        let ticket = nextTicket
        nextTicket += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                waiters.append(Waiter(ticket: ticket, host: host, continuation: continuation))
                // A task cancelled before its waiter was queued still has to leave now.
                if Task.isCancelled { cancelWaiter(ticket) }
            }
        } onCancel: {
            Task { await self.cancelWaiter(ticket) }
        }
    }

    private func canStart(_ host: String) -> Bool {
        running < maxTotal && runningPerHost[host, default: 0] < maxPerHost
    }

    private func start(_ host: String) {
        running += 1
        runningPerHost[host, default: 0] += 1
    }

    private func release(host: String) {
        running -= 1
        let left = runningPerHost[host, default: 1] - 1
        runningPerHost[host] = left > 0 ? left : nil
        wakeWaiters()
    }

    /// Starts every waiter that fits, oldest first.
    private func wakeWaiters() {
        var index = 0
        while index < waiters.count, running < maxTotal {
            let waiter = waiters[index]
            if canStart(waiter.host) {
                waiters.remove(at: index)
                start(waiter.host)
                waiter.continuation.resume()
            } else {
                index += 1
            }
        }
    }

    private func cancelWaiter(_ ticket: Int) {
        guard let index = waiters.firstIndex(where: { $0.ticket == ticket }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.continuation.resume(throwing: CancellationError())
    }
}
