import Articles
import CLibXML2
import Feeds
import Foundation

/// Feed parsing in this process: a generated 10,000-item RSS 2.0 feed parsed by
/// ``FeedParser`` and turned into articles, beside the floor of libxml2 building the same
/// document's tree and nothing else.
enum FeedBench {
    static let items = 10_000

    static func run(into report: inout BenchReport) {
        let data = rss(items: items)
        let runs = 5
        var floor: [Double] = [], parse: [Double] = [], convert: [Double] = []
        for _ in 0..<runs {
            floor.append(measure { libxml2TreeOnly(data) })
            var feed: ParsedFeed?
            parse.append(measure { feed = try? FeedParser.parse(data: data, url: "https://large.example/feed") })
            guard let feed, feed.items.count == items else {
                BenchOptions.fail("the generated feed did not parse to \(items) items")
            }
            convert.append(measure { _ = feed.articles(feedURL: "https://large.example/feed") })
        }
        let label = "\(items / 1000)k-item RSS, \(data.count >> 20) MB"
        let parseMS = median(parse) * 1000
        report.add("feed: libxml2 tree alone (\(label), floor)", "ms", ["-": median(floor) * 1000])
        report.add("feed: parse (\(label))", "ms", ["-": parseMS], target: "< 1000 ms", met: parseMS < 1000)
        report.add("feed: parse ÷ libxml2 tree alone", "x", ["-": median(parse) / max(median(floor), 1e-9)])
        report.add("feed: items → articles (HTML extraction, summary)", "ms", ["-": median(convert) * 1000])
    }

    /// What ``FeedParser`` cannot do less than: libxml2 reading the bytes into a tree.
    static func libxml2TreeOnly(_ data: Data) {
        data.withUnsafeBytes { raw in
            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
            if let doc = xmlReadMemory(raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, nil, options) {
                xmlFreeDoc(doc)
            }
        }
    }

    /// An RSS 2.0 feed of `count` items, each with a guid, link, date, creator and a
    /// two-paragraph HTML description.
    static func rss(items count: Int) -> Data {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Large feed</title><link>https://large.example/</link>

            """
        text.reserveCapacity(count * 600)
        for i in 0..<count {
            text += """
                <item><title>Item number \(i) about tides &amp; boats</title>
                <link>https://large.example/items/\(i)</link><guid isPermaLink="false">large-\(i)</guid>
                <pubDate>Mon, \(i % 28 + 1) Jan 2024 \(i % 24 < 10 ? "0" : "")\(i % 24):15:00 +0000</pubDate>
                <dc:creator>Writer \(i % 17)</dc:creator>
                <description>&lt;p&gt;Paragraph one of item \(i) says that the tide came in early and the boats waited at the quay for the pilot.&lt;/p&gt;&lt;p&gt;Paragraph two adds that the harbour master will publish new tables next week.&lt;/p&gt;</description>
                </item>

                """
        }
        return Data((text + "</channel></rss>\n").utf8)
    }
}
