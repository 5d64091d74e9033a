import Foundation

/// Fetches documents for a refresh: ``HTTPFetcher`` for the web, ``FileTransport`` for local
/// feeds the user typed, ``RoutingTransport`` to send each request to the right one.
public protocol Transport: Sendable {
    /// Fetches `url`, sending `conditional` validators; never throws (failures are `.failed`).
    func fetch(url: URL, kind: FetchKind, conditional: ConditionalHeaders?) async -> FetchResult
}

extension HTTPFetcher: Transport {}
