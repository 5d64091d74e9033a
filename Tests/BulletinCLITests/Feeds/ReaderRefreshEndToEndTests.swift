import BulletinTestSupport
import Foundation
import XCTest

/// The real reader in tmux: `r` refreshes against the local server, the new articles appear
/// with their feed as the source, and the feeds view narrows the list.
final class ReaderRefreshEndToEndTests: FeedCommandTestCase {
    var sessions: [TmuxSession] = []

    override func setUpWithError() throws {
        try XCTSkipUnless(TmuxSession.isAvailable, "tmux is not installed")
        try super.setUpWithError()
    }

    override func tearDown() {
        for session in sessions { session.kill() }
        super.tearDown()
    }

    func testPressingRBringsInTheFeedsArticles() throws {
        let harbour = try serve("harbour.xml", FeedFixtures.rss(title: "Harbour News", items: [
            (guid: "h-1", title: "Lanterns for the quay", words: 120), (guid: "h-2", title: "Storm season begins", words: 90),
        ]))
        let bakery = try serve("feed.json", FeedFixtures.jsonFeed)
        try expect(0, ["add", harbour])
        try expect(0, ["add", bakery])
        let script = "\"$0\" \"$@\"; echo \"bulletin exited with status $?\"; exec sleep 600"
        var env = environment
        env["NO_COLOR"] = "1"
        let tmux = try TmuxSession(command: ["/bin/sh", "-c", script, Products.bulletin.path, "--no-cache"],
                                   width: 100, height: 24, environment: env)
        sessions.append(tmux)
        // Nothing stored yet: the bundled samples, with the hint.
        _ = try tmux.waitFor("bulletin add URL")
        try tmux.send("r")
        // Waiting for the whole frame: a capture can fall between two partial draws.
        _ = try tmux.waitUntil(timeout: 30, "the refreshed list") { screen in
            screen.contains("2 feeds: 2 ok, 0 not modified, 0 failed; 3 new articles")
                && screen.contains("Lanterns for the quay") && screen.contains("A slower rye loaf")
                && screen.contains("Harbour News") && screen.contains("Bakery Log")
        }

        // Feeds view: unread counts; Enter narrows the list to the feed.
        try tmux.send("v")
        _ = try tmux.waitUntil("the feeds view") { $0.contains("All feeds") && $0.contains("Harbour News") }
        try tmux.send("j")  // Bakery Log (alphabetical)
        try tmux.send("Enter")
        let narrowed = try tmux.waitUntil("the list narrowed to Bakery Log") {
            $0.contains("· Bakery Log") && $0.contains("A slower rye loaf")
        }
        XCTAssertFalse(narrowed.contains("Lanterns for the quay"), narrowed)

        // A second refresh finds nothing new and keeps the list as it is.
        try tmux.send("r")
        _ = try tmux.waitUntil(timeout: 30, "the second refresh") {
            $0.contains("0 ok, 2 not modified") && $0.contains("A slower rye loaf")
        }
        try tmux.send("Q")
        _ = try tmux.waitFor("bulletin exited with status 0")
    }
}
