import BulletinTestSupport
import Foundation
import XCTest

/// `bulletin fetch URL [--save]` against the local server.
final class FetchCommandTests: FeedCommandTestCase {
    static let boilerplatePage = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>The ferry that runs on tides | Coast Weekly</title>
        <meta property="og:site_name" content="Coast Weekly"></head>
        <body>
        <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies or manage settings.</div>
        <header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a>
        <a href="/subscribe">Subscribe to our newsletter</a></nav></header>
        <aside class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email this story</a></aside>
        <main><article>
        <h1>The ferry that runs on tides</h1>
        <p class="byline">By Hanna Sørlie</p>
        <p>For forty years the small ferry between the two islands has kept a timetable written not in hours but in tides, leaving the quay only when the water is deep enough over the sandbar.</p>
        <p>Its captain, who took over from her father, says passengers learned long ago to read the tide tables before they read the clock, and that the arrangement has never cost a crossing.</p>
        <p>This winter the council will decide whether to dredge the channel, which would let the ferry keep fixed hours but would also end a rhythm that islanders describe as part of who they are.</p>
        <p>Fishermen on both islands have asked for a public meeting before any decision, saying the sandbar shelters their moorings from the worst of the autumn storms.</p>
        </article></main>
        <section class="related"><h2>Related stories</h2><ul><li><a href="/a">Ten best beaches</a></li><li><a href="/b">Quiz of the week</a></li></ul></section>
        <section class="comments"><h2>Comments (42)</h2><p>Log in to comment.</p></section>
        <footer><p>© Coast Weekly. All rights reserved.</p><p>Privacy policy · Terms of use · Contact us</p></footer>
        </body></html>

        """

    func testFetchStoresTheExtractedPageToReadLater() throws {
        let url = try serve("ferry.html", Self.boilerplatePage)
        let result = try expect(0, ["fetch", url, "--save"])
        let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(id.count, 16, result.stdout)
        let shown = try expect(0, ["show", id, "--width", "400"])
        XCTAssertTrue(shown.stdout.contains("The ferry that runs on tides"), shown.stdout + shown.stderr)
        XCTAssertTrue(shown.stdout.contains("timetable written not in hours"), shown.stdout)
        for noise in ["cookies", "Subscribe to our newsletter", "Share on Facebook", "Related stories", "Log in to comment", "All rights reserved"] {
            XCTAssertFalse(shown.stdout.contains(noise), "boilerplate kept: \(noise)")
        }
        XCTAssertTrue(try expect(0, ["saved"]).stdout.contains(id))
        let files = articleFiles()
        XCTAssertEqual(files.count, 1)
        XCTAssertTrue(files[0].hasPrefix("Saved pages/"), files[0])

        // Fetching the same address again replaces the article: same id, one file.
        let again = try expect(0, ["fetch", url])
        XCTAssertEqual(again.stdout.trimmingCharacters(in: .whitespacesAndNewlines), id)
        XCTAssertEqual(articleFiles().count, 1)
        XCTAssertEqual(try listed().map { $0["id"] as? String }, [id])
    }

    func testFetchFailuresAreOneLine() throws {
        let missing = try run(["fetch", server.url("/status/404").absoluteString])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("HTTP 404"), missing.stderr)
        XCTAssertEqual(missing.stderr.split(separator: "\n").count, 1)
        let scheme = try run(["fetch", "ftp://example.org/file"])
        XCTAssertEqual(scheme.status, 1)
        XCTAssertTrue(scheme.stderr.contains("only http, https and local files"), scheme.stderr)
        XCTAssertTrue(articleFiles().isEmpty)
    }
}
