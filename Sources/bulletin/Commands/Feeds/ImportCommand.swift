import ArgumentParser
import Fetching
import Foundation

/// `bulletin import FILE.opml`
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Subscribe to the feeds of an OPML file (1.0 or 2.0).",
        discussion: "Folders become tags; feeds already subscribed are skipped; nothing is fetched.")

    @Argument(help: "The OPML file.")
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIFailure("\(file): cannot read the file")
        }
        let subscriptions: [Subscription]
        do { subscriptions = try FeedFormats.parseOPML(data) } catch { throw CLIFailure("\(file): \(error.message)") }
        let subscriber = Subscriber(paths: FeedCommandSupport.paths, transport: FileTransport())
        let added: [Subscription]
        do { added = try subscriber.importSubscriptions(subscriptions) } catch { throw CLIFailure(error.message) }
        let skipped = subscriptions.count - added.count
        Terminal.write("imported \(added.count) \(added.count == 1 ? "feed" : "feeds")"
            + (skipped > 0 ? ", skipped \(skipped) already subscribed" : "") + "\n")
    }
}
