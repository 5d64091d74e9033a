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

    @OptionGroup var reference: ArticleReferenceOptions
    @OptionGroup var state: StateOptions

    func run() throws {
        let store = StateCommandSupport.open(state)
        try StateCommandSupport.requireWritable(store, .saved)
        let found = try reference.lookup().find(reference.article) { store.savedArticle($0)?.article }
        store.save(found)
        try StateCommandSupport.commit(store)
        Terminal.write("saved \(StateCommandSupport.label(found.id, found.title))\n")
    }
}
