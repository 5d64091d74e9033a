import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org) with `JSONSerialization`.
enum JSONFeedReader {
    static func read(_ data: Data, feedURL: String?) throws -> ParsedFeed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw FeedParseError.malformedJSON("not valid JSON")
        }
        guard let root = object as? [String: Any] else { throw FeedParseError.notAFeed("JSON that is not an object") }
        guard let version = root["version"] as? String, isJSONFeedVersion(version) else {
            throw FeedParseError.notAFeed("JSON without a jsonfeed.org version")
        }
        var feed = ParsedFeed(format: .jsonFeed)
        feed.title = FeedText.line(root["title"] as? String)
        feed.siteURL = FeedText.link(root["home_page_url"] as? String, base: feedURL)
        feed.selfURL = FeedText.link(root["feed_url"] as? String, base: feedURL)
        feed.author = author(in: root)
        let base = feed.siteURL ?? feedURL
        let items = root["items"] as? [Any] ?? []
        feed.items.reserveCapacity(items.count)
        for case let entry as [String: Any] in items {
            var item = FeedItem()
            item.guid = FeedText.identifier(identifier(entry["id"]))
            item.link = FeedText.link(entry["url"] as? String, base: base)
                ?? FeedText.link(entry["external_url"] as? String, base: base)
            item.title = FeedText.line((entry["title"] as? String).map(FeedText.htmlToText))
            item.author = author(in: entry) ?? feed.author
            item.date = (entry["date_published"] as? String).flatMap(FeedDate.parse)
                ?? (entry["date_modified"] as? String).flatMap(FeedDate.parse)
            if let html = entry["content_html"] as? String, !FeedText.isBlank(html) {
                item.content = .html(html)
            } else if let text = entry["content_text"] as? String, !FeedText.isBlank(text) {
                item.content = .text(text)
            }
            if let summary = entry["summary"] as? String, !FeedText.isBlank(summary) {
                item.summary = .text(summary)
            }
            feed.items.append(item)
        }
        return feed
    }

    /// `https://jsonfeed.org/version/1`, `/1.1` (and the `http:` form some feeds use).
    static func isJSONFeedVersion(_ version: String) -> Bool {
        version.hasPrefix("https://jsonfeed.org/version/") || version.hasPrefix("http://jsonfeed.org/version/")
    }

    /// An id is a string, but some feeds write a number.
    static func identifier(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        if let number = value as? NSNumber { return number.stringValue }
        return nil
    }

    /// JSON Feed 1.1 `authors` (names joined), else 1.0 `author`.
    static func author(in object: [String: Any]) -> String? {
        if let authors = object["authors"] as? [Any] {
            let names = authors.compactMap { ($0 as? [String: Any])?["name"] as? String }.compactMap(FeedText.person)
            if !names.isEmpty { return names.joined(separator: ", ") }
        }
        if let author = object["author"] as? [String: Any], let name = author["name"] as? String {
            return FeedText.person(name)
        }
        return nil
    }
}
