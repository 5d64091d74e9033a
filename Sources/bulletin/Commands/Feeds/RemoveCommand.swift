import ArgumentParser
import Fetching
import Foundation

/// `bulletin remove URL|NAME`
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Unsubscribe from a feed.",
        discussion: "The feed's articles stay in the library; saved ones stay forever.")

    @Argument(help: "The feed's address or name.")
    var feed: String

    func run() throws {
        let subscriber = Subscriber(paths: FeedCommandSupport.paths, transport: FileTransport())
        let removed: Subscription
        do { removed = try subscriber.remove(feed) } catch { throw CLIFailure(error.message) }
        Terminal.write("removed \(TerminalText.clean(removed.name))  \(TerminalText.clean(removed.url))\n")
    }
}
