import Articles
import XCTest

final class LineClassifierTests: XCTestCase {
    private func kind(_ line: String) -> LineKind { LineClassifier.classify(line) }

    func testPlainText() {
        XCTAssertEqual(kind("Electric bikes are selling faster than ever this spring."), .text)
        XCTAssertEqual(kind("A reinforced synergy between old rivals"), .text)
    }

    func testMarkdownHeadings() {
        XCTAssertEqual(kind("# The title"), .heading(level: 1, text: "The title"))
        XCTAssertEqual(kind("### Section three ###"), .heading(level: 3, text: "Section three"))
        XCTAssertEqual(kind("#hashtag"), .text)
        XCTAssertEqual(kind("## Key points"), .summaryHeading)
        XCTAssertEqual(kind("## About the author"), .aboutAuthorHeading)
    }

    func testRules() {
        XCTAssertEqual(kind("---"), .rule("-"))
        XCTAssertEqual(kind("= = ="), .rule("="))
        XCTAssertEqual(kind("***"), .rule("*"))
    }

    func testCredits() {
        XCTAssertEqual(kind("© Obi – @someone/Unsplash"), .credit("© Obi – @someone/Unsplash"))
        XCTAssertEqual(kind("Photo: Jane Roe/Reuters"), .credit("Jane Roe/Reuters"))
        XCTAssertEqual(kind("Image : Archive"), .credit("Archive"))
        XCTAssertEqual(kind("Credit: AP"), .credit("AP"))
        XCTAssertEqual(kind("Photograph: Sam Lee"), .credit("Sam Lee"))
        XCTAssertEqual(kind("Illustration: Mo Park"), .credit("Mo Park"))
        XCTAssertEqual(kind("Photo by Ana Cruz on Unsplash"), .credit("Photo by Ana Cruz on Unsplash"))
        XCTAssertEqual(kind("Crédit photo : Élodie Marchand"), .credit("Élodie Marchand"))
        XCTAssertEqual(kind("写真：佐藤 花子"), .credit("佐藤 花子"))
    }

    func testBullets() {
        XCTAssertEqual(kind("• First point."), .bullet(text: "First point.", marker: "•"))
        XCTAssertEqual(kind("- Second point"), .bullet(text: "Second point", marker: "•"))
        XCTAssertEqual(kind("* Third"), .bullet(text: "Third", marker: "•"))
        XCTAssertEqual(kind("▪ Fourth"), .bullet(text: "Fourth", marker: "•"))
        XCTAssertEqual(kind("◦ Fifth"), .bullet(text: "Fifth", marker: "•"))
        XCTAssertEqual(kind("‣ Sixth"), .bullet(text: "Sixth", marker: "•"))
        XCTAssertEqual(kind("1. Numbered"), .bullet(text: "Numbered", marker: "1."))
        XCTAssertEqual(kind("12) Numbered"), .bullet(text: "Numbered", marker: "12)"))
        XCTAssertEqual(kind("-5 degrees overnight"), .text)
        XCTAssertEqual(kind("2024 was a good year."), .text)
        XCTAssertEqual(kind("•"), .artifact)
    }

    func testBylines() {
        XCTAssertEqual(kind("By Teilor Stone"), .byline(name: "Teilor Stone", date: nil))
        XCTAssertEqual(kind("Par Jean Dupont"), .byline(name: "Jean Dupont", date: nil))
        XCTAssertEqual(kind("Written by Mary Ann Evans"), .byline(name: "Mary Ann Evans", date: nil))
        XCTAssertEqual(kind("Words by Li Wei"), .byline(name: "Li Wei", date: nil))
        XCTAssertEqual(kind("Author: Sam O'Neil"), .byline(name: "Sam O'Neil", date: nil))
        XCTAssertEqual(kind("Von Max Mustermann"), .byline(name: "Max Mustermann", date: nil))
        XCTAssertEqual(kind("Por Ana García"), .byline(name: "Ana García", date: nil))
        XCTAssertEqual(kind("By the end of the year, prices had doubled."), .text)
    }

    func testDatelines() {
        let day = DateLineParser.makeDate(year: 2024, month: 3, day: 3)!
        XCTAssertEqual(kind("Published 3 March 2024"), .date(day))
        XCTAssertEqual(kind("March 3, 2024"), .date(day))
        XCTAssertEqual(kind("2024-03-03"), .date(day))
        XCTAssertEqual(kind("Updated: Sunday, March 3, 2024 at 10:15 am"), .date(day))
        XCTAssertEqual(kind("3 mars 2024"), .date(day))
    }

    func testReferences() {
        XCTAssertEqual(kind("https://news.example/a/b"), .reference(source: nil, url: "https://news.example/a/b"))
        XCTAssertEqual(kind("Source: https://news.example/a"), .reference(source: nil, url: "https://news.example/a"))
        XCTAssertEqual(kind("URL: www.news.example/a"), .reference(source: nil, url: "www.news.example/a"))
        XCTAssertEqual(kind("Source: Reuters"), .reference(source: "Reuters", url: nil))
        XCTAssertEqual(kind("Via The Verge"), .reference(source: "The Verge", url: nil))
        XCTAssertEqual(kind("Originally published on Grist."), .reference(source: "Grist", url: nil))
        XCTAssertEqual(kind("Via the new platform, users can share files."), .text)
    }

    func testPromotionAndShareWidgets() {
        let promos = [
            "Spread the love", "Share this article", "Share on Facebook", "Share on X", "Follow us on Instagram",
            "Subscribe to our newsletter", "Sign up for the morning briefing", "Read more: the other story",
            "Related: a thing", "Advertisement: our sponsor", "Click here to see more",
            "Don’t miss our next issue",
        ]
        for line in promos {
            guard case .promo = kind(line) else { return XCTFail("\(line) → \(kind(line))") }
        }
        XCTAssertEqual(kind("📍 To not miss any news from Harbour Ledger, follow us on Google News and WhatsApp."),
                       .promo(source: "Harbour Ledger"))
        XCTAssertEqual(kind("Subscribers to the service grew by a third last year."), .text)
    }

    func testCallsToActionOpenedByAnEmoji() {
        for line in [
            "🔔 Follow Saltmarsh Weekly on your favourite app so you never miss a story.",
            "✉️ Enjoyed this? Sign up for the Harbour Ledger newsletter.",
            "Enjoyed this? Sign up for the Friday letter.",
        ] {
            guard case .promo = kind(line) else { return XCTFail("\(line) → \(kind(line))") }
        }
        // Without the emoji opener, the same words are ordinary prose.
        XCTAssertEqual(kind("She would follow the river to the sea before turning back."), .text)
        XCTAssertEqual(kind("The newsletter she founded in 2019 now has ten thousand readers."), .text)
    }

    func testWidgetArtifacts() {
        for line in ["[ ]", "[x]", "[…]", "|", "…", "Loading…", "📍", "👍 👏", "* * *", "—", "Share", "Tweet", "Advertisement"] {
            switch kind(line) {
            case .artifact, .rule: continue
            default: XCTFail("\(line) → \(kind(line))")
            }
        }
    }

    func testSummaryHeadings() {
        for line in ["Key points", "In brief:", "In short", "TL;DR", "Summary", "Highlights", "What you need to know",
                     "À retenir", "En bref", "**Key takeaways**"] {
            XCTAssertEqual(kind(line), .summaryHeading, line)
        }
    }

    func testAboutAuthorHeadings() {
        XCTAssertEqual(kind("About the author"), .aboutAuthorHeading)
        XCTAssertEqual(kind("À propos de l’auteur"), .aboutAuthorHeading)
    }

    func testLongLinesAreText() {
        let long = "By " + String(repeating: "word ", count: 100)
        XCTAssertEqual(kind(long), .text)
    }
}
