import ArgumentParser
import Fetching
import Foundation
import Storage

/// `bulletin fetch URL [--save]`
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch one web page, store it as an article to read later, and print its id.",
        discussion: "The page is extracted (menus, share buttons and other boilerplate removed) and kept in the library's 'Saved pages' folder.")

    @Argument(help: "The page's address (or a local HTML file).")
    var address: String

    @Flag(help: "Also save the article as a favorite.")
    var save = false

    @OptionGroup var state: StateOptions

    func run() throws {
        let paths = FeedCommandSupport.paths
        let address = address
        let article = try FeedCommandSupport.withTransport { transport in
            try await PageSaver(paths: paths, transport: transport).save(address)
        }
        if save {
            let store = try StateCommandSupport.open(state)
            try StateCommandSupport.requireWritable(store, .saved)
            store.save(article)
            try StateCommandSupport.commit(store)
        }
        Terminal.write("\(article.id)\n")
    }
}
