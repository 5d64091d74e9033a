import ArgumentParser
import Articles
import Fetching
import Foundation
import Storage

/// `bulletin feeds [--json]`
struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "List the subscriptions with their last refresh and article counts.",
        discussion: "One line per feed: name, address, tags, last refresh, last status (ok, not modified, or the error), articles and unread.")

    @Flag(help: "Print a JSON array of {name, url, tags, fullArticle, lastRefresh, lastStatus, articles, unread}.")
    var json = false

    @OptionGroup var state: StateOptions

    func run() throws {
        let paths = FeedCommandSupport.paths
        let subscriptions = try FeedCommandSupport.subscriptions()
        let states = FeedStateFile.load(paths.stateFile)
        let store = try StateCommandSupport.open(state)
        let rows = subscriptions.map { FeedRow($0, state: states[$0.url], store: store) }
        if json {
            Terminal.write(try ArticleJSON.encode(rows) + "\n")
            return
        }
        if rows.isEmpty {
            Terminal.write("no subscriptions yet: add one with 'bulletin add URL'\n")
            return
        }
        var out = ""
        for row in rows {
            out += TerminalText.clean(row.name) + "  " + TerminalText.clean(row.url)
            if !row.tags.isEmpty { out += "  [" + row.tags.map(TerminalText.clean).joined(separator: ", ") + "]" }
            out += "\n    " + (row.lastRefresh.map { "refreshed \($0)" } ?? "never refreshed")
            if let status = row.lastStatus { out += ": " + TerminalText.clean(status) }
            out += "; \(row.articles) articles, \(row.unread) unread\n"
        }
        Terminal.write(out)
    }
}

/// One feed of `feeds --json`.
struct FeedRow: Encodable {
    var name: String
    var url: String
    var tags: [String]
    var fullArticle: String
    var lastRefresh: String?
    var lastStatus: String?
    var articles: Int
    var unread: Int

    init(_ subscription: Subscription, state: FeedState, store: StateStore) {
        name = subscription.name
        url = subscription.url
        tags = subscription.tags
        fullArticle = subscription.fullArticle.rawValue
        lastRefresh = state.lastRefresh.map(ArticleDateFormat.format)
        lastStatus = state.lastStatus?.description
        let stored = state.items.values.filter { $0.pruned != true }
        articles = stored.count
        unread = stored.reduce(0) { count, item in
            count + (store.isRead(ArticleID(rawValue: item.id)) ? 0 : 1)
        }
    }

    func encode(to encoder: Encoder) throws {
        enum K: String, CodingKey { case name, url, tags, fullArticle, lastRefresh, lastStatus, articles, unread }
        var c = encoder.container(keyedBy: K.self)
        try c.encode(name, forKey: .name)
        try c.encode(url, forKey: .url)
        try c.encode(tags, forKey: .tags)
        try c.encode(fullArticle, forKey: .fullArticle)
        try c.encode(lastRefresh, forKey: .lastRefresh)
        try c.encode(lastStatus, forKey: .lastStatus)
        try c.encode(articles, forKey: .articles)
        try c.encode(unread, forKey: .unread)
    }
}
