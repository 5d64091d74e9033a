import ArgumentParser
import Fetching
import Foundation

/// `bulletin refresh [NAME|URL...] [--json]`
struct RefreshCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Fetch every feed, or the named ones, and store their new articles.",
        discussion: """
            At most 8 feeds are fetched at once and 2 per host. Progress is shown on stderr when \
            it is a terminal. Old read articles are pruned first (see 'bulletin prune --help'). Exits 0 when every feed was fetched or not modified, 1 when any \
            failed (each named with its reason on stderr).
            """)

    @Argument(help: "Names or addresses of the feeds to refresh (default: all).")
    var feeds: [String] = []

    @Flag(help: "Print a JSON object {feeds: [{name, url, status, new, updated}], new, failed, pruned}.")
    var json = false

    @OptionGroup var state: StateOptions
    @OptionGroup var config: ConfigOptions

    func run() throws {
        let settings = try config.loadForReader().settings
        var subscriptions = try FeedCommandSupport.subscriptions()
        if !feeds.isEmpty {
            var chosen: [Subscription] = []
            for text in feeds {
                guard let match = subscriptions.first(where: { $0.matches(text) }) else {
                    throw CLIFailure("no subscription with that name or address: \(text)")
                }
                if !chosen.contains(match) { chosen.append(match) }
            }
            subscriptions = chosen
        }
        if subscriptions.isEmpty {
            Terminal.printError("no subscriptions yet: add one with 'bulletin add URL'")
            return
        }
        let paths = FeedCommandSupport.paths
        let showProgress = isatty(STDERR_FILENO) != 0
        let list = subscriptions
        let policy = FeedPruning.policy(settings)
        let readingState = FeedPruning.opening(state.directory)
        let summary = try FeedCommandSupport.withTransport { transport in
            try await RefreshRun(paths: paths, transport: transport, prune: policy, readingState: readingState).run(list) { progress in
                if showProgress { FileHandle.standardError.write(Data(("\r\u{1B}[K" + progress.description).utf8)) }
            }
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if json {
            Terminal.write(try ArticleJSON.encode(RefreshJSON(summary)) + "\n")
        } else {
            Terminal.write(summary.line + "\n")
        }
        for failure in summary.failures {
            Terminal.printError("\(TerminalText.clean(failure.subscription.name)) (\(TerminalText.clean(failure.subscription.url))): \(TerminalText.clean(failure.status.description))")
        }
        if !summary.failures.isEmpty { throw ExitCode.failure }
    }
}

/// `refresh --json`.
struct RefreshJSON: Encodable {
    struct Feed: Encodable {
        var name: String
        var url: String
        var status: String
        var ok: Bool
        var new: Int
        var updated: Int
    }
    var feeds: [Feed]
    var new: Int
    var failed: Int
    var pruned: Int

    init(_ summary: RefreshSummary) {
        feeds = summary.results.map {
            Feed(name: $0.subscription.name, url: $0.subscription.url, status: $0.status.description,
                 ok: $0.status.isSuccess, new: $0.newCount, updated: $0.updatedCount)
        }
        new = summary.newArticles
        failed = summary.failures.count
        pruned = summary.pruned.count
    }
}
