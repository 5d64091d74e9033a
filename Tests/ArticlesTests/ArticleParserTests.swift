import Articles
import Foundation
import XCTest

final class ArticleParserTests: XCTestCase {
    func testEmptyAndWhitespaceOnly() {
        for data in [Data(), Data("  \n\r\n\t \n".utf8), Data([0xEF, 0xBB, 0xBF])] {
            XCTAssertThrowsError(try ArticleParser.parse(data: data)) {
                XCTAssertEqual($0 as? ArticleParseError, .empty)
            }
        }
        XCTAssertThrowsError(try ArticleParser.parse(text: " \n ")) { XCTAssertEqual($0 as? ArticleParseError, .empty) }
    }

    func testNothingButNoise() {
        XCTAssertThrowsError(try ArticleParser.parse(text: "Spread the love\n\n[ ]\n\n📍\n\nShare on Facebook")) {
            XCTAssertEqual($0 as? ArticleParseError, .noText)
        }
    }

    func testBinary() {
        XCTAssertThrowsError(try ArticleParser.parse(data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]))) {
            XCTAssertEqual($0 as? ArticleParseError, .binary)
        }
    }

    func testErrorDescriptionsAreOneLine() {
        for error: ArticleParseError in [.empty, .binary, .tooLarge(bytes: 70_000_000), .noText] {
            XCTAssertFalse(error.description.isEmpty)
            XCTAssertFalse(error.description.contains("\n"))
        }
    }

    func testByteOrderMarkAndLineEndingsGiveTheSameArticle() throws {
        let text = "Title\n\nBy Jane Doe\n\nA paragraph of body text that ends here.\n\nAnother one follows it."
        let plain = try ArticleParser.parse(data: Data(text.utf8))
        let bom = try ArticleParser.parse(data: Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        let crlf = try ArticleParser.parse(data: Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let cr = try ArticleParser.parse(data: Data(text.replacingOccurrences(of: "\n", with: "\r").utf8))
        let fromText = try ArticleParser.parse(text: "\u{FEFF}" + text)
        XCTAssertEqual(plain, bom)
        XCTAssertEqual(plain, crlf)
        XCTAssertEqual(plain, cr)
        XCTAssertEqual(plain, fromText)
        XCTAssertEqual(plain.title, "Title")
    }

    func testSingleLineFieldsAreClean() throws {
        let text = "Ti\ttle\u{1B}[2J\n\nBy Jane\u{202E} Doe\n\n© Pic\u{7}ture\tDesk\n\nBody\ttext \u{9B}1m with\u{0B}tabs.\n\n• bul\u{200F}let one\n• bullet\u{1B}]52;c;eA==\u{7} two"
        let article = try ArticleParser.parse(text: text)
        XCTAssertEqual(article.title, "Ti tle")
        XCTAssertEqual(article.author, "Jane Doe")
        XCTAssertEqual(article.credit, "© Picture Desk")
        XCTAssertEqual(article.paragraphs, ["Body text with tabs."])
        XCTAssertEqual(article.summary.map(\.text), ["bullet one", "bullet two"])
        assertAllFieldsClean(article)
    }

    func testFuzzRandomBytesNeverCrash() {
        var generator = SplitMix64(seed: 0x5EED)
        for round in 0..<400 {
            let count = Int(generator.next() % 600)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(count)
            // Bias towards text-like bytes so that many inputs get past binary detection.
            let alphabet = Array("ab Zé•#&;\n\r\t-*1.:?©[]()".utf8) + [0x1B, 0x07, 0x9B, 0xC2, 0xA0, 0xE2, 0x80, 0xAE, 0xFF]
            for _ in 0..<count {
                let r = generator.next()
                bytes.append(r % 3 == 0 ? UInt8(truncatingIfNeeded: r >> 8) : alphabet[Int(r >> 16) % alphabet.count])
            }
            do {
                let article = try ArticleParser.parse(data: Data(bytes))
                assertAllFieldsClean(article)
            } catch let error as ArticleParseError {
                XCTAssertFalse(error.description.isEmpty, "round \(round)")
            } catch {
                XCTFail("round \(round): unexpected error \(error)")
            }
        }
    }

    func testFuzzLinesFromRealFixtures() throws {
        // Shuffled and truncated fixture lines: every ordering parses or fails cleanly.
        let lines = String(decoding: try Fixture.data("quirks.txt"), as: UTF8.self).components(separatedBy: "\n")
        var generator = SplitMix64(seed: 42)
        for _ in 0..<200 {
            var picked: [String] = []
            for _ in 0..<Int(generator.next() % 20) { picked.append(lines[Int(generator.next() % UInt64(lines.count))]) }
            if let article = try? ArticleParser.parse(text: picked.joined(separator: "\n")) {
                assertAllFieldsClean(article)
                XCTAssertFalse(article.title.isEmpty)
            }
        }
    }

    func testLargeInputIsLinear() throws {
        // 2 MB of paragraphs parse (timings belong to the benchmark; this checks it completes and is right).
        let paragraph = "A long paragraph of words that repeats, with an entity &amp; a broken one &# 8211; here."
        let text = "Big article\n\n" + Array(repeating: paragraph, count: 22_000).joined(separator: "\n\n")
        let article = try ArticleParser.parse(text: text)
        XCTAssertEqual(article.title, "Big article")
        XCTAssertEqual(article.paragraphs.count, 22_000)
        XCTAssertEqual(article.paragraphs.first, "A long paragraph of words that repeats, with an entity & a broken one – here.")
    }
}

/// Checks every string of an article: clean single lines (bio included).
func assertAllFieldsClean(_ article: Article, file: StaticString = #filePath, line: UInt = #line) {
    var fields: [(String, String?)] = [
        ("title", article.title), ("source", article.source), ("author", article.author),
        ("authorBio", article.authorBio), ("credit", article.credit), ("url", article.url),
    ]
    for section in article.sections {
        fields.append(("heading", section.heading))
        fields += section.paragraphs.map { ("paragraph", $0) }
    }
    fields += article.summary.map { ("summary", $0.text) }
    for (label, value) in fields {
        assertCleanLine(value, label, file: file, line: line)
        if let value {
            XCTAssertFalse(value.contains("\t") || value.contains("\n"), "\(label): \(value.debugDescription)", file: file, line: line)
        }
    }
}
