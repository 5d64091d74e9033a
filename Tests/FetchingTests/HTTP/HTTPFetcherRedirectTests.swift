import BulletinTestSupport
import Foundation
import XCTest

@testable import Fetching

/// Redirects against the real server: chains, loops, missing locations and other schemes.
final class HTTPFetcherRedirectTests: LocalServerTestCase {
    func testFiveRedirectsAreFollowed() async throws {
        let document = try document(await fetch("/redirect/chain/5"))
        XCTAssertEqual(String(decoding: document.body, as: UTF8.self), "end of chain")
        XCTAssertEqual(document.finalURL, server.url("/redirect/chain/0"))
        XCTAssertEqual(try server.requests(pathPrefix: "/redirect/chain/").count, 6)
    }

    func testSixRedirectsAreTooMany() async throws {
        let result = await fetch("/redirect/chain/6")
        XCTAssertEqual(failure(result), .tooManyRedirects(5))
        XCTAssertEqual(failure(result)?.message, "too many redirects (more than 5)")
        XCTAssertEqual(try server.requests(pathPrefix: "/redirect/chain/").count, 6)
    }

    func testLoopIsRefused() async throws {
        let result = await fetch("/redirect/loop/a")
        XCTAssertEqual(failure(result), .redirectLoop(server.url("/redirect/loop/a")))
        XCTAssertEqual(try server.requests(pathPrefix: "/redirect/loop/").count, 2)
    }

    func testRedirectToFileIsRefusedAndNothingIsRead() async throws {
        let secret = try root.write("secret.txt", "do not read")
        let location = "file://\(secret.path)".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let result = await fetch("/redirect/to?location=\(location)")
        XCTAssertEqual(failure(result), .redirectToUnsupportedScheme("file"))
        XCTAssertEqual(failure(result)?.message, "redirect to a file:// address refused (only http and https)")
    }

    func testRedirectToAPlainPathStaysOnTheServer() async throws {
        // A bare absolute path is a path on the same server, never a local file.
        let result = await fetch("/redirect/to?location=%2Fetc%2Fpasswd")
        XCTAssertEqual(failure(result), .httpStatus(404))
        XCTAssertEqual(try server.requests(pathPrefix: "/etc/passwd").count, 1)
    }

    func testPermanentAndTemporaryStatusesAreFollowed() async throws {
        for status in [301, 302, 303, 307, 308] {
            let document = try document(await fetch("/redirect/to?status=\(status)&location=%2Fhtml-page"))
            XCTAssertEqual(document.finalURL, server.url("/html-page"), "\(status)")
        }
    }

    func testRedirectWithoutLocation() async throws {
        let fetched1 = await fetch("/redirect/none")
        XCTAssertEqual(failure(fetched1), .redirectWithoutLocation)
    }

    func testValidatorsAndUserAgentGoWithEveryHop() async throws {
        let validators = ConditionalHeaders(etag: "\"e1\"", lastModified: nil)
        _ = await fetch("/redirect/to?location=%2Fvalidators%3Fetag%3D%2522e1%2522", conditional: validators)
        let hops = try server.requests()
        XCTAssertEqual(hops.count, 2)
        for hop in hops {
            XCTAssertEqual(hop.header("If-None-Match"), "\"e1\"", hop.path)
            XCTAssertEqual(hop.header("User-Agent"), HTTPLimits.defaultUserAgent, hop.path)
        }
    }

    func testRedirectThenNotModifiedReportsTheFinalURL() async throws {
        let result = await fetch("/redirect/to?location=%2Fvalidators%3Fetag%3D%2522e1%2522",
                                 conditional: ConditionalHeaders(etag: "\"e1\""))
        XCTAssertEqual(result, .notModified(finalURL: server.url("/validators?etag=%22e1%22"),
                                            validators: ConditionalHeaders(etag: "\"e1\"")))
    }
}
