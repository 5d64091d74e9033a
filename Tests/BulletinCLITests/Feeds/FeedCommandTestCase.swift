import BulletinTestSupport
import Foundation
import XCTest

/// A temporary home (config, data, cache) and a local HTTP server serving `www/` for the feed
/// command tests. Nothing leaves 127.0.0.1; nothing touches the real home.
class FeedCommandTestCase: XCTestCase {
    var temp: TemporaryDirectory!
    var server: LocalHTTPServer!
    var www: URL { temp.url.appendingPathComponent("www", isDirectory: true) }
    var config: URL { temp.url.appendingPathComponent("config/bulletin", isDirectory: true) }
    var data: URL { temp.url.appendingPathComponent("data/bulletin", isDirectory: true) }
    var articles: URL { data.appendingPathComponent("articles", isDirectory: true) }
    var environment: [String: String] {
        ["HOME": temp.url.appendingPathComponent("home").path,
         "XDG_CONFIG_HOME": temp.url.appendingPathComponent("config").path,
         "XDG_DATA_HOME": temp.url.appendingPathComponent("data").path,
         "XDG_CACHE_HOME": temp.url.appendingPathComponent("cache").path,
         "BULLETIN_STATE_DIR": ""]
    }

    override func setUpWithError() throws {
        temp = try TemporaryDirectory(prefix: "bulletin-feeds")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        server = try LocalHTTPServer.start(root: www)
    }

    override func tearDown() {
        server?.stop()
        temp?.remove()
    }

    /// Writes a file under `www/` and returns its address on the server.
    @discardableResult
    func serve(_ name: String, _ text: String) throws -> String {
        try temp.write("www/" + name, text)
        return server.fileURL(name).absoluteString
    }

    @discardableResult
    func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> ProcessResult {
        try ProcessRunner.bulletin(arguments, environment: environment, timeout: timeout)
    }

    /// Runs and fails the test unless the exit status is `status`.
    @discardableResult
    func expect(_ status: Int32, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> ProcessResult {
        let result = try run(arguments)
        XCTAssertEqual(result.status, status, "bulletin \(arguments.joined(separator: " ")): \(result.stdout) \(result.stderr)",
                       file: file, line: line)
        return result
    }

    /// `list --json` rows.
    func listed() throws -> [[String: Any]] {
        let result = try expect(0, ["list", "--json", "--no-cache"])
        return try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]] ?? []
    }

    /// `feeds --json` rows.
    func feeds() throws -> [[String: Any]] {
        let result = try expect(0, ["feeds", "--json"])
        return try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]] ?? []
    }

    /// Article files under the library, relative paths sorted.
    func articleFiles() -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: articles.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.sorted()
    }

    /// Appends a hand-written `[[feed]]` block to feeds.toml.
    func subscribeByHand(name: String, url: String) throws {
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let file = config.appendingPathComponent("feeds.toml")
        let old = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        try (old + "\n[[feed]]\nname = \"\(name)\"\nurl = \"\(url)\"\nfull-article = \"never\"\n")
            .write(to: file, atomically: true, encoding: .utf8)
    }
}
