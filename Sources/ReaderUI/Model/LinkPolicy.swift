import Foundation

/// Which article links `o` may open: absolute `http` and `https` addresses with a host and
/// only characters that RFC 3986 allows (no spaces, quotes, backticks, backslashes, angle
/// or curly brackets, pipes or carets), so that `javascript:`, `file:`, `data:`, a bare
/// `$(...)` or anything a wrapper script could misread never reaches the browser. A link
/// written as `www.example.org/...` (as articles often give it) opens as `https://`.
public enum LinkPolicy {
    /// What `o` does with an article's link.
    public enum Decision: Hashable, Sendable {
        /// Open this address (the link, or `https://` + a `www.` link).
        case open(String)
        /// Refuse, with the one-line reason for the status bar.
        case refuse(String)
    }

    /// Whether and what to open for the article link `url`.
    public static func decide(_ url: String) -> Decision {
        let address = url.lowercased().hasPrefix("www.") ? "https://" + url : url
        if let refusal = refusal(for: address) { return .refuse(refusal) }
        return .open(address)
    }

    /// `nil` when `url` may be opened as it is, else the one-line reason for the status bar.
    public static func refusal(for url: String) -> String? {
        let shown = url.count > 60 ? String(url.prefix(59)) + "…" : url
        if url.unicodeScalars.contains(where: isForbidden) {
            return "Not opening a link with spaces or unsafe characters: \(shown)"
        }
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https"
        else {
            return "Not opening a link that is not http or https: \(shown)"
        }
        guard let host = components.host, !host.isEmpty, url.dropFirst(scheme.count).hasPrefix("://") else {
            return "Not opening a link without a host: \(shown)"
        }
        return nil
    }

    /// Scalars a link must not hold: controls, spaces and the ASCII characters RFC 3986
    /// never allows in a URI.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control { return true }
        switch scalar {
        case "\"", "<", ">", "\\", "^", "`", "{", "|", "}": return true
        default: return false
        }
    }
}
