import ArgumentParser
import Articles
import Foundation
import Storage

/// `bulletin mark-read ID|FILE`
struct MarkReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark-read",
        abstract: "Mark an article as read.",
        discussion: "The id must name an article in the library (--library, default: the bundled one) or a saved favorite.")

    @OptionGroup var reference: ArticleReferenceOptions
    @OptionGroup var state: StateOptions

    func run() throws { try ReadMark.set(read: true, reference, state) }
}

/// Shared by `mark-read` and `mark-unread`.
enum ReadMark {
    static func set(read: Bool, _ reference: ArticleReferenceOptions, _ state: StateOptions) throws {
        let store = StateCommandSupport.open(state)
        let (id, title) = try StateCommandSupport.knownID(reference.article, lookup: try reference.lookup(), store: store)
        try StateCommandSupport.requireWritable(store, .read)
        if read { store.markRead(id) } else { store.markUnread(id) }
        try StateCommandSupport.commit(store)
        Terminal.write("marked \(read ? "read" : "unread") \(StateCommandSupport.label(id, title))\n")
    }
}
