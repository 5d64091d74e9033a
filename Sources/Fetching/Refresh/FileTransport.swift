import Foundation

/// Reads `file://` subscriptions: local feeds the user typed (never a redirect target, which
/// the HTTP client refuses). The same size caps as HTTP apply.
public struct FileTransport: Transport {
    /// Creates the transport.
    public init() {}

    public func fetch(url: URL, kind: FetchKind, conditional: ConditionalHeaders?) async -> FetchResult {
        let path = url.path
        let cap = kind == .feed ? HTTPLimits.standard.feedBodyLimit : HTTPLimits.standard.pageBodyLimit
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failed(.transport("cannot read the file \(path)"))
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: cap + 1) ?? Data() } catch {
            return .failed(.transport("cannot read the file \(path)"))
        }
        if data.count > cap { return .failed(.tooLarge(limit: cap)) }
        let lower = path.lowercased()
        let media: String? = lower.hasSuffix(".html") || lower.hasSuffix(".htm") ? "text/html"
            : lower.hasSuffix(".json") ? "application/feed+json" : nil
        return .ok(FetchedDocument(
            status: 200, body: [UInt8](data), finalURL: url, contentType: media.map { ContentType(mediaType: $0) },
            etag: nil, lastModified: nil))
    }
}

/// Sends `file://` requests to a file transport and the rest to the web one.
public struct RoutingTransport: Transport {
    let web: any Transport
    let file: any Transport

    /// Creates the router.
    public init(web: any Transport, file: any Transport = FileTransport()) {
        self.web = web
        self.file = file
    }

    public func fetch(url: URL, kind: FetchKind, conditional: ConditionalHeaders?) async -> FetchResult {
        url.isFileURL
            ? await file.fetch(url: url, kind: kind, conditional: conditional)
            : await web.fetch(url: url, kind: kind, conditional: conditional)
    }
}
