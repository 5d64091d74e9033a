import Foundation

/// Original feed documents for the feed command tests, one per format.
enum FeedFixtures {
    /// A paragraph of about `words` words about `topic`.
    static func paragraph(_ topic: String, words: Int) -> String {
        let pool = ["the", "harbour", "committee", "agreed", "after", "a", "long", "evening", "that", "new",
                    "lanterns", "would", "line", "quay", "before", "winter", "storms", "arrived", "and", "fishermen"]
        var out = [topic]
        for i in 0..<max(0, words - 1) { out.append(pool[(i * 7 + topic.count) % pool.count]) }
        return out.joined(separator: " ") + "."
    }

    /// RSS 2.0 with `content:encoded`, `dc:creator` and RFC 822 dates.
    static func rss(title: String, items: [(guid: String, title: String, words: Int)], link: String = "https://example.org/") -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>\(title)</title><link>\(link)</link><description>Test feed</description>

            """
        for (i, item) in items.enumerated() {
            let day = String(format: "%02d", (i % 27) + 1)
            out += """
                <item><title>\(item.title)</title><link>\(link)items/\(item.guid)</link>
                <guid isPermaLink="false">\(item.guid)</guid><dc:creator>Ines Varga</dc:creator>
                <pubDate>Tue, \(day) Oct 2024 08:15:00 GMT</pubDate>
                <content:encoded><![CDATA[<p>\(paragraph(item.title, words: item.words))</p><p>\(paragraph("Second", words: item.words / 2))</p>]]></content:encoded>
                </item>

                """
        }
        return out + "</channel></rss>\n"
    }

    /// Atom 1.0 with an html `content`, `published` and a feed-level author.
    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Orchard Notes</title>
          <id>urn:uuid:5d1c0a8e-orchard</id>
          <updated>2024-09-30T10:00:00Z</updated>
          <author><name>Pauline Oduya</name></author>
          <link rel="self" href="https://orchard.example/atom.xml"/>
          <entry>
            <title>Pruning the old pear tree</title>
            <id>urn:uuid:orchard-pear</id>
            <link rel="alternate" href="https://orchard.example/pear"/>
            <published>2024-09-29T07:30:00Z</published>
            <updated>2024-09-29T07:30:00Z</updated>
            <content type="html">&lt;p&gt;\(paragraph("Pruning", words: 90))&lt;/p&gt;</content>
          </entry>
        </feed>

        """

    /// RSS 1.0 (RDF) with `dc:date`.
    static let rdf = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://rail.example/">
            <title>Rail Gazette</title><link>https://rail.example/</link><description>Trains</description>
            <items><rdf:Seq><rdf:li rdf:resource="https://rail.example/night-trains"/></rdf:Seq></items>
          </channel>
          <item rdf:about="https://rail.example/night-trains">
            <title>Night trains return to the valley line</title>
            <link>https://rail.example/night-trains</link>
            <description>\(paragraph("Sleeper", words: 80))</description>
            <dc:date>2024-08-14T21:05:00+02:00</dc:date>
            <dc:creator>Tomas Reyes</dc:creator>
          </item>
        </rdf:RDF>

        """

    /// JSON Feed 1.1 with `content_html`, `authors` and `date_published`.
    static let jsonFeed = """
        {"version": "https://jsonfeed.org/version/1.1", "title": "Bakery Log",
         "home_page_url": "https://bakery.example/",
         "items": [{"id": "loaf-42", "url": "https://bakery.example/loaf-42", "title": "A slower rye loaf",
                    "content_html": "<p>\(paragraph("Rye", words: 85))</p>",
                    "date_published": "2024-07-02T06:00:00Z", "authors": [{"name": "Mara Lind"}]}]}

        """

    /// A billion-laughs feed: nested entities that would expand to gigabytes.
    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [
          <!ENTITY a "lollollollollollollollollollol">
          <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
          <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
          <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
          <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
          <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
          <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
          <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
          <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
        ]>
        <rss version="2.0"><channel><title>Laughs</title>
        <item><title>&i;</title><guid>laugh</guid><description>&i;</description></item>
        </channel></rss>

        """

    /// A feed whose item names a local file as an external entity.
    static func externalEntity(_ path: String) -> String {
        """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY secret SYSTEM "file://\(path)">]>
        <rss version="2.0"><channel><title>Entity</title>
        <item><title>Leak &secret;</title><guid>leak</guid><description>Body &secret; end of the item text.</description></item>
        </channel></rss>

        """
    }

    /// An HTML page that announces `feed` as its RSS feed.
    static func pageLinking(_ feed: String) -> String {
        """
        <!DOCTYPE html>
        <html><head><title>Harbour News</title>
        <link rel="alternate" type="application/rss+xml" title="Harbour News" href="\(feed)">
        </head><body><p>Welcome.</p></body></html>

        """
    }

    /// An HTML page with no feed link.
    static let plainPage = """
        <!DOCTYPE html>
        <html><head><title>Just a page</title></head><body><p>Nothing to subscribe to.</p></body></html>

        """

    /// OPML 2.0 with a folder.
    static func opml(_ feeds: [(title: String, url: String, folder: String?)]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\"><head><title>Mine</title></head><body>\n"
        for feed in feeds {
            let outline = "<outline type=\"rss\" text=\"\(feed.title)\" title=\"\(feed.title)\" xmlUrl=\"\(feed.url)\"/>"
            if let folder = feed.folder {
                out += "<outline text=\"\(folder)\">\(outline)</outline>\n"
            } else {
                out += outline + "\n"
            }
        }
        return out + "</body></opml>\n"
    }
}
