import ArgumentParser
import Articles
import Foundation
import Storage

/// `bulletin save ID|FILE`
struct SaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "save",
        abstract: "Save an article as a favorite, with a full copy of its text.",
        discussion: "The copy stays readable in 'bulletin saved', 'show' and 'export-saved' after the source file is deleted or moved.")

    @Argument(help: "An article id (from 'bulletin list') or an article file.")
    var article: String

    @Option(name: .customLong("library"), help: "Library folders or files to look the id up in (repeatable; default: the bundled library).")
    var libraryPaths: [String] = []

    @OptionGroup var state: StateOptions

    func run() throws {
        let store = try StateCommandSupport.open(state)
        try StateCommandSupport.requireWritable(store, .saved)
        let found = try ArticleLookup(libraryPaths: libraryPaths, stateDirectory: state.directory).find(article)
        store.save(found)
        try StateCommandSupport.commit(store)
        Terminal.write("saved \(StateCommandSupport.label(found.id, found.title))\n")
    }
}
