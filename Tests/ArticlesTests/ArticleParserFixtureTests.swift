import Articles
import BulletinTestSupport
import Foundation
import XCTest

/// Whole articles from `Fixtures/`, checked field by field.
final class ArticleParserFixtureTests: XCTestCase {
    private func parse(_ name: String) throws -> Article {
        let article = try ArticleParser.parse(data: try Fixture.data(name))
        assertAllFieldsClean(article)
        return article
    }

    /// Reproduces every quirk of the shared sample with original text.
    func testQuirks() throws {
        let a = try parse("quirks.txt")
        XCTAssertEqual(a.title, "Rooftop honey: why two rival bakeries now share their hives")
        XCTAssertEqual(a.credit, "© Ilse Marra – @hivecam.lisbon/Unsplash")
        XCTAssertEqual(a.author, "Marisol Quintela")
        XCTAssertEqual(a.authorBio, "Marisol Quintela has covered food and small business for the city desk since 2017. Before that she reported on river traffic for a regional weekly and edited a cookbook about Atlantic fish. To get in touch, write to the desk at marisol@harbourledger.example")
        XCTAssertEqual(a.source, "Harbour Ledger")
        XCTAssertNil(a.date)
        XCTAssertNil(a.url)
        XCTAssertEqual(a.sections.map(\.heading), [nil, "A sweeter deal for the old quarter?", "Honey, flour and a shared staircase"])
        XCTAssertEqual(a.sections.map(\.paragraphs.count), [1, 3, 3])
        XCTAssertTrue(a.sections[0].paragraphs[0].hasSuffix("Why bother? Simply put, because one hive alone rarely survives a hot summer."))
        XCTAssertTrue(a.sections[1].paragraphs[0].hasPrefix("The arrangement between these two neighbourhood ovens’ bees is part of"))
        XCTAssertTrue(a.sections[1].paragraphs[0].contains("green their rooftops. When you see"))
        XCTAssertTrue(a.sections[2].paragraphs[0].hasSuffix("(Mel do Bairro – Alfama Rooftops)."))
        XCTAssertEqual(a.summary.map(\.text), [
            "Two rival bakeries in Alfama plan to keep bees together on their roofs.",
            "The parish council will fund a short training course for the new beekeepers.",
            "The first jars of honey will be sold under a joint label next autumn.",
        ])
        XCTAssertEqual(a.summarySource, .author)
        let body = a.paragraphs.joined(separator: "\n")
        for junk in ["Spread the love", "Google News", "[ ]", "By Marisol", "#8217", "&#", "\u{00A0}", "  "] {
            XCTAssertFalse(body.contains(junk), "body contains \(junk)")
        }
        XCTAssertFalse(a.paragraphs.contains("Marisol Quintela"))
        XCTAssertTrue(body.contains("Pão"))
    }

    func testEscapes() throws {
        let a = try parse("escapes.txt")
        XCTAssertEqual(a.title, "Terminal troublemaker: an article full of escapes")
        XCTAssertEqual(a.author, "Odile Ferrante")
        XCTAssertEqual(a.date, DateLineParser.makeDate(year: 2024, month: 6, day: 14))
        XCTAssertEqual(a.sections.map(\.heading), [nil, "Colours and cursor moves"])
        XCTAssertEqual(a.sections[0].paragraphs, [
            "This paragraph tries to set the terminal title and then to change the clipboard without anyone noticing. A careful reader shows only the words.",
        ])
        XCTAssertEqual(a.sections[1].paragraphs, [
            "Some scrapers keep colour codes such as green text or move the cursor to clear the screen. An eight-bit control can hide in text too, and a string terminator ends an operating system command.",
            "Bidirectional tricks like evil or isolated text and a stray mark should disappear, as should a bell, a backspace and a delete character.",
        ])
        XCTAssertEqual(a.summary.count, 3)
        XCTAssertEqual(a.authorBio, "Odile Ferrante writes about terminals and the odd things that live inside them.")
        let everything = ([a.title] + a.paragraphs + a.summary.map(\.text)).joined()
        for payload in ["pwned", "ZWNobyBoYWNrZWQ", "52;", "[31m", "[2J", "31m", "other title"] {
            XCTAssertFalse(everything.contains(payload), payload)
        }
    }

    func testMarkdown() throws {
        let a = try parse("markdown.txt")
        XCTAssertEqual(a.title, "The quiet return of the night train")
        XCTAssertEqual(a.credit, "Lena Brandt/Rail Archive")
        XCTAssertEqual(a.author, "Tomasz Wilk")
        XCTAssertEqual(a.date, DateLineParser.makeDate(year: 2024, month: 3, day: 3))
        XCTAssertEqual(a.url, "https://www.railwayjournal.example/night-trains/return")
        XCTAssertEqual(a.source, "railwayjournal.example")
        XCTAssertEqual(a.summary.map(\.text), [
            "Sleeper services are coming back on several European routes.",
            "Operators say demand is strongest among families and business travellers.",
            "Old carriages are being refurbished rather than replaced.",
        ])
        XCTAssertEqual(a.sections.map(\.heading), [nil, "Why now?", "What the new services offer"])
        XCTAssertEqual(a.sections[0].paragraphs, [
            "For two decades, the overnight train looked like a relic. Timetables thinned, carriages aged and the low-cost airlines took the passengers.",
        ])
        XCTAssertEqual(a.sections[2].paragraphs, [
            "The operators list three things they will change:", "• quieter cabins with thicker doors,",
            "• breakfast served at the arrival station,", "• simpler booking across borders.",
            "None of this is cheap, but the trains fill up quickly.",
        ])
        XCTAssertEqual(a.authorBio, "Tomasz Wilk is a transport writer based in Gdańsk who has crossed Europe by rail more times than he can count.")
    }

    func testFrench() throws {
        let a = try parse("french.txt")
        XCTAssertEqual(a.title, "Pourquoi les boulangers de Lyon se mettent au levain ?")
        XCTAssertEqual(a.credit, "Élodie Marchand/Agence Rhône")
        XCTAssertEqual(a.author, "Amélie Dubreuil")
        XCTAssertEqual(a.date, DateLineParser.makeDate(year: 2024, month: 3, day: 5))
        XCTAssertEqual(a.source, "Lyon Gourmand")
        XCTAssertEqual(a.sections.map(\.heading), [nil, "Un savoir-faire presque oublié"])
        XCTAssertTrue(a.sections[1].paragraphs[0].hasPrefix("Le levain demande du temps : il faut le nourrir"))
        XCTAssertTrue(a.sections[1].paragraphs[0].contains("« C'est comme un animal de compagnie »"))
        XCTAssertTrue(a.sections[1].paragraphs[1].contains("déroutant ; d'autres"))
        XCTAssertEqual(a.summary.map(\.text), [
            "Une dizaine de boulangeries lyonnaises sont passées au levain naturel.",
            "La fermentation est plus longue mais le pain se conserve mieux.",
            "Les clients acceptent de payer quelques centimes de plus.",
        ])
        XCTAssertEqual(a.authorBio, "Amélie Dubreuil est journaliste indépendante et s'intéresse depuis dix ans aux métiers de bouche.")
        XCTAssertFalse(a.paragraphs.joined().contains("Partager"))
    }

    func testCJKAndEmoji() throws {
        let a = try parse("cjk.txt")
        XCTAssertEqual(a.title, "東京の小さな書店が愛される理由 📚")
        XCTAssertEqual(a.credit, "佐藤 花子")
        XCTAssertEqual(a.author, "Kenji Watanabe")
        XCTAssertEqual(a.date, DateLineParser.makeDate(year: 2024, month: 4, day: 18))
        XCTAssertEqual(a.sections.map(\.heading), [nil, "Small shops, big loyalty"])
        XCTAssertEqual(a.sections[0].paragraphs.count, 2)
        XCTAssertTrue(a.sections[0].paragraphs[0].hasSuffix("棚に並べる。🌸"))
        XCTAssertEqual(a.summarySource, .generated)
        XCTAssertEqual(a.summary.first?.text, "神保町の路地裏にある小さな書店は、開店から四十年が経った今も多くの読者に愛されている。")
        XCTAssertEqual(a.authorBio, "Kenji Watanabe is a Tokyo-based writer who covers books, cafés and neighbourhood life.")
    }

    func testLatin1() throws {
        let a = try parse("latin1.txt")
        XCTAssertEqual(a.title, "Café culture returns to the market hall")
        XCTAssertEqual(a.author, "Renée Fontaine")
        XCTAssertTrue(a.paragraphs[0].contains("crème brûlée"))
        XCTAssertTrue(a.paragraphs[0].contains("“We missed this place,”"))
        XCTAssertTrue(a.paragraphs[1].contains("renovation. – At least"))
    }

    func testHardWrappedWithCRLF() throws {
        let a = try parse("wrapped.txt")
        XCTAssertEqual(a.title, "How a village library learned to lend tools")
        XCTAssertEqual(a.credit, "Village Library Archive")
        XCTAssertEqual(a.author, "Priya Raman")
        XCTAssertEqual(a.sections.map(\.heading), [nil, "What gets borrowed"])
        XCTAssertEqual(a.sections.map(\.paragraphs.count), [2, 1])
        XCTAssertTrue(a.sections[0].paragraphs[0].hasSuffix("the waiting list for the pressure washer runs to several weeks."))
        XCTAssertEqual(a.authorBio, "Priya Raman writes about rural life and the people who keep small places running.")
    }

    func testNoSummaryGetsAGeneratedOne() throws {
        let a = try parse("no-summary.txt")
        XCTAssertEqual(a.summarySource, .generated)
        XCTAssertEqual(a.summary.map(\.text), [
            "On Tuesday evenings, the Bright Suds laundrette in Leeds turns into a chess club.",
            "The club began when the owner, a former county champion, left a board out for customers.",
            "Newcomers are welcome and the first game is always free.",
        ])
        XCTAssertNil(a.author)
        XCTAssertEqual(a.paragraphs.count, 3)
    }

    /// The shared sample, when `../shared` is beside the repository.
    func testSharedSample() throws {
        guard let url = Products.sharedSample else {
            print("notice: ../shared/samples/000_20a258825bf46a1c.txt not found; skipping the shared sample test")
            throw XCTSkip("shared sample not available")
        }
        let a = try ArticleParser.parse(data: try Data(contentsOf: url))
        assertAllFieldsClean(a)
        XCTAssertEqual(a.title, "Electric car: the unexpected alliance of these two Japanese giants")
        XCTAssertEqual(a.credit, "© Obi – @pixel8propix/Unsplash")
        XCTAssertEqual(a.author, "Teilor Stone")
        XCTAssertEqual(a.source, "Presse-citron")
        XCTAssertTrue(a.authorBio?.hasPrefix("Teilor Stone has been a reporter on the news desk since 2013.") ?? false)
        XCTAssertEqual(a.sections.count, 3)
        XCTAssertNil(a.sections[0].heading)
        XCTAssertEqual(a.sections[1].heading, "Shared ambitions for an electrifying future?")
        XCTAssertEqual(a.sections[2].heading, "A reinforced synergy despite the history with Renault")
        XCTAssertEqual(a.summary.count, 3)
        XCTAssertEqual(a.summarySource, .author)
        XCTAssertTrue(a.summary[0].text.hasPrefix("Nissan and Honda plan to"))
        XCTAssertTrue(a.summary[2].text.hasSuffix("the two brands will continue to collaborate."))
        let body = a.paragraphs.joined(separator: "\n")
        for junk in ["Spread the love", "Google News", "[ ]", "By Teilor", "#8217", "&#", "8211", "\u{00A0}"] {
            XCTAssertFalse(body.contains(junk), "body contains \(junk)")
        }
        XCTAssertFalse(a.paragraphs.contains("Teilor Stone"))
        XCTAssertTrue(body.contains("two automobile giants’ part of"))
        XCTAssertTrue(body.contains("(Common Module Family – Electric Vehicle)"))
        XCTAssertTrue(body.contains("Ampère"))
        XCTAssertTrue(body.contains("For what purpose? Well"))
    }
}
