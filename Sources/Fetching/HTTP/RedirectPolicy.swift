import Foundation

/// The redirect rules: at most a few hops, http and https only, no https→http downgrade, no loops.
///
/// ``HTTPFetcher`` follows redirects itself (the client's own following is off) and asks this
/// policy before every hop, so a redirect can never lead to `file://` or any other scheme.
public struct RedirectPolicy: Sendable {
    /// The most redirects followed.
    public var maxRedirects: Int
    /// The URLs visited so far, the first request's included.
    public private(set) var visited: [URL]

    /// Starts a chain at the requested URL.
    public init(start: URL, maxRedirects: Int) {
        self.maxRedirects = maxRedirects
        self.visited = [start]
    }

    /// Whether a status code asks to be redirected (301, 302, 303, 307, 308).
    public static func isRedirect(_ status: Int) -> Bool {
        [301, 302, 303, 307, 308].contains(status)
    }

    /// Resolves `location` against the current URL and returns the next URL to fetch, recording
    /// it, or throws the rule it breaks.
    public mutating func follow(location: String?) throws(FetchError) -> URL {
        let current = visited[visited.count - 1]
        guard let location, !location.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .redirectWithoutLocation
        }
        let trimmed = location.trimmingCharacters(in: .whitespaces)
        guard let next = URL(string: trimmed, relativeTo: current)?.absoluteURL,
              let scheme = next.scheme?.lowercased()
        else {
            throw .invalidRedirect(trimmed)
        }
        guard scheme == "http" || scheme == "https" else {
            throw .redirectToUnsupportedScheme(scheme)
        }
        guard next.host?.isEmpty == false else { throw .invalidRedirect(trimmed) }
        if current.scheme?.lowercased() == "https" && scheme == "http" {
            throw .downgradeRefused(next)
        }
        if visited.contains(where: { Self.sameResource($0, next) }) {
            throw .redirectLoop(next)
        }
        guard visited.count <= maxRedirects else {
            throw .tooManyRedirects(maxRedirects)
        }
        visited.append(next)
        return next
    }

    /// Whether two URLs name the same resource for loop detection (the fragment is ignored).
    static func sameResource(_ a: URL, _ b: URL) -> Bool {
        func key(_ url: URL) -> String {
            var text = url.absoluteString
            if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
            return text
        }
        return key(a) == key(b)
    }
}
