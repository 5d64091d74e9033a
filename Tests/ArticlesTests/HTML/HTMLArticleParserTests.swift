import Foundation
import XCTest

@testable import Articles

/// Bad and unusual input: every case gives an article or one clear error, never a crash,
/// a hang or a control character in a field.
final class HTMLArticleParserTests: XCTestCase {
    func parse(_ html: String, url: String? = nil) throws -> Article {
        let article = try HTMLArticleParser.parse(data: Data(html.utf8), url: url)
        assertAllFieldsClean(article)
        return article
    }

    static let sentence = "The ferry crossed the bay twice each morning, carrying commuters, bicycles and one patient dog."

    func testTruncatedTagsStillGiveTheText() throws {
        let a = try parse("<html><head><title>Cut short</title></head><body><p>\(Self.sentence)</p><p class=\"x")
        XCTAssertEqual(a.title, "Cut short")
        XCTAssertEqual(a.paragraphs, [Self.sentence])
    }

    func testAPageWithoutAnArticleIsOneClearError() {
        XCTAssertThrowsError(try parse("<html><body><nav><a href='/'>Home</a></nav></body></html>")) { error in
            XCTAssertEqual(error as? ArticleParseError, .noText)
        }
    }

    func testAPageWithoutAnArticleButADescriptionGivesTheDescription() throws {
        let a = try parse("<html><head><title>Notice</title><meta name='description' content='\(Self.sentence)'></head><body></body></html>")
        XCTAssertEqual(a.paragraphs, [Self.sentence])
    }

    func testEmptyAndBinaryInputAreClearErrors() {
        XCTAssertThrowsError(try HTMLArticleParser.parse(data: Data())) { XCTAssertEqual($0 as? ArticleParseError, .empty) }
        var bytes = Array("<html><body><p>".utf8)
        for k in 0..<20_000 { bytes.append(UInt8(truncatingIfNeeded: k &* 7919)) }
        XCTAssertThrowsError(try HTMLArticleParser.parse(data: Data(bytes))) { XCTAssertEqual($0 as? ArticleParseError, .binary) }
    }

    func testDeepNestingDoesNotCrash() {
        let depth = 100_000
        let html = "<html><head><title>Deep</title></head><body>" + String(repeating: "<div>", count: depth)
            + "<p>\(Self.sentence)</p>" + String(repeating: "</div>", count: depth) + "</body></html>"
        // libxml2 stops reading past its nesting limit: either the text or a clear error.
        do {
            let a = try parse(html)
            XCTAssertEqual(a.title, "Deep")
        } catch {
            XCTAssertEqual(error as? ArticleParseError, .noText)
        }
        let unclosed = "<html><body>" + String(repeating: "<div><span>", count: depth) + Self.sentence
        _ = try? parse(unclosed)
    }

    func testShallowNestingBeyondTheCopyDepthKeepsTheText() throws {
        // Deeper than the tree copy keeps (200) but within libxml2's limit (256): the text is kept.
        let depth = 120
        let html = "<html><head><title>Nested</title></head><body>" + String(repeating: "<div><section>", count: depth)
            + "<p>\(Self.sentence)</p>" + String(repeating: "</section></div>", count: depth) + "</body></html>"
        let tree = HTMLTree.parse(Array(html.utf8))
        XCTAssertTrue(tree.nodes.contains { $0.tag == .text && $0.text == Self.sentence })
        var depthOfDeepest = 0
        for i in tree.nodes.indices {
            var d = 0, k = i
            while k >= 0 { d += 1; k = tree.nodes[k].parent }
            depthOfDeepest = max(depthOfDeepest, d)
        }
        XCTAssertLessThanOrEqual(depthOfDeepest, HTMLTree.maximumDepth + 1)
    }

    func testInvalidUTF8IsReadAsWindows1252() throws {
        var bytes = Array("<html><head><title>Caf".utf8) + [0xE9] + Array("</title></head><body><p>".utf8)
        bytes += Array("Cr".utf8) + [0xE8] + Array("me br".utf8) + [0xFB] + Array("l".utf8) + [0xE9, 0x20]
        bytes += Array(Self.sentence.utf8) + Array(" caf\u{E9}</p></body></html>".utf8)
        let a = try HTMLArticleParser.parse(data: Data(bytes))
        assertAllFieldsClean(a)
        XCTAssertEqual(a.title, "Café")
        XCTAssertEqual(a.paragraphs, ["Crème brûlé \(Self.sentence) café"])
    }

    func testDeclaredCharsetIsUsed() throws {
        var bytes = Array("<html><head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'><title>".utf8)
        bytes += Array("Na".utf8) + [0xEF] + Array("ve".utf8) + Array("</title></head><body><p>".utf8)
        bytes += Array(Self.sentence.utf8) + [0x20, 0x80] + Array("5</p></body></html>".utf8)
        let a = try HTMLArticleParser.parse(data: Data(bytes))
        XCTAssertEqual(a.title, "Naïve")
        XCTAssertEqual(a.paragraphs, [Self.sentence + " €5"])
    }

    func testHTTPCharsetIsUsedWhenThePageDeclaresNone() throws {
        // KOI8-R bytes for "Привет", converted by libxml2 through iconv.
        var bytes = Array("<html><head><title>".utf8) + [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
        bytes += Array("</title></head><body><p>\(Self.sentence)</p></body></html>".utf8)
        let a = try HTMLArticleParser.parse(data: Data(bytes), httpCharset: "koi8-r")
        XCTAssertEqual(a.title, "Привет")
    }

    func testBadBytesInALegacyEncodingAreReplacedAndTheRestIsKept() throws {
        // Shift_JIS with an invalid lead byte pair in the middle.
        var bytes = Array("<html><head><meta charset=\"shift_jis\"><title>".utf8) + [0x82, 0xB1, 0x82, 0xF1]
        bytes += Array("</title></head><body><p>\(Self.sentence) ".utf8) + [0x81, 0x20]
        bytes += Array(" after the bad byte.</p><p>\(Self.sentence)</p></body></html>".utf8)
        let a = try HTMLArticleParser.parse(data: Data(bytes))
        assertAllFieldsClean(a)
        XCTAssertEqual(a.title, "こん")
        XCTAssertEqual(a.paragraphs, [Self.sentence + " \u{FFFD} after the bad byte.", Self.sentence])
    }

    func testByteOrderMarksAreHonoured() throws {
        let html = "<html><head><title>Ünïcode</title></head><body><p>\(Self.sentence)</p></body></html>"
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in html.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        XCTAssertEqual(try HTMLArticleParser.parse(data: Data(utf16)).title, "Ünïcode")
        let utf8 = [0xEF, 0xBB, 0xBF] + Array(html.utf8)
        XCTAssertEqual(try HTMLArticleParser.parse(data: Data(utf8)).title, "Ünïcode")
    }

    func testNulAndSurrogateEntitiesAndEscapesNeverReachAField() throws {
        let a = try parse("""
            <html><head><title>Bad &#0; entities &#xD800; here &#x1b;[31m &#x202E;</title>
            <meta name="author" content="Eve&#x1b;]0;pwned&#x07; Smith"></head>
            <body><p>\(Self.sentence) &#0; &#xD800; &#x9b;2J &#x1b;[2J &#x202E;evil</p></body></html>
            """)
        for field in [a.title, a.author ?? ""] + a.paragraphs {
            XCTAssertFalse(field.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
        }
        XCTAssertTrue(a.paragraphs[0].hasPrefix(Self.sentence))
    }

    func testFiftyMegabytePageGivesAnArticle() throws {
        let paragraph = "<p>" + String(repeating: Self.sentence + " ", count: 8) + "</p>\n"
        var html = "<html><head><title>Long read</title></head><body><article>"
        let count = 50 * 1024 * 1024 / paragraph.utf8.count
        html.reserveCapacity(50 * 1024 * 1024 + 200)
        for _ in 0..<count { html += paragraph }
        html += "</article></body></html>"
        let a = try HTMLArticleParser.parse(bytes: Array(html.utf8), url: nil, httpCharset: nil, generatingSummary: false)
        XCTAssertEqual(a.title, "Long read")
        XCTAssertEqual(a.paragraphs.count, count)
    }

    func testTooLargeIsRefused() {
        let bytes = [UInt8](repeating: 0x20, count: ArticleParser.maximumBytes + 1)
        XCTAssertThrowsError(try HTMLArticleParser.parse(data: Data(bytes))) {
            XCTAssertEqual($0 as? ArticleParseError, .tooLarge(bytes: bytes.count))
        }
    }

    func testTruncatedAndCorruptedFixturesGiveAnArticleOrAClearError() throws {
        // Deterministic damage: every fixture cut at 40 points and with 40 bytes overwritten.
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for name in ["nav", "share", "key-points", "table", "pre", "figcaption", "comments"] {
            let bytes = [UInt8](try Fixture.data("html/\(name).html"))
            for _ in 0..<40 {
                var damaged = Array(bytes.prefix(1 + next() % bytes.count))
                for _ in 0..<40 { damaged[next() % damaged.count] = UInt8(truncatingIfNeeded: next()) }
                for variant in [Array(bytes.prefix(1 + next() % bytes.count)), damaged] {
                    do {
                        assertAllFieldsClean(try HTMLArticleParser.parse(data: Data(variant)))
                    } catch let error as ArticleParseError {
                        XCTAssertFalse(error.description.isEmpty)
                    }
                }
            }
        }
    }

    func testLooksLikeHTML() {
        for yes in ["<!DOCTYPE html><html>", "  \n<html lang=en>", "\u{FEFF}<!doctype HTML>", "<!-- saved -->\n<html>",
                    "<?xml version=\"1.0\"?><html>", "<HEAD><title>x</title>", "<body>", "<meta charset=utf-8>"] {
            XCTAssertTrue(HTMLArticleParser.looksLikeHTML(Array(yes.utf8)), yes)
        }
        for no in ["", "Title\n\nBody <html> text", "# Markdown", "<htmlx>", "<rss version=\"2.0\">", "<!-- unterminated"] {
            XCTAssertFalse(HTMLArticleParser.looksLikeHTML(Array(no.utf8)), no)
        }
    }

    func testRelativeLinksResolveAgainstTheGivenURL() throws {
        let a = try parse("""
            <html><head><title>Tide tables</title><link rel="canonical" href="../tides/today"></head>
            <body><p>\(Self.sentence)</p></body></html>
            """, url: "https://harbour.example/news/weather/page.html")
        XCTAssertEqual(a.url, "https://harbour.example/news/tides/today")
        XCTAssertEqual(a.source, "harbour.example")
    }

    func testNonWebLinksAreNotTakenAsTheURL() throws {
        let a = try parse("<html><head><title>T</title><link rel=canonical href='javascript:alert(1)'></head><body><p>\(Self.sentence)</p></body></html>")
        XCTAssertNil(a.url)
    }

    func testJSONLDMetadataWinsAndFallbacksFollow() throws {
        let a = try parse("""
            <html><head><title>Ignored title | Site</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Tidewater"},
              {"@type":"NewsArticle","headline":"The harbour wall holds","author":[{"@type":"Person","name":"Ada Mersey"},{"@type":"Person","name":"Tom Quay"}],
               "datePublished":"2023-11-02T08:00:00+01:00","publisher":{"@type":"Organization","name":"Tidewater Gazette"}}]}</script>
            <meta property="og:title" content="Not this one"></head>
            <body><h1>The harbour wall holds</h1><p>\(Self.sentence)</p></body></html>
            """)
        XCTAssertEqual(a.title, "The harbour wall holds")
        XCTAssertEqual(a.author, "Ada Mersey, Tom Quay")
        XCTAssertEqual(a.source, "Tidewater Gazette")
        XCTAssertEqual(a.date, ISO8601DateFormatter().date(from: "2023-11-02T07:00:00Z"))
        XCTAssertEqual(a.paragraphs, [Self.sentence])
    }

    func testTitleFallsBackToTheTitleElementWithoutItsSiteSuffix() throws {
        let a = try parse("<html><head><title>Storm closes the coast road tonight | The Gazette</title></head><body><p>\(Self.sentence)</p></body></html>")
        XCTAssertEqual(a.title, "Storm closes the coast road tonight")
    }

    func testBylineElementAndTimeElementAreFallbacks() throws {
        let a = try parse("""
            <html><head><title>Night shift</title></head><body><article>
            <p class="byline">By Rosa Lindqvist</p><time datetime="2022-01-09">9 January</time>
            <p>\(Self.sentence)</p></article></body></html>
            """)
        XCTAssertEqual(a.author, "Rosa Lindqvist")
        XCTAssertEqual(a.date, DateLineParser.makeDate(year: 2022, month: 1, day: 9))
        XCTAssertEqual(a.paragraphs.first, Self.sentence)
        XCTAssertFalse(a.paragraphs.contains { $0.contains("Rosa") })
    }

    func testCaptionClassesAreReadAsCaptions() throws {
        let a = try parse("""
            <html><head><title>Dawn at the docks</title></head><body><article>
            <div class="wp-caption"><img src="x.jpg"><p class="wp-caption-text">Boats at first light. Photo: Lee Park</p></div>
            <p>\(Self.sentence)</p><p>Second paragraph, <span class="image-credit">© Dock Archive</span> with the rest of the text.</p>
            </article></body></html>
            """)
        XCTAssertEqual(a.credit, "Lee Park")
        XCTAssertEqual(a.paragraphs, [Self.sentence, "Second paragraph,", "with the rest of the text."])
    }

    func testFragmentSectionsCleanAFeedItem() {
        let sections = HTMLArticleParser.fragmentSections(html: """
            Lead text of the item.<p>\(Self.sentence)</p><h2>Later</h2><ul><li>First point</li><li>Second point</li></ul>
            <script>alert(1)</script><p>Share this article</p><p style="display:none">hidden</p><p>Tail &#x1b;[31m text</p>
            """)
        XCTAssertEqual(sections, [
            ArticleSection(heading: nil, paragraphs: ["Lead text of the item.", Self.sentence]),
            ArticleSection(heading: "Later", paragraphs: ["• First point", "• Second point", "Tail [31m text"]),
        ])
        XCTAssertEqual(HTMLArticleParser.fragmentSections(html: ""), [])
    }
}
