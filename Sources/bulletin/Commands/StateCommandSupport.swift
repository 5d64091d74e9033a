import Articles
import Foundation
import Storage

/// Shared steps of the commands that read or change reading state.
enum StateCommandSupport {
    /// Opens the store, printing each load warning (corrupt file moved aside, read-only
    /// file) as one line on stderr.
    static func open(_ options: StateOptions) throws -> StateStore {
        let store = try StateStore(directory: options.directory, coalescingDelay: 60)
        for warning in store.warnings { Terminal.printError("warning: " + warning) }
        return store
    }

    /// Fails when `file` cannot be changed in this session.
    static func requireWritable(_ store: StateStore, _ file: StateFile) throws {
        if store.readOnly.contains(file) {
            throw CLIFailure("\(store.directory.appendingPathComponent(file.name).path) is read-only for this bulletin; nothing changed")
        }
    }

    /// Writes the changes and fails with the store's one-line error if that did not work.
    static func commit(_ store: StateStore) throws {
        store.flush()
        if let error = store.lastError { throw CLIFailure(error) }
    }

    /// An article id typed by the user, or a one-line failure.
    static func parseID(_ text: String) throws -> ArticleID {
        guard let id = ArticleID(parsing: text) else {
            throw CLIFailure("\(text): not an article id (16 hex digits, see 'bulletin list')")
        }
        return id
    }

    /// The id of `reference` (an id or an article file) if the article is known: among
    /// saved favorites, in the library at `libraryPaths` (default: the bundled one), or by a
    /// read record. Otherwise a one-line failure.
    static func knownID(_ reference: String, libraryPaths: [String], store: StateStore) throws -> (ArticleID, String?) {
        if FileManager.default.fileExists(atPath: reference), ArticleID(parsing: reference) == nil {
            let article = try ArticleLookup.parse(file: reference)
            return (article.id, article.title)
        }
        let id = try parseID(reference)
        if let saved = store.savedArticle(id) { return (id, saved.article.title) }
        if let entry = ArticleLookup(libraryPaths: libraryPaths).openLibrary()?.entry(id: id) { return (id, entry.title) }
        if store.readRecord(id) != nil { return (id, nil) }
        throw ArticleLookup.unknown(reference)
    }

    /// `id  title` for confirmations.
    static func label(_ id: ArticleID, _ title: String?) -> String {
        title.map { "\(id)  \($0)" } ?? id.rawValue
    }
}
