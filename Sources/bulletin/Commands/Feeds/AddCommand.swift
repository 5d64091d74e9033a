import ArgumentParser
import Fetching
import Foundation

/// `bulletin add URL|FILE [--name NAME] [--tag TAG]... [--full-article MODE]`
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Subscribe to a feed (RSS, Atom, RDF or JSON Feed).",
        discussion: """
            URL may be a web page that links to its feed (<link rel="alternate">). A local path or \
            file:// address is accepted when typed here. The feed is fetched once to check it; \
            run 'bulletin refresh' to bring in its articles. Subscriptions are kept in \
            $XDG_CONFIG_HOME/bulletin/feeds.toml, which can be edited by hand.
            """)

    @Argument(help: "The feed or page address, or a local feed file.")
    var address: String

    @Option(help: "The name shown for the feed (default: the feed's title).")
    var name: String?

    @Option(name: .customLong("tag"), help: "A tag for the feed (repeat for several).")
    var tags: [String] = []

    @Option(name: .customLong("full-article"),
            help: "Fetch the item's page when the feed gives only a teaser: auto (under about 60 words), always or never.")
    var fullArticle: FullArticleMode = .auto

    func run() throws {
        let paths = FeedCommandSupport.paths
        let (address, name, tags, mode) = (address, name, tags, fullArticle)
        let outcome = try FeedCommandSupport.withTransport { transport in
            try await Subscriber(paths: paths, transport: transport).add(address, name: name, tags: tags, fullArticle: mode)
        }
        switch outcome {
        case .added(let subscription):
            Terminal.write("added \(TerminalText.clean(subscription.name))  \(TerminalText.clean(subscription.url))\n")
        case .alreadySubscribed(let subscription):
            Terminal.write("already subscribed: \(TerminalText.clean(subscription.name))  \(TerminalText.clean(subscription.url)) (nothing changed)\n")
        }
    }
}

extension FullArticleMode: ExpressibleByArgument {}
