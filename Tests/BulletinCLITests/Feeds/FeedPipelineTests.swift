import BulletinTestSupport
import Foundation
import XCTest

/// `add` + `refresh` + `list` end to end against the local server, one test per behaviour
/// of issue 12.
final class FeedPipelineTests: FeedCommandTestCase {
    func testEveryFormatEndToEnd() throws {
        let rss = try serve("news.xml", FeedFixtures.rss(title: "Harbour News", items: [
            (guid: "h-1", title: "Lanterns for the quay", words: 120), (guid: "h-2", title: "Storm season begins", words: 90),
        ]))
        let atom = try serve("atom.xml", FeedFixtures.atom)
        let rdf = try serve("rdf.xml", FeedFixtures.rdf)
        let json = try serve("feed.json", FeedFixtures.jsonFeed)
        for url in [rss, atom, rdf, json] {
            let result = try expect(0, ["add", url])
            XCTAssertTrue(result.stdout.hasPrefix("added "), result.stdout)
        }
        let refresh = try expect(0, ["refresh"])
        XCTAssertTrue(refresh.stdout.contains("4 feeds: 4 ok, 0 not modified, 0 failed; 5 new articles"), refresh.stdout)

        let rows = try listed()
        XCTAssertEqual(rows.count, 5)
        let sources = Set(rows.compactMap { $0["source"] as? String })
        XCTAssertEqual(sources, ["Harbour News", "Orchard Notes", "Rail Gazette", "Bakery Log"])
        let pear = try XCTUnwrap(rows.first { ($0["title"] as? String) == "Pruning the old pear tree" })
        XCTAssertEqual(pear["author"] as? String, "Pauline Oduya")  // inherited from the Atom feed
        XCTAssertTrue((pear["path"] as? String ?? "").hasSuffix("/orchard-notes/2024-09-29-pruning-the-old-pear-tree.md"))

        // Files are private, in private folders.
        for relative in articleFiles() {
            let attributes = try FileManager.default.attributesOfItem(atPath: articles.appendingPathComponent(relative).path)
            XCTAssertEqual(attributes[.posixPermissions] as? Int, 0o600, relative)
        }
        let folder = try FileManager.default.attributesOfItem(atPath: articles.appendingPathComponent("harbour-news").path)
        XCTAssertEqual(folder[.posixPermissions] as? Int, 0o700)

        // `show` finds a feed article by id in the default library.
        let id = try XCTUnwrap(pear["id"] as? String)
        let shown = try expect(0, ["show", id])
        XCTAssertTrue(shown.stdout.contains("Pruning the old pear tree"))

        let feedRows = try feeds()
        XCTAssertEqual(feedRows.count, 4)
        for row in feedRows {
            XCTAssertEqual(row["lastStatus"] as? String, "ok")
            XCTAssertNotNil(row["lastRefresh"] as? String)
        }
        XCTAssertEqual(feedRows.first { ($0["name"] as? String) == "Harbour News" }?["unread"] as? Int, 2)
    }

    func testConditionalGetRoundTrip() throws {
        let url = try serve("cond.xml", FeedFixtures.rss(title: "Cond", items: [(guid: "c-1", title: "One item only", words: 80)]))
        try expect(0, ["add", url])
        try expect(0, ["refresh"])
        let first = try server.requests(pathPrefix: "/files/cond.xml").last
        XCTAssertNil(first?.header("If-None-Match"))
        let second = try expect(0, ["refresh"])
        XCTAssertTrue(second.stdout.contains("0 ok, 1 not modified"), second.stdout)
        let seen = try XCTUnwrap(server.requests(pathPrefix: "/files/cond.xml").last)
        XCTAssertNotNil(seen.header("If-None-Match"))
        XCTAssertNotNil(seen.header("If-Modified-Since"))
        XCTAssertEqual(try feeds().first?["lastStatus"] as? String, "not modified")
        XCTAssertEqual(articleFiles().count, 1)
    }

    func testFailingFeedsAreNamedAndOthersStillStored() throws {
        let good = try serve("good.xml", FeedFixtures.rss(title: "Good", items: [(guid: "g-1", title: "Still here", words: 80)]))
        try expect(0, ["add", good])
        let laughs = try serve("laughs.xml", FeedFixtures.billionLaughs)
        let secret = try temp.write("secret.txt", "TOP-SECRET-LINE")
        let entity = try serve("entity.xml", FeedFixtures.externalEntity(secret.path))
        let hostile: [(String, String)] = [
            ("Missing", server.url("/status/404").absoluteString),
            ("Broken", server.url("/status/500").absoluteString),
            ("Loop", server.url("/redirect/loop/a").absoluteString),
            ("ToFile", server.url("/redirect/to?location=file:///etc/passwd").absoluteString),
            ("Page", server.url("/html-page").absoluteString),
            ("Bomb", server.url("/bomb?mb=400").absoluteString),
            ("Laughs", laughs),
        ]
        for (name, url) in hostile { try subscribeByHand(name: name, url: url) }
        try subscribeByHand(name: "Entity", url: entity)
        let started = Date()
        let result = try run(["refresh"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 50)
        for (name, _) in hostile {
            XCTAssertTrue(result.stderr.contains("bulletin: \(name) ("), "\(name) not named: \(result.stderr)")
        }
        XCTAssertTrue(result.stderr.contains("HTTP 404"), result.stderr)
        XCTAssertTrue(result.stderr.contains("HTTP 500"), result.stderr)
        XCTAssertTrue(result.stderr.contains("redirect loop"), result.stderr)
        XCTAssertTrue(result.stderr.contains("this is a web page, not a feed"), result.stderr)
        XCTAssertTrue(result.stderr.contains("too large"), result.stderr)
        let titles = try listed().compactMap { $0["title"] as? String }
        XCTAssertTrue(titles.contains("Still here"))
        XCTAssertFalse(titles.contains { $0.contains("lol") })
        for relative in articleFiles() {
            let text = try String(contentsOf: articles.appendingPathComponent(relative), encoding: .utf8)
            XCTAssertFalse(text.contains("TOP-SECRET-LINE"), relative)
        }
        let statuses = try feeds().map { ($0["name"] as? String ?? "", $0["lastStatus"] as? String ?? "") }
        XCTAssertEqual(statuses.first { $0.0 == "Missing" }?.1, "HTTP 404 Not Found")
    }

    func testRetryAfterSkipsTheFeedAndSaysSo() throws {
        try subscribeByHand(name: "Busy", url: server.url("/retry?status=429&seconds=3600").absoluteString)
        let first = try run(["refresh"])
        XCTAssertEqual(first.status, 1)
        XCTAssertTrue(first.stderr.contains("Busy"), first.stderr)
        let status = try XCTUnwrap(try feeds().first?["lastStatus"] as? String)
        XCTAssertTrue(status.hasPrefix("server asked to wait until"), status)
        let before = try server.requests(pathPrefix: "/retry").count
        let second = try run(["refresh"])
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.stderr.contains("server asked to wait until"), second.stderr)
        XCTAssertEqual(try server.requests(pathPrefix: "/retry").count, before, "the feed was fetched before its Retry-After")
    }

    func testWrongCharsetFeedIsReadable() throws {
        try subscribeByHand(name: "Charset", url: server.url("/wrong-charset").absoluteString)
        let result = try expect(0, ["refresh"])
        XCTAssertTrue(result.stdout.contains("1 ok"), result.stdout)
        XCTAssertFalse(try listed().isEmpty)
    }

    func testTenThousandItemFeedThenUnchanged() throws {
        try subscribeByHand(name: "Big", url: server.url("/feed?items=10000").absoluteString)
        let first = try expect(0, ["refresh"])
        XCTAssertTrue(first.stdout.contains("10000 new articles"), first.stdout)
        XCTAssertEqual(articleFiles().count, 10000)
        let second = try expect(0, ["refresh"])
        XCTAssertTrue(second.stdout.contains("0 new articles"), second.stdout)
        XCTAssertEqual(articleFiles().count, 10000)
    }

    func testTwoHundredFeedsInOneRun() throws {
        for i in 0..<200 {
            let url = try serve("many/\(i).xml", FeedFixtures.rss(title: "Feed \(i)", items: [
                (guid: "m-\(i)-a", title: "First of \(i)", words: 70), (guid: "m-\(i)-b", title: "Second of \(i)", words: 70),
            ]))
            try subscribeByHand(name: "Feed \(i)", url: url)
        }
        let result = try expect(0, ["refresh"])
        XCTAssertTrue(result.stdout.contains("200 feeds: 200 ok, 0 not modified, 0 failed; 400 new articles"), result.stdout)
        XCTAssertEqual(articleFiles().count, 400)
    }

    func testUpdatedItemReplacesItsFileAndKeepsState() throws {
        let url = try serve("upd.xml", FeedFixtures.rss(title: "Updates", items: [(guid: "u-1", title: "Bridge reopens", words: 80)]))
        try expect(0, ["add", url])
        try expect(0, ["refresh"])
        let before = try XCTUnwrap(try listed().first)
        let id = try XCTUnwrap(before["id"] as? String)
        try expect(0, ["mark-read", id])
        try expect(0, ["save", id])
        try serve("upd.xml", FeedFixtures.rss(title: "Updates", items: [(guid: "u-1", title: "Bridge reopens", words: 140)]))
        let again = try expect(0, ["refresh"])
        XCTAssertTrue(again.stdout.contains("0 new articles, 1 updated"), again.stdout)
        let rows = try listed()
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows.first?["id"] as? String, id)
        XCTAssertGreaterThan(rows.first?["wordCount"] as? Int ?? 0, before["wordCount"] as? Int ?? 0)
        XCTAssertEqual(articleFiles().count, 1)
        XCTAssertEqual(try feeds().first?["unread"] as? Int, 0)
        XCTAssertTrue(try expect(0, ["saved"]).stdout.contains(id))
    }

    func testAddTwiceAndPagesWithAndWithoutFeedLinks() throws {
        let feed = try serve("linked.xml", FeedFixtures.rss(title: "Linked", items: [(guid: "l-1", title: "Found through a page", words: 80)]))
        let page = try serve("index.html", FeedFixtures.pageLinking(feed))
        let added = try expect(0, ["add", page, "--tag", "harbour", "--tag", "local"])
        XCTAssertTrue(added.stdout.contains(feed), added.stdout)
        let twice = try expect(0, ["add", feed])
        XCTAssertTrue(twice.stdout.hasPrefix("already subscribed"), twice.stdout)
        XCTAssertEqual(try feeds().count, 1)
        XCTAssertEqual(try feeds().first?["tags"] as? [String], ["harbour", "local"])

        let plain = try serve("plain.html", FeedFixtures.plainPage)
        let refused = try run(["add", plain])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("this is a web page, not a feed: found no feed link"), refused.stderr)
        XCTAssertEqual(try feeds().count, 1)
    }

    func testLocalFileTypedByTheUser() throws {
        let file = try temp.write("local/feed.xml", FeedFixtures.rss(title: "On Disk", items: [(guid: "d-1", title: "Offline item", words: 80)]))
        try expect(0, ["add", file.path])
        try expect(0, ["refresh"])
        XCTAssertEqual(try listed().first?["source"] as? String, "On Disk")
        let removed = try expect(0, ["remove", "On Disk"])
        XCTAssertTrue(removed.stdout.hasPrefix("removed On Disk"), removed.stdout)
        XCTAssertEqual(try feeds().count, 0)
        XCTAssertEqual(try listed().count, 1, "the feed's articles stay after remove")
    }

    func testOPMLImportExportRoundTrip() throws {
        let opml = try temp.write("subs.opml", FeedFixtures.opml([
            (title: "Harbour", url: "https://harbour.example/rss", folder: "News"),
            (title: "Orchard", url: "https://orchard.example/atom.xml", folder: nil),
            (title: "Harbour again", url: "https://harbour.example/rss", folder: "Other"),
            (title: "Local secrets", url: "file:///etc/passwd", folder: nil),
        ]))
        let imported = try expect(0, ["import", opml.path])
        XCTAssertEqual(imported.stdout, "imported 2 feeds, skipped 1 not on the web (only http and https are imported)\n")
        let twice = try expect(0, ["import", opml.path])
        XCTAssertEqual(twice.stdout, "imported 0 feeds, skipped 2 already subscribed, skipped 1 not on the web (only http and https are imported)\n")
        XCTAssertTrue(try server.requests().isEmpty, "import fetched something")
        let rows = try feeds()
        XCTAssertEqual(rows.first?["tags"] as? [String], ["News"])
        let exported = try expect(0, ["export"])
        XCTAssertTrue(exported.stdout.contains("<opml version=\"2.0\""), exported.stdout)
        // A second home imports the export and ends with the same subscriptions.
        let copy = try temp.write("export.opml", exported.stdout)
        try FileManager.default.removeItem(at: config.appendingPathComponent("feeds.toml"))
        try expect(0, ["import", copy.path])
        let again = try feeds()
        XCTAssertEqual(again.map { $0["url"] as? String }, rows.map { $0["url"] as? String })
        XCTAssertEqual(again.map { $0["tags"] as? [String] }, rows.map { $0["tags"] as? [String] })
        XCTAssertEqual(again.map { $0["name"] as? String }, rows.map { $0["name"] as? String })
    }
}

/// Teaser items completed from their pages (`--full-article`).
final class FullArticleTests: FeedCommandTestCase {
    func teaserFeed(pageURL: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Teasers</title><link>https://coast.example/</link><description>x</description>
        <item><title>The ferry that runs on tides</title><link>\(pageURL)</link><guid>ferry</guid>
        <description>A short teaser about a ferry.</description><pubDate>Mon, 07 Oct 2024 10:00:00 GMT</pubDate></item>
        </channel></rss>

        """
    }

    func testAutoFetchesThePageOfATeaser() throws {
        let page = try serve("ferry.html", FetchCommandTests.boilerplatePage)
        let feed = try serve("teasers.xml", teaserFeed(pageURL: page))
        try expect(0, ["add", feed])
        try expect(0, ["refresh"])
        let row = try XCTUnwrap(try listed().first)
        XCTAssertGreaterThan(row["wordCount"] as? Int ?? 0, 100)
        XCTAssertEqual(row["source"] as? String, "Teasers")
        let shown = try expect(0, ["show", row["id"] as? String ?? "", "--width", "400"])
        XCTAssertTrue(shown.stdout.contains("timetable written not in hours"), shown.stdout)
        XCTAssertFalse(shown.stdout.contains("Share on Facebook"))
        XCTAssertEqual(try server.requests(pathPrefix: "/files/ferry.html").count, 1)
        // The completed item is not fetched again on the next refresh.
        try expect(0, ["refresh"])
        XCTAssertEqual(try server.requests(pathPrefix: "/files/ferry.html").count, 1)
    }

    /// A teaser whose page cannot be fetched stays a teaser: each refresh tries the page
    /// again, and while it fails the unchanged item is neither rewritten nor counted as
    /// updated.
    func testATeaserWhosePageFailsIsTriedAgainWithoutBeingRewritten() throws {
        let feed = try serve("teasers.xml", teaserFeed(pageURL: server.url("/status/404").absoluteString))
        try expect(0, ["add", feed])
        let first = try expect(0, ["refresh"])
        XCTAssertTrue(first.stdout.contains("1 new article"), first.stdout)
        let row = try XCTUnwrap(try listed().first)
        let path = try XCTUnwrap(row["path"] as? String)
        let written = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        // The feed changes (a full item is added), so it is read again rather than answered 304.
        let long = String(repeating: "The harbour master counts the boats that come in before the tide turns. ", count: 8)
        let changed = teaserFeed(pageURL: server.url("/status/404").absoluteString).replacingOccurrences(
            of: "</channel>", with: "<item><title>A full story</title><guid>full</guid><description>\(long)</description></item></channel>")
        _ = try serve("teasers.xml", changed)
        let second = try expect(0, ["refresh"])
        XCTAssertTrue(second.stdout.contains("1 feed: 1 ok, 0 not modified, 0 failed; 1 new article\n"), second.stdout)
        XCTAssertEqual(try server.requests(pathPrefix: "/status/404").count, 2, "the page is tried on each refresh")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date, written)
        let teaser = try XCTUnwrap(try listed().first { $0["path"] as? String == path })
        XCTAssertLessThan(teaser["wordCount"] as? Int ?? 0, 20)
    }

    /// Teasers past a refresh's page budget are completed on later refreshes even when the
    /// feed answers 304: read back from their files, newest first, a budget at a time.
    func testTeasersPastTheBudgetAreCompletedWhileTheFeedIsUnchanged() throws {
        let count = 20 + 3  // the page budget of a refresh (FullArticlePolicy.pagesPerRefresh), and three more
        var rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Teasers</title><link>https://coast.example/</link>\n"
        for i in 0..<count {
            let page = try serve("ferry-\(i).html", FetchCommandTests.boilerplatePage)
            rss += "<item><title>Ferry story \(i)</title><link>\(page)</link><guid>ferry-\(i)</guid>"
            rss += "<description>A short teaser about a ferry.</description><pubDate>Mon, \(String(format: "%02d", i + 1)) Oct 2024 10:00:00 GMT</pubDate></item>\n"
        }
        let feed = try serve("teasers.xml", rss + "</channel></rss>\n")
        try expect(0, ["add", feed])
        try expect(0, ["refresh"])
        func teasers() throws -> [String] {
            try listed().filter { ($0["wordCount"] as? Int ?? 0) < 20 && ($0["title"] as? String ?? "").hasPrefix("Ferry") }
                .compactMap { $0["title"] as? String }.sorted()
        }
        // The last three in the feed wait.
        XCTAssertEqual(try teasers(), ["Ferry story 20", "Ferry story 21", "Ferry story 22"])
        let second = try expect(0, ["refresh"])
        XCTAssertEqual(second.stdout, "1 feed: 0 ok, 1 not modified, 0 failed; 0 new articles, 3 updated\n")
        XCTAssertEqual(try teasers(), [])
        let completed = try XCTUnwrap(try listed().first { $0["title"] as? String == "Ferry story 22" })
        XCTAssertGreaterThan(completed["wordCount"] as? Int ?? 0, 100)
        XCTAssertEqual(completed["source"] as? String, "Teasers")
        XCTAssertEqual(articleFiles().filter { $0.contains("ferry-story") }.count, count, "replaced in place, not stored twice")
        // Every page was fetched once; nothing is left to try.
        for i in 0..<count { XCTAssertEqual(try server.requests(pathPrefix: "/files/ferry-\(i).html").count, 1, "page \(i)") }
        let third = try expect(0, ["refresh"])
        XCTAssertEqual(third.stdout, "1 feed: 0 ok, 1 not modified, 0 failed; 0 new articles\n")
    }

    /// While the feed is unchanged, a teaser whose page still fails is tried again on each
    /// refresh and left as it is.
    func testAnUnchangedFeedTriesAFailingPageAgainWithoutRewriting() throws {
        let feed = try serve("teasers.xml", teaserFeed(pageURL: server.url("/status/404").absoluteString))
        try expect(0, ["add", feed])
        try expect(0, ["refresh"])
        let path = try XCTUnwrap(try listed().first?["path"] as? String)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let again = try expect(0, ["refresh"])
        XCTAssertEqual(again.stdout, "1 feed: 0 ok, 1 not modified, 0 failed; 0 new articles\n")
        XCTAssertEqual(try server.requests(pathPrefix: "/status/404").count, 2)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    /// A waiting teaser's file replaced by a FIFO is not read (the refresh would wait on it
    /// for ever): the item is skipped and the feed is still not modified.
    func testAWaitingTeaserWhoseFileIsAFIFOIsSkipped() throws {
        let feed = try serve("teasers.xml", teaserFeed(pageURL: server.url("/status/404").absoluteString))
        try expect(0, ["add", feed])
        try expect(0, ["refresh"])
        let path = try XCTUnwrap(articleFiles().first)
        let file = articles.appendingPathComponent(path).path
        try FileManager.default.removeItem(atPath: file)
        XCTAssertEqual(mkfifo(file, 0o600), 0)
        let again = try run(["refresh"], timeout: 20)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stdout, "1 feed: 0 ok, 1 not modified, 0 failed; 0 new articles\n")
        XCTAssertEqual(try server.requests(pathPrefix: "/status/404").count, 1, "the page of an unreadable file is not tried")
    }

    /// A page that keeps failing is given up after five refreshes; the item keeps its teaser.
    func testAPageThatKeepsFailingIsGivenUp() throws {
        let feed = try serve("teasers.xml", teaserFeed(pageURL: server.url("/status/500").absoluteString))
        try expect(0, ["add", feed])
        for _ in 0..<7 { try expect(0, ["refresh"]) }
        XCTAssertEqual(try server.requests(pathPrefix: "/status/500").count, 5)
        XCTAssertLessThan(try listed().first?["wordCount"] as? Int ?? 0, 20)
    }

    func testNeverKeepsTheTeaser() throws {
        let page = try serve("ferry.html", FetchCommandTests.boilerplatePage)
        let feed = try serve("teasers.xml", teaserFeed(pageURL: page))
        try expect(0, ["add", feed, "--full-article", "never"])
        try expect(0, ["refresh"])
        XCTAssertLessThan(try listed().first?["wordCount"] as? Int ?? 0, 20)
        XCTAssertTrue(try server.requests(pathPrefix: "/files/ferry.html").isEmpty)
    }
}
