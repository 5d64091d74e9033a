import Fetching
import Foundation

/// The user's own library: `$XDG_DATA_HOME/bulletin/articles`, where `refresh` and `fetch`
/// store articles.
enum UserLibrary {
    /// The folder when it holds at least one article file, else `nil`.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let root = FetchingPaths.resolve(environment: environment).articlesDirectory
        return hasArticles(root) ? root : nil
    }

    /// Whether `folder` or one of its feed folders holds a visible file.
    static func hasArticles(_ folder: URL) -> Bool {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder.path) else { return false }
        for name in names where !name.hasPrefix(".") {
            let path = folder.path + "/" + name
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue { return true }
            if let inner = try? manager.contentsOfDirectory(atPath: path), inner.contains(where: { !$0.hasPrefix(".") }) {
                return true
            }
        }
        return false
    }
}
