import Foundation

/// Normalising and classifying the addresses a person types for `add`, `remove` and `fetch`.
public enum FeedAddress {
    /// What a typed address points at.
    public enum Kind: Equatable, Sendable {
        /// An http or https address.
        case web(URL)
        /// A local file (typed as a path or a `file://` address).
        case file(URL)
    }

    /// Classifies a typed address: http(s) stays as is, `file://` and existing paths become
    /// file URLs (relative paths are resolved against `directory`). Anything else is refused
    /// with one line saying what was expected.
    public static func classify(_ text: String, directory: String = FileManager.default.currentDirectoryPath)
        throws(FetchFailure) -> Kind
    {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            guard let url = URL(string: trimmed), let host = url.host, !host.isEmpty else {
                throw FetchFailure("not a valid web address: \(trimmed)")
            }
            return .web(url)
        }
        if lower.hasPrefix("file://") {
            guard let url = URL(string: trimmed), url.isFileURL else {
                throw FetchFailure("not a valid file address: \(trimmed)")
            }
            return .file(url.standardizedFileURL)
        }
        if lower.contains("://") {
            throw FetchFailure("only http, https and local files can be fetched: \(trimmed)")
        }
        let path = trimmed.hasPrefix("/") ? trimmed : directory + "/" + trimmed
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw FetchFailure("no such file, and not a web address: \(trimmed)")
        }
        return .file(URL(fileURLWithPath: path).standardizedFileURL)
    }

    /// Whether two addresses name the same feed: equal after dropping one trailing slash and
    /// lowercasing the scheme and host.
    public static func sameFeed(_ a: String, _ b: String) -> Bool {
        canonical(a) == canonical(b)
    }

    /// The comparison form used by ``sameFeed(_:_:)``.
    public static func canonical(_ text: String) -> String {
        var s = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if s.hasSuffix("/") { s.removeLast() }
        guard var components = URLComponents(string: s) else { return s }
        components.scheme = components.scheme?.lowercased()
        components.host = components.host?.lowercased()
        return components.string ?? s
    }
}
