import Foundation
import XCTest

@testable import Fetching

final class RedirectPolicyTests: XCTestCase {
    func policy(_ start: String, max: Int = 5) -> RedirectPolicy {
        RedirectPolicy(start: URL(string: start)!, maxRedirects: max)
    }

    func testRelativeLocationResolvesAgainstTheCurrentURL() throws {
        var chain = policy("http://example.test/feeds/a.xml")
        XCTAssertEqual(try chain.follow(location: "b.xml").absoluteString, "http://example.test/feeds/b.xml")
        XCTAssertEqual(try chain.follow(location: "/c.xml").absoluteString, "http://example.test/c.xml")
        XCTAssertEqual(chain.visited.count, 3)
    }

    func testHTTPToHTTPSIsAllowed() throws {
        var chain = policy("http://example.test/a")
        XCTAssertEqual(try chain.follow(location: "https://example.test/a").scheme, "https")
    }

    func testHTTPSToHTTPDowngradeIsRefused() {
        var chain = policy("https://example.test/a")
        XCTAssertThrowsError(try chain.follow(location: "http://example.test/a")) { error in
            XCTAssertEqual(error as? FetchError, .downgradeRefused(URL(string: "http://example.test/a")!))
            XCTAssertEqual((error as? FetchError)?.message,
                           "redirect from https to http refused (http://example.test/a)")
        }
    }

    func testDowngradeIsRefusedLaterInTheChainToo() throws {
        var chain = policy("http://example.test/a")
        _ = try chain.follow(location: "https://example.test/b")
        XCTAssertThrowsError(try chain.follow(location: "http://other.test/c")) { error in
            guard case .downgradeRefused = error as? FetchError else { return XCTFail("\(error)") }
        }
    }

    func testOnlyHTTPAndHTTPSSchemes() {
        for (location, scheme) in [("file:///etc/passwd", "file"), ("FILE:///etc/passwd", "file"),
                                   ("ftp://example.test/x", "ftp"), ("javascript:alert(1)", "javascript"),
                                   ("data:text/plain,hi", "data")] {
            var chain = policy("http://example.test/a")
            XCTAssertThrowsError(try chain.follow(location: location), location) { error in
                XCTAssertEqual(error as? FetchError, .redirectToUnsupportedScheme(scheme), location)
            }
        }
    }

    func testLoopIsNamed() throws {
        var chain = policy("http://example.test/a")
        _ = try chain.follow(location: "/b")
        XCTAssertThrowsError(try chain.follow(location: "/a#top")) { error in
            XCTAssertEqual(error as? FetchError, .redirectLoop(URL(string: "http://example.test/a#top")!))
        }
    }

    func testAtMostMaxRedirects() throws {
        var chain = policy("http://example.test/0", max: 5)
        for hop in 1...5 { _ = try chain.follow(location: "/\(hop)") }
        XCTAssertThrowsError(try chain.follow(location: "/6")) { error in
            XCTAssertEqual(error as? FetchError, .tooManyRedirects(5))
        }
    }

    func testMissingOrEmptyLocation() {
        var chain = policy("http://example.test/a")
        XCTAssertThrowsError(try chain.follow(location: nil)) { XCTAssertEqual($0 as? FetchError, .redirectWithoutLocation) }
        XCTAssertThrowsError(try chain.follow(location: "  ")) { XCTAssertEqual($0 as? FetchError, .redirectWithoutLocation) }
    }

    func testLocationWithoutHostIsInvalid() {
        var chain = policy("http://example.test/a")
        XCTAssertThrowsError(try chain.follow(location: "http:///nohost")) { error in
            XCTAssertEqual(error as? FetchError, .invalidRedirect("http:///nohost"))
        }
    }

    func testRedirectStatuses() {
        XCTAssertEqual([300, 301, 302, 303, 304, 305, 307, 308].filter(RedirectPolicy.isRedirect), [301, 302, 303, 307, 308])
    }
}
