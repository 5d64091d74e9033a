import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// Fetches feeds and pages over http and https with every limit of ``HTTPLimits`` enforced.
///
/// One shared `HTTPClient` (async-http-client on SwiftNIO) serves every fetch, so connections are
/// pooled. The client's own redirect following is off: ``RedirectPolicy`` decides each hop.
/// Bodies are decompressed by the client (gzip, deflate) with a size limit and counted again
/// while they stream in, so no body past the cap is ever held. Call ``shutdown()`` when done,
/// or use ``withFetcher(limits:_:)`` which always does; a fetcher dropped without either still
/// closes its connections in the background instead of crashing.
public final class HTTPFetcher: Sendable {
    /// The limits every fetch obeys.
    public let limits: HTTPLimits
    private let client: HTTPClient
    private let isShutDown = NIOLockedValueBox(false)

    /// Creates a fetcher with its own connection pool on the shared event loop group.
    public init(limits: HTTPLimits = .standard) {
        self.limits = limits
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(
                connect: TimeAmount(limits.connectTimeout),
                read: TimeAmount(limits.lowSpeedWindow)
            ),
            decompression: .enabled(limit: .size(max(limits.feedBodyLimit, limits.pageBodyLimit)))
        )
        configuration.connectionPool.idleTimeout = .seconds(30)
        // A host that is not found or refuses the connection fails the fetch at once, as curl
        // and newsboat do; by default the pool tries again with a backoff until the connect
        // timeout (10 s) has passed. A feed whose connection failed is tried at the next refresh.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    deinit {
        // async-http-client traps (in debug builds) when a client is released while running.
        if !markShutDown() { client.shutdown().whenComplete { _ in } }
    }

    /// Closes every connection; later fetches fail. Calling it again does nothing.
    public func shutdown() async throws {
        guard !markShutDown() else { return }
        try await client.shutdown()
    }

    /// Records the shutdown and tells whether it had already happened.
    private func markShutDown() -> Bool {
        isShutDown.withLockedValue { done in
            defer { done = true }
            return done
        }
    }

    /// Runs `body` with a new fetcher and shuts it down afterwards, whether `body` throws or not.
    public static func withFetcher<T: Sendable>(
        limits: HTTPLimits = .standard, _ body: (HTTPFetcher) async throws -> T
    ) async throws -> T {
        let fetcher = HTTPFetcher(limits: limits)
        do {
            let result = try await body(fetcher)
            try await fetcher.shutdown()
            return result
        } catch {
            try? await fetcher.shutdown()
            throw error
        }
    }

    /// Fetches `url`, sending `conditional` validators verbatim, and never throws: failures are
    /// `.failed` with an error that says why in words.
    public func fetch(url: URL, kind: FetchKind, conditional: ConditionalHeaders? = nil) async -> FetchResult {
        if let problem = Self.problem(with: url) { return .failed(problem) }
        let limits = self.limits
        do {
            return try await withThrowingTaskGroup(of: FetchResult.self) { group in
                group.addTask { try await self.perform(url: url, kind: kind, conditional: conditional) }
                group.addTask {
                    try await Task.sleep(for: limits.totalTimeout)
                    throw FetchError.totalTimeout(limits.totalTimeout)
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { throw FetchError.cancelled }
                return first
            }
        } catch {
            return .failed(FetchError.from(error, url: url, limits: limits, kind: kind))
        }
    }

    /// Why `url` cannot be fetched at all, or nil when it is an absolute http(s) URL with a host.
    static func problem(with url: URL) -> FetchError? {
        guard let scheme = url.scheme?.lowercased() else { return .invalidURL(url.absoluteString) }
        guard scheme == "http" || scheme == "https" else { return .unsupportedScheme(scheme) }
        guard let host = url.host, !host.isEmpty else { return .invalidURL(url.absoluteString) }
        return nil
    }

    /// The request loop: one request per hop, then the body of the final answer.
    private func perform(url: URL, kind: FetchKind, conditional: ConditionalHeaders?) async throws -> FetchResult {
        var policy = RedirectPolicy(start: url, maxRedirects: limits.maxRedirects)
        var current = url
        let deadline = NIODeadline.now() + TimeAmount(limits.totalTimeout)
        while true {
            let request = makeRequest(url: current, kind: kind, conditional: conditional)
            let response = try await client.execute(request, deadline: deadline)
            let status = Int(response.status.code)
            if RedirectPolicy.isRedirect(status) {
                current = try policy.follow(location: response.headers.first(name: "Location"))
                continue
            }
            let etag = response.headers.first(name: "ETag")
            let lastModified = response.headers.first(name: "Last-Modified")
            if status == 304 {
                let validators = ConditionalHeaders(
                    etag: etag ?? conditional?.etag, lastModified: lastModified ?? conditional?.lastModified)
                return .notModified(finalURL: current, validators: validators)
            }
            if status == 429 || status == 503, let value = response.headers.first(name: "Retry-After"),
               let until = RetryAfter.parse(value) {
                throw FetchError.retryLater(status: status, until: until)
            }
            guard (200..<300).contains(status) else { throw FetchError.httpStatus(status) }
            let body = try await readBody(response, kind: kind)
            let contentType = response.headers.first(name: "Content-Type").flatMap(ContentType.init(header:))
            return .ok(FetchedDocument(
                status: status, body: body, finalURL: current, contentType: contentType,
                etag: etag, lastModified: lastModified))
        }
    }

    /// The GET request for one hop, with the User-Agent, Accept, encodings and validators.
    private func makeRequest(url: URL, kind: FetchKind, conditional: ConditionalHeaders?) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: limits.userAgent)
        request.headers.add(name: "Accept", value: kind.acceptHeader)
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if let etag = conditional?.etag, !etag.isEmpty {
            request.headers.add(name: "If-None-Match", value: etag)
        }
        if let lastModified = conditional?.lastModified, !lastModified.isEmpty {
            request.headers.add(name: "If-Modified-Since", value: lastModified)
        }
        return request
    }

    /// Streams the decoded body, refusing it as soon as it passes the cap or runs too slowly.
    private func readBody(_ response: HTTPClientResponse, kind: FetchKind) async throws -> [UInt8] {
        let limit = limits.bodyLimit(for: kind)
        let encoded = response.headers.first(name: "Content-Encoding").map { !$0.isEmpty && $0 != "identity" } ?? false
        var expected: Int?
        if !encoded, let length = response.headers.first(name: "Content-Length").flatMap({ Int($0) }) {
            guard length <= limit else { throw FetchError.tooLarge(limit: limit) }
            expected = length
        }
        var body: [UInt8] = []
        body.reserveCapacity(min(expected ?? 64 << 10, limit))
        let clock = ContinuousClock()
        var rate = TransferRateGuard(
            minimumBytesPerSecond: limits.lowSpeedBytesPerSecond, window: limits.lowSpeedWindow, start: clock.now)
        for try await chunk in response.body {
            let count = chunk.readableBytes
            guard count <= limit - body.count else { throw FetchError.tooLarge(limit: limit) }
            body.append(contentsOf: chunk.readableBytesView)
            try rate.record(bytes: count, at: clock.now)
        }
        return body
    }
}
