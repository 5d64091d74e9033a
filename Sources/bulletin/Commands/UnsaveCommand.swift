import ArgumentParser
import Articles
import Foundation
import Storage

/// `bulletin unsave ID`
struct UnsaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unsave",
        abstract: "Remove an article from the favorites.",
        discussion: "The removal is recorded with its time, so that merging another copy of the state does not bring the favorite back.")

    @Argument(help: "The id of a saved article (see 'bulletin saved').")
    var article: String

    @OptionGroup var state: StateOptions

    func run() throws {
        let id = try StateCommandSupport.parseID(article)
        let store = StateCommandSupport.open(state)
        guard let saved = store.savedArticle(id) else {
            throw CLIFailure("\(article): not among saved favorites (see 'bulletin saved')")
        }
        try StateCommandSupport.requireWritable(store, .saved)
        store.unsave(id)
        try StateCommandSupport.commit(store)
        Terminal.write("unsaved \(StateCommandSupport.label(id, saved.article.title))\n")
    }
}
