import Articles

/// Every limit the HTTP client enforces: timeouts, body caps, redirects and the User-Agent.
///
/// The defaults are the documented ones (connect 10 s; cut below 1 KB/s over 15 s; 60 s in all;
/// 10 MiB feeds, 5 MiB pages; 5 redirects). Tests pass short values to stay fast.
public struct HTTPLimits: Sendable, Equatable {
    /// How long opening a connection (TCP and TLS) may take.
    public var connectTimeout: Duration
    /// The slowest accepted transfer rate, in bytes per second, averaged over ``lowSpeedWindow``.
    public var lowSpeedBytesPerSecond: Int
    /// The window over which the transfer rate is measured; also the longest silence accepted.
    public var lowSpeedWindow: Duration
    /// The longest a whole fetch may take, redirects and body included.
    public var totalTimeout: Duration
    /// The most redirects followed before giving up.
    public var maxRedirects: Int
    /// The largest decoded feed body, in bytes.
    public var feedBodyLimit: Int
    /// The largest decoded page body, in bytes.
    public var pageBodyLimit: Int
    /// The User-Agent header sent with every request.
    public var userAgent: String

    /// The User-Agent used unless one is passed in: `Bulletin/<version>`.
    public static let defaultUserAgent = BulletinVersion.userAgent

    /// The documented limits.
    public static let standard = HTTPLimits()

    /// Creates limits; every argument defaults to the documented value.
    public init(
        connectTimeout: Duration = .seconds(10),
        lowSpeedBytesPerSecond: Int = 1024,
        lowSpeedWindow: Duration = .seconds(15),
        totalTimeout: Duration = .seconds(60),
        maxRedirects: Int = 5,
        feedBodyLimit: Int = 10 << 20,
        pageBodyLimit: Int = 5 << 20,
        userAgent: String = HTTPLimits.defaultUserAgent
    ) {
        self.connectTimeout = connectTimeout
        self.lowSpeedBytesPerSecond = lowSpeedBytesPerSecond
        self.lowSpeedWindow = lowSpeedWindow
        self.totalTimeout = totalTimeout
        self.maxRedirects = maxRedirects
        self.feedBodyLimit = feedBodyLimit
        self.pageBodyLimit = pageBodyLimit
        self.userAgent = userAgent
    }

    /// The decoded body cap for a kind of fetch.
    public func bodyLimit(for kind: FetchKind) -> Int {
        switch kind {
        case .feed: return feedBodyLimit
        case .page: return pageBodyLimit
        }
    }
}
