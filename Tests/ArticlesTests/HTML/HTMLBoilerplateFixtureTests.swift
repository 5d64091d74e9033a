import Foundation
import XCTest

@testable import Articles

/// Original pages under `Fixtures/html`: one article ("The canal boats that deliver bread
/// before dawn") with one kind of boilerplate each. Every page must give the same article,
/// field by field, and none of its boilerplate.
final class HTMLBoilerplateFixtureTests: XCTestCase {
    static let paragraphs = [
        "At half past three in the morning the canal is black and still, and the only light on the water comes from the galley window of the Millwright, a narrow boat that has carried bread along the Eastfield cut for eleven years.",
        "Its skipper, Dorota Wren, bakes in a wood-fired oven bolted to the floor of the cabin, then steers the boat past eight locks to reach the cafes of the old warehouse district before they open their shutters.",
        "“People think it is romantic, and it is, for about a week,” she says, wiping flour from the tiller. “After that it is mostly counting loaves, checking the weather and trying not to hit the lock gates.”",
        "The council licenses four trading boats on this stretch of water, and two of them now sell bread. Their customers say the loaves taste better for the journey, which is almost certainly not true.",
        "Wren plans to take on an apprentice next spring, if she can find someone who does not mind the hours, the cold, or the swans.",
    ]

    func page(_ name: String, url: String? = "https://courier.example/food/2024/canal-bread-boats") throws -> Article {
        let article = try HTMLArticleParser.parse(data: try Fixture.data("html/\(name).html"), url: url)
        assertAllFieldsClean(article)
        return article
    }

    /// The fields every page shares.
    func assertCommonFields(_ a: Article, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.title, "The canal boats that deliver bread before dawn", file: file, line: line)
        XCTAssertEqual(a.author, "Imogen Talbot", file: file, line: line)
        XCTAssertEqual(a.source, "Riverside Courier", file: file, line: line)
        XCTAssertEqual(a.url, "https://courier.example/food/2024/canal-bread-boats", file: file, line: line)
        XCTAssertEqual(a.date, ISO8601DateFormatter().date(from: "2024-05-14T06:30:00Z"), file: file, line: line)
        XCTAssertNil(a.authorBio, file: file, line: line)
    }

    func assertBody(_ a: Article, is expected: [String]? = nil, without junk: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.paragraphs, expected ?? Self.paragraphs, file: file, line: line)
        let all = ([a.title, a.author ?? "", a.credit ?? ""] + a.paragraphs + a.summary.map(\.text)
            + a.sections.compactMap(\.heading)).joined(separator: "\n")
        for text in junk { XCTAssertFalse(all.contains(text), "article contains «\(text)»", file: file, line: line) }
    }

    func testNavigationAndBreadcrumbsAreDropped() throws {
        let a = try page("nav")
        assertCommonFields(a)
        assertBody(a, without: ["Home", "Weather forecast", "Food and drink", "Sport"])
        XCTAssertEqual(a.summarySource, .generated)
    }

    func testShareWidgetsAreDropped() throws {
        let a = try page("share")
        assertCommonFields(a)
        assertBody(a, without: ["Share", "Facebook", "WhatsApp", "Copy link", "Email this story"])
    }

    func testCookieBannerIsDropped() throws {
        let a = try page("cookie")
        assertCommonFields(a)
        assertBody(a, without: ["cookie", "Accept all", "Manage settings"])
    }

    func testNewsletterBoxIsDropped() throws {
        let a = try page("newsletter")
        assertCommonFields(a)
        assertBody(a, without: ["newsletter", "morning loaf", "Subscribe", "inbox"])
        XCTAssertEqual(a.sections.count, 1)
        XCTAssertNil(a.sections[0].heading)
    }

    func testCommentsAreDropped() throws {
        let a = try page("comments")
        assertCommonFields(a)
        assertBody(a, without: ["comments", "breadfan77", "LockKeeper", "terrible hour"])
    }

    func testMostReadAndTrendingListsAreDropped() throws {
        let a = try page("most-read")
        assertCommonFields(a)
        assertBody(a, without: ["Most read", "footbridge", "swans of Eastfield", "Trending", "towpath"])
    }

    func testHiddenElementsAreDropped() throws {
        let a = try page("hidden")
        assertCommonFields(a)
        assertBody(a, without: ["hidden", "display none", "aria", "Invisible", "Screen reader"])
    }

    func testKeyPointsListBecomesTheAuthorsSummary() throws {
        let a = try page("key-points")
        assertCommonFields(a)
        assertBody(a, without: ["Key points"])
        XCTAssertEqual(a.summarySource, .author)
        XCTAssertEqual(a.summary.map(\.text), [
            "A bread boat has served the Eastfield canal for eleven years.",
            "Its skipper bakes on board and passes eight locks before dawn.",
            "Two of the four licensed trading boats now sell bread.",
        ])
    }

    func testFigcaptionCreditBecomesTheCredit() throws {
        let a = try page("figcaption")
        assertCommonFields(a)
        assertBody(a, without: ["moored by the warehouse steps"])
        XCTAssertEqual(a.credit, "Rupert Okafor/Courier Pictures")
    }

    func testTableBecomesReadableRows() throws {
        let a = try page("table")
        assertCommonFields(a)
        var expected = Self.paragraphs
        expected.insert(contentsOf: ["Loaves sold in one week", "Day | Sourdough | Rye", "Monday | 48 | 20", "Tuesday | 52 | 18"], at: 3)
        assertBody(a, is: expected, without: [])
    }

    func testPreformattedTextKeepsItsLines() throws {
        let a = try page("pre")
        assertCommonFields(a)
        var expected = Self.paragraphs
        expected.insert(contentsOf: ["Dough, for one oven load:", "flour 10 kg", "water 7 l", "salt 200 g"], at: 3)
        assertBody(a, is: expected, without: [])
    }

    func testWithoutAURLTheCanonicalLinkStaysUnresolvedAndTheSourceComesFromTheSiteName() throws {
        let a = try page("nav", url: nil)
        XCTAssertNil(a.url)
        XCTAssertEqual(a.source, "Riverside Courier")
    }

    func testFeedLinksAreResolved() throws {
        let links = HTMLArticleParser.feedLinks(data: try Fixture.data("html/nav.html"), url: "https://courier.example/food/x")
        XCTAssertEqual(links, [HTMLFeedLink(url: "https://courier.example/feeds/food.xml", type: "application/rss+xml",
                                            title: "Riverside Courier: Food")])
    }
}
