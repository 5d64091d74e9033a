import Foundation

/// A successful response: the decoded body and what the headers said about it.
public struct FetchedDocument: Sendable, Equatable {
    /// The HTTP status (2xx).
    public var status: Int
    /// The decoded body (gzip and deflate already undone), at most the cap for its kind.
    public var body: [UInt8]
    /// The URL the body came from, after redirects.
    public var finalURL: URL
    /// The parsed Content-Type header, when there was a valid one.
    public var contentType: ContentType?
    /// The ETag header as received, to send back as If-None-Match.
    public var etag: String?
    /// The Last-Modified header as received, to send back as If-Modified-Since.
    public var lastModified: String?

    /// The validators to store for the next conditional fetch.
    public var validators: ConditionalHeaders { ConditionalHeaders(etag: etag, lastModified: lastModified) }

    /// The body as Data.
    public var data: Data { Data(body) }

    /// Creates a document from its parts.
    public init(
        status: Int, body: [UInt8], finalURL: URL, contentType: ContentType?, etag: String?, lastModified: String?
    ) {
        self.status = status
        self.body = body
        self.finalURL = finalURL
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// The outcome of ``HTTPFetcher/fetch(url:kind:conditional:)``.
public enum FetchResult: Sendable, Equatable {
    /// The server sent a body.
    case ok(FetchedDocument)
    /// The server answered 304: what was fetched before is current. The validators are the
    /// ones the 304 carried, else the ones sent.
    case notModified(finalURL: URL, validators: ConditionalHeaders)
    /// The fetch failed; the error says why in words.
    case failed(FetchError)

    /// The document, for `.ok`.
    public var document: FetchedDocument? {
        if case .ok(let document) = self { return document }
        return nil
    }

    /// The error, for `.failed`.
    public var error: FetchError? {
        if case .failed(let error) = self { return error }
        return nil
    }

    /// The status in words for `feeds`: `ok`, `not modified`, or the error's message.
    public var statusLine: String {
        switch self {
        case .ok: return "ok"
        case .notModified: return "not modified"
        case .failed(let error): return error.message
        }
    }
}
