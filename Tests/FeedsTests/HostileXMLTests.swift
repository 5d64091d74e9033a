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

    /// One 10 KB entity referenced in every item: expansion stops at the document's budget.
    func testQuadraticBlowupIsBounded() throws {
        let big = String(repeating: "ha", count: 5_000)
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [ <!ENTITY big \"\(big)\"> ]><rss version=\"2.0\"><channel><title>Q</title>"
        for i in 0..<2_000 { xml += "<item><guid>\(i)</guid><title>&big;&big;&big;</title></item>" }
        xml += "</channel></rss>"
        let clock = ContinuousClock()
        var feed: ParsedFeed!
        let elapsed = try clock.measure { feed = try FeedParser.parse(data: Data(xml.utf8), url: nil) }
        XCTAssertLessThan(elapsed, .seconds(5))
        XCTAssertEqual(feed.items.count, 2_000)
        let expanded = feed.items.reduce(0) { $0 + ($1.title?.utf8.count ?? 0) }
        XCTAssertLessThan(expanded, (1 << 20) + 2_000 * 20, "at most 1 MiB of expansion in all")
        XCTAssertEqual(feed.items[0].title?.utf8.count, 30_000, "the first items are expanded")
        XCTAssertEqual(feed.items[1_999].title, "&big;&big;&big;", "later ones are left as references")
    }

    /// An entity naming a FIFO: opening it would block until a writer came, so a parse that
    /// returns at once never tried to read the entity at all.
    func testExternalEntityIsNeverOpened() throws {
        let dir = try TemporaryDirectory(prefix: "feeds-fifo")
        defer { dir.remove() }
        let fifo = dir.file("entity.fifo")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        for reference in [fifo.absoluteString, fifo.path] {
            let xml = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY x SYSTEM "\(reference)"> ]>
                <rss version="2.0"><channel><title>T &x;</title><item><guid>1</guid><title>&x;</title></item></channel></rss>
                """
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var outcome: Result<ParsedFeed, Error>?
            Thread.detachNewThread {
                outcome = Result { try FeedParser.parse(data: Data(xml.utf8), url: nil) }
                done.signal()
            }
            if done.wait(timeout: .now() + 5) == .timedOut {
                // Unblock the reader before failing, so that no thread is left waiting.
                let fd = open(fifo.path, O_WRONLY)
                if fd >= 0 { close(fd) }
                _ = done.wait(timeout: .now() + 5)
                XCTFail("the parser opened the entity's file \(reference)")
            }
            XCTAssertEqual(try outcome?.get().items.count, 1)
        }
    }
}
