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

    @Argument(help: "An article id (from 'bulletin list') or an article file.")
    var article: String

    @Option(name: .customLong("library"), help: "Library folders or files to look the id up in (repeatable; default: the bundled library).")
    var libraryPaths: [String] = []

    @OptionGroup var state: StateOptions

    func run() throws {
        let store = try StateCommandSupport.open(state)
        let (id, title) = try StateCommandSupport.knownID(article, libraryPaths: libraryPaths, store: store, acceptStateOnly: true)
        try StateCommandSupport.requireWritable(store, .read)
        store.markRead(id)
        try StateCommandSupport.commit(store)
        Terminal.write("marked read \(StateCommandSupport.label(id, title))\n")
    }
}
