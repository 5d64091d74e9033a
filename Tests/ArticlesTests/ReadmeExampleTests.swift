import BulletinTestSupport
import Foundation
import XCTest

@testable import Articles

/// The README's input example must parse to the README's JSON example.
final class ReadmeExampleTests: XCTestCase {
    private func block(_ fence: String, in readme: String) throws -> String {
        let start = try XCTUnwrap(readme.range(of: "```\(fence)\n"), "README has no \(fence) block")
        let end = try XCTUnwrap(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        return String(readme[start.upperBound..<end.lowerBound])
    }

    func testExampleInputGivesTheDocumentedJSON() throws {
        let readme = try String(contentsOf: Products.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let article = try ArticleParser.parse(text: try block("text", in: readme))
        let documented = try JSONDecoder().decode(Article.self, from: Data(try block("json", in: readme).utf8))
        XCTAssertEqual(article, documented)
        XCTAssertEqual(article.id, documented.id)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try block("json", in: readme).utf8)) as? [String: Any])
        XCTAssertEqual(object["wordCount"] as? Int, article.wordCount)
        XCTAssertEqual(object["readingMinutes"] as? Int, article.readingMinutes)
    }
}
