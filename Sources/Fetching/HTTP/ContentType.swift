/// A parsed `Content-Type` header: the media type and its charset parameter.
public struct ContentType: Sendable, Equatable {
    /// The media type in lower case without parameters, such as `application/rss+xml`.
    public var mediaType: String
    /// The `charset` parameter in lower case without quotes, when the header names one.
    public var charset: String?

    /// Creates a content type from its parts.
    public init(mediaType: String, charset: String? = nil) {
        self.mediaType = mediaType
        self.charset = charset
    }

    /// Parses a header value such as `text/html; charset="ISO-8859-1"`; nil when it names no type.
    public init?(header: String) {
        let parts = header.split(separator: ";", omittingEmptySubsequences: false)
        let type = parts.first.map { $0.trimmingSpaces().lowercased() } ?? ""
        guard !type.isEmpty, type.contains("/") else { return nil }
        mediaType = type
        charset = nil
        for parameter in parts.dropFirst() {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            let name = parameter[..<equals].trimmingSpaces().lowercased()
            guard name == "charset" else { continue }
            var value = parameter[parameter.index(after: equals)...].trimmingSpaces()
            if value.count >= 2, value.first == "\"", value.last == "\"" {
                value = String(value.dropFirst().dropLast())
            }
            if !value.isEmpty { charset = value.lowercased() }
            break
        }
    }

    /// Whether the type is an HTML page rather than a feed document.
    public var isHTML: Bool { mediaType == "text/html" || mediaType == "application/xhtml+xml" }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
