import Articles
import Foundation

/// Why a fetch failed; ``message`` says it in one line of words.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL is not an absolute http or https URL with a host.
    case invalidURL(String)
    /// The URL names a scheme other than http or https.
    case unsupportedScheme(String)
    /// The server answered with an error status (4xx or 5xx, or an unexpected 1xx/3xx).
    case httpStatus(Int)
    /// The server answered 429 or 503 and asked not to be asked again before a date.
    case retryLater(status: Int, until: Date)
    /// Opening the connection took longer than the connect timeout.
    case connectTimeout(Duration)
    /// Nothing arrived for longer than the low-speed window.
    case stalled(Duration)
    /// Data arrived, but slower than the low-speed rate over a whole window.
    case tooSlow(bytesPerSecond: Int, window: Duration)
    /// The whole fetch took longer than the total timeout.
    case totalTimeout(Duration)
    /// The decoded body grew past the cap for its kind.
    case tooLarge(limit: Int)
    /// More redirects than allowed.
    case tooManyRedirects(Int)
    /// A redirect led back to a URL already visited.
    case redirectLoop(URL)
    /// A redirect led to a scheme other than http or https (such as `file`).
    case redirectToUnsupportedScheme(String)
    /// A redirect led from https to plain http.
    case downgradeRefused(URL)
    /// A redirect status came without a Location header.
    case redirectWithoutLocation
    /// A redirect's Location header is not a URL.
    case invalidRedirect(String)
    /// Nothing listens on the host's port.
    case connectionRefused(String)
    /// The host name does not resolve.
    case hostNotFound(String)
    /// The server closed the connection before the response was complete.
    case connectionClosed
    /// The TLS handshake failed (certificate, protocol).
    case tlsFailure(String)
    /// The body claims gzip or deflate but does not decode.
    case badCompression
    /// The fetch was cancelled by its caller.
    case cancelled
    /// Any other transport failure, with the library's own description.
    case transport(String)

    /// One line in words, safe to print in a terminal.
    public var message: String {
        let text: String
        switch self {
        case .invalidURL(let url): text = "not a valid web address: \(url)"
        case .unsupportedScheme(let scheme): text = "unsupported address scheme \(scheme):// (only http and https)"
        case .httpStatus(let status): text = "HTTP \(status) \(Self.reasonPhrase(status))"
        case .retryLater(let status, let until):
            text = "HTTP \(status) \(Self.reasonPhrase(status)), retry after \(RetryAfter.httpDate(until))"
        case .connectTimeout(let limit): text = "timed out connecting (after \(Self.seconds(limit)))"
        case .stalled(let limit): text = "timed out: the server sent nothing for \(Self.seconds(limit))"
        case .tooSlow(let rate, let window):
            text = "timed out: the transfer was slower than \(rate) bytes/s for \(Self.seconds(window))"
        case .totalTimeout(let limit): text = "timed out: the fetch took longer than \(Self.seconds(limit))"
        case .tooLarge(let limit): text = "too large: the body is over \(Self.size(limit))"
        case .tooManyRedirects(let limit): text = "too many redirects (more than \(limit))"
        case .redirectLoop(let url): text = "redirect loop at \(url.absoluteString)"
        case .redirectToUnsupportedScheme(let scheme):
            text = "redirect to a \(scheme):// address refused (only http and https)"
        case .downgradeRefused(let url): text = "redirect from https to http refused (\(url.absoluteString))"
        case .redirectWithoutLocation: text = "redirect without a Location header"
        case .invalidRedirect(let location): text = "redirect to an invalid address: \(location)"
        case .connectionRefused(let host): text = "connection refused by \(host)"
        case .hostNotFound(let host): text = "host not found: \(host)"
        case .connectionClosed: text = "the server closed the connection early"
        case .tlsFailure(let detail): text = "secure connection failed: \(detail)"
        case .badCompression: text = "the compressed body is corrupt"
        case .cancelled: text = "cancelled"
        case .transport(let detail): text = "network error: \(detail)"
        }
        return Self.oneLine(text)
    }

    public var description: String { message }

    /// When the server asked to be left alone until, for 429/503 with a Retry-After header.
    public var retryAfter: Date? {
        if case .retryLater(_, let until) = self { return until }
        return nil
    }

    /// The HTTP status the server answered, when the failure is one.
    public var httpStatus: Int? {
        switch self {
        case .httpStatus(let status), .retryLater(let status, _): return status
        default: return nil
        }
    }

    /// Sanitised text on one line: server-supplied parts (URLs, locations) cannot move the cursor.
    static func oneLine(_ text: String) -> String {
        let clean = TextSanitizer.sanitize(text)
        var line = String(clean.map { $0 == "\n" || $0 == "\t" ? " " : $0 })
        if line.count > 300 { line = String(line.prefix(299)) + "…" }
        return line
    }

    /// A duration in seconds for messages, as `15 s` or `0.5 s`.
    static func seconds(_ duration: Duration) -> String {
        let (whole, atto) = duration.components
        if atto == 0 { return "\(whole) s" }
        let value = Double(whole) + Double(atto) / 1e18
        return String(format: "%.1f s", value)
    }

    /// A byte count for messages, as `10 MiB` or `512 KiB`.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    /// The standard reason phrase of a status code, or "error" for unknown codes.
    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 300: return "Multiple Choices"
        case 304: return "Not Modified"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 406: return "Not Acceptable"
        case 408: return "Request Timeout"
        case 410: return "Gone"
        case 429: return "Too Many Requests"
        case 451: return "Unavailable For Legal Reasons"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return status >= 500 ? "server error" : status >= 400 ? "client error" : "unexpected status"
        }
    }
}
