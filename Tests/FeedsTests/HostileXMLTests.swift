import BulletinTestSupport
import Feeds
import Foundation
import XCTest

/// Entity expansion bombs and external entities must never be expanded or read.
final class HostileXMLTests: XCTestCase {
    /// The classic "billion laughs": ten levels of ten references, under 1 KB.
    static let billionLaughs: String = {
        var declarations = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            let refs = String(repeating: "&lol\(level - 1);", count: 10)
            declarations += "<!ENTITY lol\(level) \"\(refs)\">\n"
        }
        return """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
            \(declarations)]>
            <rss version="2.0"><channel><title>Laughs &lol9;</title>
            <item><title>&lol9;</title><description>&lol9;</description></item>
            </channel></rss>
            """
    }()

    func testBillionLaughsIsRefusedQuickly() throws {
        XCTAssertLessThan(HostileXMLTests.billionLaughs.utf8.count, 1024)
        let clock = ContinuousClock()
        var outcome: Result<ParsedFeed, Error>!
        let elapsed = clock.measure {
            outcome = Result { try FeedParser.parse(data: Data(HostileXMLTests.billionLaughs.utf8), url: nil) }
        }
        XCTAssertLessThan(elapsed, .seconds(1))
        XCTAssertThrowsError(try outcome.get()) { error in
            XCTAssertEqual(error as? FeedParseError, .entityExpansion)
            XCTAssertTrue("\(error)".contains("entity expansion"))
        }
    }

    /// A small nest that libxml2 accepts is read without expanding the nested references.
    func testSmallEntityNestIsParsedWithoutExpansion() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY a "ha"> <!ENTITY b "&a;&a;&a;"> ]>
            <rss version="2.0"><channel><title>T</title>
            <item><title>X &b; Y</title><guid>1</guid><description>Plain &a; text</description></item></channel></rss>
            """
        let feed = try FeedParser.parse(data: Data(xml.utf8), url: nil)
        XCTAssertEqual(feed.items.count, 1)
        XCTAssertFalse(feed.items[0].title?.contains("hahaha") ?? true, "\(feed.items[0])")
        XCTAssertEqual(feed.items[0].content, .text("Plain ha text"))
    }

    func testExternalEntityIsNeverRead() throws {
        let dir = try TemporaryDirectory(prefix: "feeds-xxe")
        defer { dir.remove() }
        let secret = "SECRET-\(UUID().uuidString)"
        let secretFile = try dir.write("secret.txt", secret)
        for target in ["file:///etc/passwd", secretFile.absoluteString, secretFile.path] {
            let xml = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "\(target)"> ]>
                <rss version="2.0"><channel><title>T &xxe;</title>
                <item><title>Item &xxe;</title><description>Body &xxe; end</description><guid>g1</guid></item>
                </channel></rss>
                """
            let feed = try FeedParser.parse(data: Data(xml.utf8), url: nil)
            let text = "\(feed)"
            XCTAssertFalse(text.contains(secret), target)
            XCTAssertFalse(text.contains("root:"), target)
            XCTAssertEqual(feed.items.count, 1)
            let article = feed.items[0].article(feedURL: "https://example.org/feed", feedTitle: feed.title)
            XCTAssertFalse("\(article)".contains(secret))
            XCTAssertFalse("\(article)".contains("root:"))
        }
    }

    func testParameterEntityAndExternalDTDAreNotLoaded() throws {
        let dir = try TemporaryDirectory(prefix: "feeds-dtd")
        defer { dir.remove() }
        let dtd = try dir.write("evil.dtd", "<!ENTITY leak \"LEAKED-FROM-DTD\">")
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "\(dtd.absoluteString)" [ <!ENTITY % p SYSTEM "\(dtd.absoluteString)"> %p; ]>
            <rss version="2.0"><channel><title>T</title><item><title>A &leak; B</title><guid>x</guid></item></channel></rss>
            """
        let feed = try FeedParser.parse(data: Data(xml.utf8), url: nil)
        XCTAssertFalse("\(feed)".contains("LEAKED"))
    }

    func testPlainInternalEntityIsExpanded() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY site "Lantern Post"> ]>
            <rss version="2.0"><channel><title>The &site;</title></channel></rss>
            """
        XCTAssertEqual(try FeedParser.parse(data: Data(xml.utf8), url: nil).title, "The Lantern Post")
    }
}
