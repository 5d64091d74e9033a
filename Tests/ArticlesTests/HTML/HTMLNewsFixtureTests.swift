import Foundation
import XCTest

@testable import Articles

/// Original news pages under `Fixtures/html/news-*.html`, each with the patterns of real news
/// sites: a body split between ads, inline promos, a live blog, short one-sentence
/// paragraphs beside teasers, and paragraphs wrapped one to a `div` with linked names.
final class HTMLNewsFixtureTests: XCTestCase {
    func page(_ name: String) throws -> Article {
        let article = try HTMLArticleParser.parse(data: try Fixture.data("html/\(name).html"))
        assertAllFieldsClean(article)
        return article
    }

    /// Everything an article shows, for the checks that junk is absent.
    func allText(_ a: Article) -> String {
        ([a.title, a.author ?? "", a.credit ?? ""] + a.paragraphs + a.summary.map(\.text)
            + a.sections.compactMap(\.heading)).joined(separator: "\n")
    }

    func testBodySplitBetweenAdsKeepsEveryPartAndDropsTheFurniture() throws {
        let a = try page("news-split")
        XCTAssertEqual(a.title, "Town votes to reopen the old lido after a decade")
        XCTAssertEqual(a.author, "Priya Castellano")
        XCTAssertEqual(a.source, "Harbourside Gazette")
        XCTAssertEqual(a.url, "https://gazette.example/news/2025/lido-reopens")
        XCTAssertEqual(a.date, ISO8601DateFormatter().date(from: "2025-03-02T09:15:00Z"))
        XCTAssertEqual(a.credit, "Anselm Duarte/Gazette")
        XCTAssertEqual(a.authorBio, "Priya Castellano is the Gazette's local government reporter. She has covered the town council since 2019.")
        XCTAssertEqual(a.summarySource, .author)
        XCTAssertEqual(a.summary.map(\.text), [
            "The council voted eleven to four to restore the lido.",
            "Repairs are expected to take eighteen months.",
            "Entry will be free for children under twelve.",
        ])
        XCTAssertEqual(a.sections.count, 1)
        XCTAssertNil(a.sections.first?.heading)
        XCTAssertEqual(a.paragraphs, [
            "After ten years behind padlocked gates, the seafront lido will open to swimmers again, the town council decided on Tuesday night after a debate that ran well past midnight.",
            "Councillors voted eleven to four to spend the money set aside for a car park on repairing the pool, its tiled terraces and the art deco changing rooms that line its northern edge.",
            "The decision follows a petition signed by nearly six thousand residents, many of whom learned to swim in the salt water that fills the pool at each spring tide.",
            "“We were told for years that it could not be done,” said Marguerite Osei, who chairs the Friends of the Lido. “Tonight the town decided that it could.”",
            "Engineers who surveyed the site last summer found that the pool walls were sound, but that the pumps, filters and the sea gate would all need to be replaced.",
            "Work is due to begin in the autumn, and the council hopes the first swimmers will be back in the water before the summer of 2027.",
            "Not everyone is pleased. Traders on the high street had hoped that the car park would bring more visitors into town during the winter months.",
            "The council says it will review parking again next year, once the cost of the lido repairs is known.",
        ])
        let all = allText(a)
        for junk in ["cookies", "Accept", "Read more", "pensioners", "Related:", "promenade", "Advertisement",
                     "Harbour Daily", "Sign up", "inbox", "appears in print", "Updated 2 hours ago", "Subscribe",
                     "Comments", "potholes", "1974", "Most read", "pier", "Trending", "kayaker", "All rights reserved",
                     "Key points", "empty pool"]
        {
            XCTAssertFalse(all.contains(junk), "article contains «\(junk)»")
        }
    }

    func testLiveBlogKeepsEveryUpdateUnderItsHeadingWithoutTheClockTimes() throws {
        let a = try page("news-live")
        XCTAssertEqual(a.title, "Live: the spring tide floods the lower town")
        XCTAssertEqual(a.author, "Tobias Lindqvist")
        XCTAssertEqual(a.sections.map(\.heading), [
            "Water reaches the fish market", "Harbour road closed", "Sandbags handed out", "High tide expected at 11:20",
        ])
        XCTAssertEqual(a.sections.map(\.paragraphs.count), [1, 2, 1, 1])
        XCTAssertEqual(a.sections[1].paragraphs[1], "Buses will not stop on the seafront until further notice.")
        for time in ["10:42", "10:15", "09:50", "09:30"] {
            XCTAssertFalse(a.paragraphs.contains(time), "a bare timestamp «\(time)» is a paragraph")
        }
    }

    func testLiveBlogWhosePostsAreArticleElementsKeepsEveryPost() throws {
        let a = try page("news-live-articles")
        XCTAssertEqual(a.sections.map(\.heading), ["Water reaches the fish market", "Harbour road closed"])
        XCTAssertEqual(a.sections.map(\.paragraphs.count), [1, 2])
    }

    func testAListOfProseItemsInTheBodyIsKept() throws {
        let a = try page("news-list")
        XCTAssertEqual(a.sections.map(\.heading), [nil, "What we know so far"])
        XCTAssertEqual(a.sections[1].paragraphs, [
            "• The wall gave way at about half past five in the morning when the tide was at its lowest.",
            "• Nobody was hurt but a dog walker said she had crossed the same spot ten minutes earlier.",
            "• The path is closed.",
            "The council said the wall had last been inspected in the spring, and that no cracks had been found then, but residents say they reported loose stones in August.",
            "A full survey will begin on Monday, weather permitting, and the council expects to publish its findings before the end of the month.",
        ])
    }

    func testShortOneSentenceParagraphsInAnArticleBeatTheTeasersBesideIt() throws {
        let a = try page("news-short")
        XCTAssertEqual(a.title, "The ferry is late again")
        XCTAssertEqual(a.paragraphs, [
            "The morning ferry was late again.", "It left forty minutes behind time.", "Nobody on board was surprised.",
            "The engine was repaired on Friday.", "It failed again on Sunday night.", "The operator has said sorry twice.",
            "Commuters say that is not enough.", "Some now take the bus round the bay.", "It takes longer, but it arrives.",
            "A new boat is promised for May.",
        ])
        let all = allText(a)
        XCTAssertFalse(all.contains("lighthouse"))
        XCTAssertFalse(all.contains("Readers' letters"))
        // A "summary-list" of headlines that link elsewhere is not the author's summary.
        XCTAssertEqual(a.summarySource, .generated)
        XCTAssertFalse(all.contains("Lighthouse repairs"))
    }

    func testStandfirstAndParagraphsWrappedOneToADivAreKeptWithTheLinkedNames() throws {
        let a = try page("news-wrapped")
        XCTAssertEqual(a.title, "Orchard volunteers graft a hundred old apple varieties")
        XCTAssertEqual(a.paragraphs.count, 5)
        // The standfirst, a text-only div beside the body, leads the article.
        XCTAssertEqual(a.paragraphs[0], "Cuttings from trees that survived the storms will grow for two years in a nursery before they go up the hill.")
        XCTAssertEqual(a.paragraphs[2], "The cuttings came from Hilde Ambrose, a retired botanist, and from the Kelso Heritage Orchard in the upper valley, which lost half of its trees in the storms of 2022.")
        let all = allText(a)
        XCTAssertFalse(all.contains("Harbour news"))
        XCTAssertFalse(all.contains("Local history"))
    }
}
