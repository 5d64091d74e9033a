import ArgumentParser
import Articles
import Foundation
import Storage

/// `bulletin mark-unread ID|FILE`
struct MarkUnreadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark-unread",
        abstract: "Mark an article as unread.",
        discussion: "The id must name an article in the library (--library, default: the bundled one), a saved favorite, or an article with read state. The change is recorded with its time, so merges do not bring the read mark back.")

    @Argument(help: "An article id (from 'bulletin list') or an article file.")
    var article: String

    @Option(name: .customLong("library"), help: "Library folders or files to look the id up in (repeatable; default: the bundled library).")
    var libraryPaths: [String] = []

    @OptionGroup var state: StateOptions

    func run() throws {
        let store = try StateCommandSupport.open(state)
        let (id, title) = try StateCommandSupport.knownID(article, libraryPaths: libraryPaths, store: store, acceptStateOnly: true)
        try StateCommandSupport.requireWritable(store, .read)
        store.markUnread(id)
        try StateCommandSupport.commit(store)
        Terminal.write("marked unread \(StateCommandSupport.label(id, title))\n")
    }
}
