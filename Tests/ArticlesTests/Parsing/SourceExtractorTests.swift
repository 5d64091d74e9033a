import Articles
import XCTest

final class SourceExtractorTests: XCTestCase {
    func testPromoNamesTheSite() {
        XCTAssertEqual(SourceExtractor.fromPromo("To not miss any news from Presse-citron, follow us on Google News."), "Presse-citron")
        XCTAssertEqual(SourceExtractor.fromPromo("Get the latest news from The Daily Lantern on WhatsApp"), "The Daily Lantern")
        XCTAssertEqual(SourceExtractor.fromPromo("Pour ne rien manquer de l'actualité de Lyon Gourmand, abonnez-vous."), "Lyon Gourmand")
        XCTAssertEqual(SourceExtractor.fromPromo("Never miss a result: follow Saltmarsh Weekly for local sport."), "Saltmarsh Weekly")
        XCTAssertEqual(SourceExtractor.fromPromo("Subscribe to the Eastgate Evening News newsletter today"), "Eastgate Evening News")
        XCTAssertEqual(SourceExtractor.fromPromo("Never miss a story: follow us on The Lantern Post."), "The Lantern Post")
        XCTAssertEqual(SourceExtractor.fromPromo("Get the Harbour Ledger evening edition in your inbox"), "Harbour Ledger")
        XCTAssertNil(SourceExtractor.fromPromo("Follow us on Google News"))
        XCTAssertNil(SourceExtractor.fromPromo("Follow- us on Facebook and WhatsApp"))
        XCTAssertNil(SourceExtractor.fromPromo("Get news from around the world"))
    }

    func testSourceLines() {
        XCTAssertEqual(SourceExtractor.fromSourceLine("Source: Reuters")?.source, "Reuters")
        XCTAssertEqual(SourceExtractor.fromSourceLine("Source : Le Monde")?.source, "Le Monde")
        XCTAssertEqual(SourceExtractor.fromSourceLine("Via The Verge")?.source, "The Verge")
        let both = SourceExtractor.fromSourceLine("Source: The Verge (https://www.theverge.example/x)")
        XCTAssertEqual(both?.source, "The Verge")
        XCTAssertEqual(both?.url, "https://www.theverge.example/x")
        XCTAssertEqual(SourceExtractor.fromSourceLine("This article first appeared on Grist.")?.source, "Grist")
        XCTAssertNil(SourceExtractor.fromSourceLine("The source of the river is in the hills."))
    }

    func testURLs() {
        XCTAssertEqual(SourceExtractor.standaloneURL("https://a.example/x."), "https://a.example/x")
        XCTAssertEqual(SourceExtractor.standaloneURL("<https://a.example/x>"), "https://a.example/x")
        XCTAssertNil(SourceExtractor.standaloneURL("https://a.example/x and more"))
        XCTAssertNil(SourceExtractor.standaloneURL("http://"))
        XCTAssertEqual(SourceExtractor.host(of: "https://www.theverge.com/a/b?c"), "theverge.com")
        XCTAssertEqual(SourceExtractor.host(of: "www.news.example:8080/x"), "news.example")
        XCTAssertNil(SourceExtractor.host(of: "https://localhost/x"))
    }
}
