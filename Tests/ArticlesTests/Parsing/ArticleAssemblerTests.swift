import Articles
import XCTest

/// Context rules of the assembler, through ``ArticleParser/parse(text:)``.
final class ArticleAssemblerTests: XCTestCase {
    private func parse(_ lines: [String]) throws -> Article { try ArticleParser.parse(text: lines.joined(separator: "\n")) }

    private let body1 = "The first paragraph of the body explains what happened and why it matters to readers."
    private let body2 = "A second paragraph adds detail, quotes a witness and ends with a full stop."

    func testTitleIsTheFirstTextLineAfterNoise() throws {
        let article = try parse(["Share this article", "", "[ ]", "", "The real headline", "", body1])
        XCTAssertEqual(article.title, "The real headline")
        XCTAssertEqual(article.paragraphs, [body1])
    }

    func testMarkdownTitleWins() throws {
        let article = try parse(["Tech", "", "# A Markdown title", "", body1])
        XCTAssertEqual(article.title, "A Markdown title")
        XCTAssertEqual(article.sections, [ArticleSection(paragraphs: [body1])])
    }

    func testSetextTitle() throws {
        let article = try parse(["A setext title", "==============", "", body1])
        XCTAssertEqual(article.title, "A setext title")
    }

    func testRepeatedTitleIsDropped() throws {
        let article = try parse(["Same title", "", "Same title", "", body1])
        XCTAssertEqual(article.paragraphs, [body1])
    }

    func testVeryLongFirstLineGivesAShortTitleAndStaysInTheBody() throws {
        let long = "This opening runs on. " + String(repeating: "More words keep coming here ", count: 12) + "end."
        let article = try parse([long, "", body1])
        XCTAssertEqual(article.title, "This opening runs on.")
        XCTAssertEqual(article.paragraphs.first, long)
    }

    func testSubheadingRules() throws {
        let article = try parse([
            "Title", "", body1, "", "Why it matters?", "", body2, "", "A heading-like line", "", "Another heading-like line", "",
            body1, "", "ends with a lowercase start", "", body2,
        ])
        XCTAssertEqual(article.sections.map(\.heading), [nil, "Why it matters?", "Another heading-like line"])
        XCTAssertEqual(article.sections[1].paragraphs, [body2, "A heading-like line"])
        XCTAssertTrue(article.sections[2].paragraphs.contains("ends with a lowercase start"))
    }

    func testShortSentenceIsNotASubheading() throws {
        let article = try parse(["Title", "", body1, "", "It was over.", "", body2])
        XCTAssertEqual(article.sections.count, 1)
        XCTAssertEqual(article.paragraphs, [body1, "It was over.", body2])
    }

    func testBylineAndRepeatedNameLines() throws {
        let article = try parse(["Title", "", "Jane Doe", "", "By Jane Doe", "", body1, "", "Jane Doe"])
        XCTAssertEqual(article.author, "Jane Doe")
        XCTAssertEqual(article.paragraphs, [body1])
    }

    func testBioAfterBylineAtTheEnd() throws {
        let bio = "Jane Doe has covered science for a decade and lives in Leeds."
        let article = try parse(["Title", "", body1, "", body2, "", "By Jane Doe", "", bio])
        XCTAssertEqual(article.authorBio, bio)
        XCTAssertEqual(article.paragraphs, [body1, body2])
    }

    func testBioAtTheEndWithBylineAtTheTop() throws {
        let bio = "Doe is a science writer who grew up by the sea."
        let article = try parse(["Title", "", "By Jane Doe", "", body1, "", body2, "", bio])
        XCTAssertEqual(article.authorBio, bio)
    }

    func testBodyParagraphNamingTheAuthorIsNotABio() throws {
        let mention = "Jane Doe has argued for years that the policy would fail, and the data now agree."
        let article = try parse(["Title", "", "By Jane Doe", "", body1, "", mention, "", body2, "", body1 + " Again.", "", body2 + " Again."])
        XCTAssertNil(article.authorBio)
        XCTAssertTrue(article.paragraphs.contains(mention))
    }

    func testAboutTheAuthorSection() throws {
        let article = try parse(["Title", "", body1, "", "About the author", "", "She writes about trains.", "", "She lives in Gdańsk."])
        XCTAssertEqual(article.authorBio, "She writes about trains. She lives in Gdańsk.")
        XCTAssertEqual(article.paragraphs, [body1])
    }

    func testAuthorInferredFromNameLineAndBio() throws {
        let bio = "Priya Raman writes about rural life."
        let article = try parse(["Title", "", body1, "", body2, "", "Priya Raman", "", bio])
        XCTAssertEqual(article.author, "Priya Raman")
        XCTAssertEqual(article.authorBio, bio)
        XCTAssertEqual(article.paragraphs, [body1, body2])
    }

    func testSummaryUnderAHeading() throws {
        let article = try parse(["Title", "", "TL;DR", "", "- One point", "- Two points", "", body1, "", body2])
        XCTAssertEqual(article.summary.map(\.text), ["One point", "Two points"])
        XCTAssertEqual(article.summarySource, .author)
        XCTAssertEqual(article.paragraphs, [body1, body2])
    }

    func testSummaryHeadingWithParagraphs() throws {
        let article = try parse(["Title", "", "In brief", "", "The council approved it.", "Work starts in May.", "", body1])
        XCTAssertEqual(article.summary.map(\.text), ["The council approved it.", "Work starts in May."])
        XCTAssertEqual(article.paragraphs, [body1])
    }

    func testBulletRunAtTheEndIsTheSummary() throws {
        let article = try parse(["Title", "", body1, "", body2, "", "  • First.", "  • Second.", "  • Third.", "", "Follow us on X"])
        XCTAssertEqual(article.summary.map(\.text), ["First.", "Second.", "Third."])
        XCTAssertEqual(article.paragraphs, [body1, body2])
    }

    func testBulletRunAtTheStartIsTheSummary() throws {
        let article = try parse(["Title", "", "By Jane Doe", "", "▪ First.", "▪ Second.", "", body1, "", body2])
        XCTAssertEqual(article.summary.map(\.text), ["First.", "Second."])
    }

    func testBodyListsStayInTheBody() throws {
        let article = try parse([
            "Title", "", body1, "", "What changes", "", "- quieter cabins", "- better food", "", body2, "",
            "The plan has two parts:", "", "1. build", "2. test", "", body1 + " More.",
        ])
        XCTAssertEqual(article.summarySource, .generated)
        XCTAssertEqual(article.sections[1].heading, "What changes")
        XCTAssertEqual(article.sections[1].paragraphs.prefix(2), ["• quieter cabins", "• better food"])
        XCTAssertTrue(article.paragraphs.contains("1. build"))
    }

    func testListBetweenParagraphsStaysInTheBody() throws {
        let article = try parse(["Title", "", body1, "", "- one", "- two", "", body2])
        XCTAssertEqual(article.paragraphs, [body1, "• one", "• two", body2])
        XCTAssertEqual(article.summarySource, .generated)
    }

    func testGeneratedSummaryWhenNoBullets() throws {
        let article = try parse(["Title", "", body1, "", body2])
        XCTAssertEqual(article.summarySource, .generated)
        XCTAssertEqual(article.summary.map(\.text), [body1, body2])
    }

    func testMetadataFields() throws {
        let article = try parse([
            "Title", "", "Photo: Jane Roe/Agency", "", "Published 3 March 2024", "", "https://www.example.org/story",
            "", body1,
        ])
        XCTAssertEqual(article.credit, "Jane Roe/Agency")
        XCTAssertEqual(article.date, DateLineParser.makeDate(year: 2024, month: 3, day: 3))
        XCTAssertEqual(article.url, "https://www.example.org/story")
        XCTAssertEqual(article.source, "example.org")
        XCTAssertEqual(article.paragraphs, [body1])
    }

    func testSourceLineBeatsPromoAndURL() throws {
        let article = try parse([
            "Title", "", body1, "", "Source: The Daily Lantern", "", "https://lantern.example/x", "",
            "To not miss any news from Other Site, follow us.",
        ])
        XCTAssertEqual(article.source, "The Daily Lantern")
    }

    func testHardWrappedParagraphsAreJoined() throws {
        let article = try parse([
            "Title", "", "The first line of a wrapped paragraph goes on for a while and",
            "then continues on this line, which also runs for quite a long way",
            "and ends here.", "", "A short heading", "", "Another paragraph that is wrapped at the same width",
            "so the lines look alike and belong to one paragraph of the article.",
        ])
        XCTAssertEqual(article.sections.first?.paragraphs, [
            "The first line of a wrapped paragraph goes on for a while and then continues on this line, which also runs for quite a long way and ends here.",
        ])
        XCTAssertEqual(article.sections.last?.heading, "A short heading")
    }

    func testLowercaseContinuationIsJoined() throws {
        let article = try parse(["Title", "", "A sentence broken by the scraper", "in the middle of a thought.", "Next one."])
        XCTAssertEqual(article.paragraphs, ["A sentence broken by the scraper in the middle of a thought.", "Next one."])
    }
}
