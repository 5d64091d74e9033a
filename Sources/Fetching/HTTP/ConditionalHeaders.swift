/// The validators of a previous response, sent back verbatim as `If-None-Match` and `If-Modified-Since`.
public struct ConditionalHeaders: Sendable, Equatable, Codable {
    /// The `ETag` header as received, quotes and `W/` prefix included.
    public var etag: String?
    /// The `Last-Modified` header as received.
    public var lastModified: String?

    /// Creates validators from the raw header values of an earlier response.
    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    /// Whether there is nothing to send.
    public var isEmpty: Bool { (etag ?? "").isEmpty && (lastModified ?? "").isEmpty }
}
