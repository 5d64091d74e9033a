import Articles
import Foundation
import Storage

/// Shared steps of the commands that read or change reading state.
enum StateCommandSupport {
    /// Opens the store, printing each load warning (corrupt file moved aside, read-only
    /// file) as one line on stderr. Commands that only look (`saved`, `export-saved`,
    /// `show`) open it ``StateStore/Mode/readOnly``: nothing is created, moved or written.
    static func open(_ options: StateOptions, mode: StateStore.Mode = .readWrite) -> StateStore {
        let store = StateStore(directory: options.directory, coalescingDelay: 60, mode: mode)
        for warning in store.warnings { Terminal.printError("warning: " + warning) }
        return store
    }

    /// Fails when `file` cannot be changed in this session.
    static func requireWritable(_ store: StateStore, _ file: StateFile) throws {
        if store.readOnly.contains(file) {
            throw CLIFailure("\(file.contents) in \(store.directory.path) are read-only for this bulletin; nothing changed")
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

    /// The id of `reference` if the article is known: an article file, or an id among saved
    /// favorites, in the library of `lookup` (see ``ArticleLookup/openLibrary()``), or with a read
    /// record. Otherwise a one-line failure. Files and ids are told apart exactly as
    /// ``ArticleLookup/find(_:saved:)`` does (``ArticleLookup/classify(_:isKnown:)``).
    static func knownID(_ reference: String, lookup: ArticleLookup, store: StateStore) throws -> (ArticleID, String?) {
        let library = LazyLibrary(lookup)
        let known: (ArticleID) -> String?? = { id in
            if let saved = store.savedArticle(id) { return .some(saved.article.title) }
            if let entry = library.value?.entry(id: id) { return .some(entry.title) }
            if store.readRecord(id) != nil { return .some(nil) }
            return nil
        }
        switch try ArticleLookup.classify(reference, isKnown: { known($0) != nil }) {
        case .file(let path):
            let article = try ArticleLookup.parse(file: path)
            return (article.id, article.title)
        case .id(let id):
            guard let title = known(id) else { throw ArticleLookup.unknown(reference) }
            return (id, title)
        }
    }

    /// The library, opened on first use.
    private final class LazyLibrary {
        let lookup: ArticleLookup
        lazy var value: Library? = lookup.openLibrary()
        init(_ lookup: ArticleLookup) { self.lookup = lookup }
    }

    /// `id  title` for confirmations.
    static func label(_ id: ArticleID, _ title: String?) -> String {
        title.map { "\(id)  \($0)" } ?? id.rawValue
    }
}
