import Foundation
import XCTest

@testable import Feeds

/// The field helpers every reader goes through.
final class FeedTextTests: XCTestCase {
    func testLine() {
        XCTAssertEqual(FeedText.line("  Two\n lines\tand &amp; more  "), "Two lines and & more")
        XCTAssertNil(FeedText.line(" \n "))
        XCTAssertNil(FeedText.line(nil))
        XCTAssertEqual(FeedText.line("a\u{1B}[31mb\u{202E}c"), "abc")
    }

    func testPerson() {
        XCTAssertEqual(FeedText.person("jane@example.org (Jane Doe)"), "Jane Doe")
        XCTAssertEqual(FeedText.person("Jane Doe <jane@example.org>"), "Jane Doe")
        XCTAssertEqual(FeedText.person("Jane (the editor)"), "Jane (the editor)", "no email: kept whole")
        XCTAssertEqual(FeedText.person("jane@example.org"), "jane@example.org")
        XCTAssertNil(FeedText.person(""))
    }

    func testLink() {
        XCTAssertEqual(FeedText.link(" https://a.example/x "), "https://a.example/x")
        XCTAssertEqual(FeedText.link("HTTP://A.example/"), "HTTP://A.example/")
        XCTAssertEqual(FeedText.link("/x/y", base: "https://a.example/feed/"), "https://a.example/x/y")
        XCTAssertEqual(FeedText.link("y", base: "https://a.example/feed/"), "https://a.example/feed/y")
        XCTAssertEqual(FeedText.link("a b", base: "https://a.example/"), "https://a.example/a%20b")
        XCTAssertNil(FeedText.link("/x", base: nil), "relative without a base")
        XCTAssertNil(FeedText.link("/x", base: "file:///etc/"), "only web bases")
        XCTAssertNil(FeedText.link("javascript:alert(1)", base: "https://a.example/"))
        XCTAssertNil(FeedText.link("file:///etc/passwd"))
        XCTAssertNil(FeedText.link("data:text/html,hi", base: "https://a.example/"))
        XCTAssertNil(FeedText.link("   "))
    }

    func testMarkupDetection() {
        XCTAssertTrue(FeedText.looksLikeMarkup("<p>x</p>"))
        XCTAssertTrue(FeedText.looksLikeMarkup("a</b>"))
        XCTAssertTrue(FeedText.looksLikeMarkup("Fish &amp; chips"))
        XCTAssertTrue(FeedText.looksLikeMarkup("&#8217;"))
        XCTAssertFalse(FeedText.looksLikeMarkup("5 < 6 and 7 > 3"))
        XCTAssertFalse(FeedText.looksLikeMarkup("AT&T & friends"))
        XCTAssertEqual(FeedText.htmlToText("<b>Bold</b> 5 < 6"), " Bold  5 < 6")
    }

    func testTrimmed() {
        XCTAssertEqual(FeedText.trimmed("  a b \t"), "a b")
        XCTAssertEqual(FeedText.trimmed("plain"), "plain")
        XCTAssertEqual(FeedText.trimmed("   "), "")
        XCTAssertEqual(FeedText.trimmed("\u{00A0}é "), "é", "Unicode spaces through Foundation")
        XCTAssertEqual(FeedText.trimmed(" é"), "é")
    }

    func testShorten() {
        XCTAssertEqual(FeedText.shorten("short", limit: 10), "short")
        XCTAssertEqual(FeedText.shorten("one two three four five six", limit: 14), "one two three…")
    }
}
