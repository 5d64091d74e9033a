import BulletinTestSupport
import Foundation
import XCTest

/// `bulletin parse` run as a process.
final class ParseCommandTests: XCTestCase {
    private var dir: TemporaryDirectory!

    override func setUpWithError() throws { dir = try TemporaryDirectory(prefix: "parse-cli") }
    override func tearDown() { dir.remove() }

    private func json(_ result: ProcessResult) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: result.stdoutData)
        return try XCTUnwrap(object as? [String: Any], result.stdout)
    }

    func testJSONHasEveryDocumentedKey() throws {
        let file = try dir.write("a.txt", "Rain returns to the valley\n\nBy Ada Lin\n\nThe first paragraph of the article.\n")
        let result = try ProcessRunner.bulletin(["parse", "--json", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try json(result)
        let keys: Set<String> = [
            "id", "title", "source", "author", "authorBio", "credit", "date", "url", "sections", "summary",
            "summarySource", "wordCount", "readingMinutes",
        ]
        XCTAssertEqual(Set(object.keys), keys)
        XCTAssertEqual(object["title"] as? String, "Rain returns to the valley")
        XCTAssertEqual((object["id"] as? String)?.count, 16)
        let sections = try XCTUnwrap(object["sections"] as? [[String: Any]])
        XCTAssertFalse(sections.isEmpty)
        XCTAssertEqual(Set(sections[0].keys), ["heading", "paragraphs"])
    }

    func testSeveralFilesGiveAnArray() throws {
        let a = try dir.write("a.txt", "Alpha title\n\nAlpha body.\n")
        let b = try dir.write("b.txt", "Beta title\n\nBeta body.\n")
        let result = try ProcessRunner.bulletin(["parse", "--json", a.path, b.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let array = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]])
        XCTAssertEqual(array.compactMap { $0["title"] as? String }, ["Alpha title", "Beta title"])
    }

    func testMissingFileIsOneLineAndExitOne() throws {
        let result = try ProcessRunner.bulletin(["parse", "--json", dir.file("nope.txt").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("nope.txt"))
        XCTAssertTrue(result.stderr.lowercased().contains("no such file"), result.stderr)
    }

    func testBinaryFileIsRefusedClearly() throws {
        var bytes = Data(count: 4096)
        for i in 0..<bytes.count { bytes[i] = UInt8((i * 37) % 256) }
        let file = try dir.write("image.txt", bytes)
        let result = try ProcessRunner.bulletin(["parse", "--json", file.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("image.txt"))
        XCTAssertTrue(result.stderr.contains("binary"), result.stderr)
    }

    func testEmptyFileIsRefusedClearly() throws {
        let file = try dir.write("empty.txt", "")
        let result = try ProcessRunner.bulletin(["parse", file.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("empty.txt"))
        XCTAssertTrue(result.stderr.contains("empty"), result.stderr)
    }

    func testInvalidUTF8FallsBackToLatin1() throws {
        var data = Data("Caf".utf8)
        data.append(0xE9)  // é in Latin-1, invalid as UTF-8
        data.append(contentsOf: Array(" au coin de la rue\n\nUn r".utf8))
        data.append(0xE9)
        data.append(contentsOf: Array("cit de quartier.\n".utf8))
        let file = try dir.write("latin1.txt", data)
        let result = try ProcessRunner.bulletin(["parse", "--json", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try json(result)["title"] as? String, "Café au coin de la rue")
    }

    func testFiveMegabyteArticleParses() throws {
        var text = "A very long article\n\n"
        let paragraph = String(repeating: "Words follow words in a steady line across the page. ", count: 20) + "\n\n"
        while text.utf8.count < 5 * 1024 * 1024 { text += paragraph }
        let file = try dir.write("big.txt", text)
        let result = try ProcessRunner.bulletin(["parse", "--json", file.path], timeout: 120)
        XCTAssertEqual(result.status, 0, result.stderr)
        let words = try XCTUnwrap(try json(result)["wordCount"] as? Int)
        XCTAssertGreaterThan(words, 500_000)
    }

    func testEscapesNeverReachTheOutput() throws {
        let file = try dir.write(
            "esc.txt", "Title \u{1B}]0;pwned\u{07}here\n\nBody \u{1B}[31mred\u{1B}[0m and \u{202E}reversed\u{202C} text\u{7F}.\n")
        for arguments in [["parse", "--json", file.path], ["parse", file.path], ["show", file.path, "--width", "60"]] {
            let result = try ProcessRunner.bulletin(arguments)
            XCTAssertEqual(result.status, 0, result.stderr)
            for scalar in result.stdout.unicodeScalars {
                let v = scalar.value
                let isControl = (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
                let isBidi = (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                XCTAssertFalse(isControl || isBidi, "\(arguments[0]) printed U+\(String(v, radix: 16))")
            }
        }
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try ProcessRunner.bulletin(["parse"]).status, 2)
        XCTAssertEqual(try ProcessRunner.bulletin(["parse", "--width", "3", "x"]).status, 2)
        XCTAssertEqual(try ProcessRunner.bulletin(["list", "--no-such-flag"]).status, 2)
    }
}
