import ArgumentParser
import Articles
import Fetching
import Foundation

/// `bulletin prune [--dry-run] [--json]`
struct PruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Remove old read feed articles (refresh does this too).",
        discussion: """
            Removes the file of every feed article that is read, not saved, and older than \
            [feeds] keep-days (default 90) or beyond the newest [feeds] keep-per-feed of its feed \
            (default: no limit). Unread and saved articles are never removed, nor pages stored by \
            'bulletin fetch'. Articles of removed subscriptions follow the same rule. A pruned \
            item is not downloaded again while its feed still lists it.
            """)

    @Flag(help: "List what would be removed without removing anything.")
    var dryRun = false

    @Flag(help: "Print a JSON object {pruned: [{id, feed, file}], count, dryRun}.")
    var json = false

    @OptionGroup var state: StateOptions
    @OptionGroup var config: ConfigOptions

    func run() throws {
        let settings = try config.loadForReader().settings
        let paths = FeedCommandSupport.paths
        let pruned: [PrunedArticle]
        do {
            pruned = try FeedPruner.run(paths: paths, policy: FeedPruning.policy(settings), dryRun: dryRun,
                                        lookup: FeedPruning.opening(state.directory))
        } catch {
            throw CLIFailure(error.message)
        }
        if json {
            Terminal.write(try ArticleJSON.encode(PruneJSON(pruned: pruned, dryRun: dryRun)) + "\n")
            return
        }
        var out = ""
        for article in pruned { out += "\(dryRun ? "would remove" : "removed")  \(TerminalText.clean(article.file))\n" }
        let noun = pruned.count == 1 ? "article" : "articles"
        out += dryRun ? "\(pruned.count) \(noun) would be pruned\n" : "\(pruned.count) \(noun) pruned\n"
        Terminal.write(out)
    }
}

/// `prune --json`.
struct PruneJSON: Encodable {
    struct Entry: Encodable {
        var id: String
        var feed: String
        var file: String
    }
    var pruned: [Entry]
    var count: Int
    var dryRun: Bool

    init(pruned: [PrunedArticle], dryRun: Bool) {
        self.pruned = pruned.map { Entry(id: $0.id, feed: $0.feed, file: $0.file) }
        count = pruned.count
        self.dryRun = dryRun
    }
}
