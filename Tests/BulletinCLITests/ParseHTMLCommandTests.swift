import BulletinTestSupport
import Foundation
import XCTest

/// `bulletin parse` and `bulletin show` on HTML pages, run as processes.
final class ParseHTMLCommandTests: XCTestCase {
    private var dir: TemporaryDirectory!

    override func setUpWithError() throws { dir = try TemporaryDirectory(prefix: "parse-html-cli") }
    override func tearDown() { dir.remove() }

    static let page = """
        <!doctype html><html><head><title>Quiet hours at the night market | Harbour Ledger</title>
        <meta property="og:site_name" content="Harbour Ledger"><link rel="canonical" href="/markets/night">
        </head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Quiet hours at the night market</h1><p class="byline">By Mara Quint</p>
        <p>The stalls open at ten, when the last ferry has gone and the square finally cools down after the day.</p>
        <p>Most of the traders have worked here for decades, and they know their regulars by the sound of their footsteps.</p>
        <div class="share-buttons"><a href="#">Share on Facebook</a></div></article>
        <footer>© Harbour Ledger 2024</footer></body></html>
        """

    func testParseJSONOnAnHTMLFileKeepsTheSchema() throws {
        let file = try dir.write("night.html", Self.page)
        let result = try ProcessRunner.bulletin(["parse", "--json", "--url", "https://ledger.example/a/b", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        XCTAssertEqual(Set(object.keys), [
            "id", "title", "source", "author", "authorBio", "credit", "date", "url", "sections", "summary",
            "summarySource", "wordCount", "readingMinutes",
        ])
        XCTAssertEqual(object["title"] as? String, "Quiet hours at the night market")
        XCTAssertEqual(object["author"] as? String, "Mara Quint")
        XCTAssertEqual(object["source"] as? String, "Harbour Ledger")
        XCTAssertEqual(object["url"] as? String, "https://ledger.example/markets/night")
        XCTAssertEqual(object["summarySource"] as? String, "generated")
        let sections = try XCTUnwrap(object["sections"] as? [[String: Any]])
        XCTAssertEqual(sections.count, 1)
        XCTAssertEqual((sections[0]["paragraphs"] as? [String])?.count, 2)
        XCTAssertFalse(result.stdout.contains("Share on"))
        XCTAssertFalse(result.stdout.contains("Home"))
    }

    func testFormatIsDetectedByContentNotExtension() throws {
        let file = try dir.write("saved-page.txt", Self.page)
        let result = try ProcessRunner.bulletin(["parse", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("Quiet hours at the night market\n"), result.stdout)
        XCTAssertFalse(result.stdout.contains("<p"), result.stdout)
    }

    func testShowReadsAnHTMLFile() throws {
        let file = try dir.write("night.htm", Self.page)
        let result = try ProcessRunner.bulletin(["show", file.path, "--width", "60"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("By Mara Quint"), result.stdout)
        XCTAssertTrue(result.stdout.contains("The stalls open at ten"), result.stdout)
    }

    func testBinaryHTMLFileIsOneClearLine() throws {
        var bytes = Data("<html><body>".utf8)
        for i in 0..<4096 { bytes.append(UInt8((i * 37) % 256)) }
        let file = try dir.write("broken.html", bytes)
        let result = try ProcessRunner.bulletin(["parse", "--json", file.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("broken.html") && result.stderr.contains("binary"), result.stderr)
    }

    func testTheReaderOpensAnHTMLFileLikeAnyOther() throws {
        try dir.write("lib/night.html", Self.page)
        let env = ["BULLETIN_CACHE_DIR": dir.file("cache").path, "BULLETIN_STATE_DIR": dir.file("state").path]
        let result = try ProcessRunner.bulletin(["screenshot", dir.file("lib").path, "--size", "90x20", "--keys", "Enter"],
                                                environment: env)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("By Mara Quint · Harbour Ledger"), result.stdout)
        XCTAssertTrue(result.stdout.contains("The stalls open at ten"), result.stdout)
        XCTAssertFalse(result.stdout.contains("Share on"), result.stdout)
    }

    func testListIncludesHTMLFilesInAFolder() throws {
        try dir.write("lib/night.html", Self.page)
        try dir.write("lib/plain.txt", "A plain article\n\nBody text of the plain article.\n")
        let env = ["BULLETIN_CACHE_DIR": dir.file("cache").path, "BULLETIN_STATE_DIR": dir.file("state").path]
        for _ in 0..<2 {  // cold, then through the index cache
            let result = try ProcessRunner.bulletin(["list", dir.file("lib").path], environment: env)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains("Quiet hours at the night market"), result.stdout)
            XCTAssertTrue(result.stdout.contains("A plain article"), result.stdout)
        }
    }
}
