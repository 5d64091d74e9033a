import ArgumentParser
import Fetching
import Foundation

/// `bulletin import FILE.opml`
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Subscribe to the feeds of an OPML file (1.0 or 2.0).",
        discussion: "Folders become tags; feeds already subscribed are skipped, and so are addresses that are not http or https; nothing is fetched.")

    @Argument(help: "The OPML file.")
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIFailure("\(file): cannot read the file")
        }
        let subscriptions: [Subscription]
        do { subscriptions = try FeedFormats.parseOPML(data) } catch { throw CLIFailure("\(file): \(error.message)") }
        // Local files are subscribed only when typed to `add`, never from a file's content.
        let web = subscriptions.filter { $0.url.lowercased().hasPrefix("http://") || $0.url.lowercased().hasPrefix("https://") }
        let subscriber = Subscriber(paths: FeedCommandSupport.paths, transport: FileTransport())
        let added: [Subscription]
        do { added = try subscriber.importSubscriptions(web) } catch { throw CLIFailure(error.message) }
        let skipped = web.count - added.count
        let notWeb = subscriptions.count - web.count
        Terminal.write("imported \(added.count) \(added.count == 1 ? "feed" : "feeds")"
            + (skipped > 0 ? ", skipped \(skipped) already subscribed" : "")
            + (notWeb > 0 ? ", skipped \(notWeb) not on the web (only http and https are imported)" : "") + "\n")
    }
}
