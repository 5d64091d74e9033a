/// What a fetch is for, which picks its body cap and its Accept header.
public enum FetchKind: Sendable, Equatable {
    /// A feed document: RSS, Atom or JSON Feed, capped at ``HTTPLimits/feedBodyLimit`` decoded bytes.
    case feed
    /// A web page to extract, capped at ``HTTPLimits/pageBodyLimit`` decoded bytes.
    case page

    /// The Accept header sent for this kind.
    var acceptHeader: String {
        switch self {
        case .feed:
            return "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
                + "application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.5, */*;q=0.1"
        case .page:
            return "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5, */*;q=0.1"
        }
    }
}
