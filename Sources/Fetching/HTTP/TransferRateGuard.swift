/// Cuts a transfer that stays slower than a minimum rate over a whole window.
///
/// Fed each chunk as it arrives; silence longer than the window is the client's read timeout.
struct TransferRateGuard: Sendable {
    /// The slowest accepted average rate, in bytes per second.
    let minimumBytesPerSecond: Int
    /// The window over which the rate is averaged.
    let window: Duration
    private var windowStart: ContinuousClock.Instant
    private var windowBytes = 0

    /// Starts measuring at `start`.
    init(minimumBytesPerSecond: Int, window: Duration, start: ContinuousClock.Instant) {
        self.minimumBytesPerSecond = minimumBytesPerSecond
        self.window = window
        self.windowStart = start
    }

    /// Counts `bytes` that arrived at `now`; throws when a whole window passed below the rate.
    mutating func record(bytes: Int, at now: ContinuousClock.Instant) throws(FetchError) {
        windowBytes += bytes
        let elapsed = now - windowStart
        guard elapsed >= window else { return }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if Double(windowBytes) < Double(minimumBytesPerSecond) * seconds {
            throw .tooSlow(bytesPerSecond: minimumBytesPerSecond, window: window)
        }
        windowStart = now
        windowBytes = 0
    }
}
