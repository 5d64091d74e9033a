import Foundation
import TOMLKit

/// Reads and writes `feeds.toml`, the hand-editable list of subscriptions.
///
/// The file is a list of `[[feed]]` tables:
///
/// ```toml
/// [[feed]]
/// name = "Example News"
/// url = "https://example.com/feed.xml"
/// tags = ["news", "world"]
/// full-article = "auto"   # auto (default), always or never
/// ```
///
/// `add` and `import` append blocks, so comments elsewhere in the file stay; `remove`
/// writes the file anew.
public enum SubscriptionFile {
    private struct Document: Codable {
        var feed: [Subscription]?
    }

    /// The subscriptions in `url`, or none when the file does not exist. A syntax error is
    /// reported with its line and column.
    public static func load(_ url: URL) throws(FetchFailure) -> [Subscription] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FetchFailure("\(url.path): not UTF-8 text")
        }
        do {
            let table = try TOMLTable(string: text)
            let document = try TOMLDecoder().decode(Document.self, from: table)
            return document.feed ?? []
        } catch let error as TOMLParseError {
            throw FetchFailure("\(url.path):\(error.source.begin.line):\(error.source.begin.column): \(error.description)")
        } catch {
            throw FetchFailure("\(url.path): \(error)")
        }
    }

    /// The TOML block for one subscription, starting with `[[feed]]` (written by TOMLKit).
    public static func block(for subscription: Subscription) -> String {
        let table = (try? TOMLEncoder().encode(Document(feed: [subscription]))) ?? TOMLTable()
        var text = table.convert(to: .toml)
        if !text.hasSuffix("\n") { text += "\n" }
        return text
    }

    /// The whole file for `subscriptions`.
    public static func render(_ subscriptions: [Subscription]) -> String {
        var text = header
        for subscription in subscriptions { text += "\n" + block(for: subscription) }
        return text
    }

    /// Appends blocks to the file (creating it with a header comment), keeping what is there.
    public static func append(_ subscriptions: [Subscription], to url: URL) throws(FetchFailure) {
        var text = (FileManager.default.contents(atPath: url.path)).flatMap { String(data: $0, encoding: .utf8) } ?? header
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        for subscription in subscriptions { text += "\n" + block(for: subscription) }
        try write(text, to: url)
    }

    /// Writes the file anew with `subscriptions`.
    public static func save(_ subscriptions: [Subscription], to url: URL) throws(FetchFailure) {
        try write(render(subscriptions), to: url)
    }

    static let header = """
        # Bulletin subscriptions: one [[feed]] block per feed.
        # Keys: name, url, tags = ["..."], full-article = "auto" | "always" | "never".

        """

    private static func write(_ text: String, to url: URL) throws(FetchFailure) {
        do {
            try DurableBatch.prepareFolder(url.deletingLastPathComponent())
            var batch = DurableBatch()
            batch.add(url, bytes: Array(text.utf8))
            try batch.commit()
        } catch {
            throw FetchFailure("cannot write \(url.path): \(error)")
        }
    }
}
