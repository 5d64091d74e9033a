import Articles
import BulletinTestSupport
import Foundation
import XCTest

@testable import Fetching

/// Ordinary answers: bodies, headers, validators, statuses, encodings, against the real test server.
final class HTTPFetcherTests: LocalServerTestCase {
    func testFetchesAFileWithItsValidatorsAndType() async throws {
        try root.write("feed.rss", "<rss version=\"2.0\"><channel><title>T</title></channel></rss>")
        let document = try document(await fetch("/files/feed.rss"))
        XCTAssertEqual(document.status, 200)
        XCTAssertEqual(String(decoding: document.body, as: UTF8.self), "<rss version=\"2.0\"><channel><title>T</title></channel></rss>")
        XCTAssertEqual(document.finalURL, server.url("/files/feed.rss"))
        XCTAssertEqual(document.contentType, ContentType(mediaType: "application/rss+xml"))
        XCTAssertNotNil(document.etag)
        XCTAssertNotNil(document.lastModified)
    }

    func testETagAndLastModifiedRoundTripTo304() async throws {
        try root.write("feed.rss", "<rss/>")
        let first = try document(await fetch("/files/feed.rss"))
        let second = await fetch("/files/feed.rss", conditional: first.validators)
        XCTAssertEqual(second, .notModified(finalURL: server.url("/files/feed.rss"), validators: first.validators))
        XCTAssertEqual(second.statusLine, "not modified")
        let seen = try server.requests(pathPrefix: "/files/feed.rss")
        XCTAssertEqual(seen.count, 2)
        XCTAssertNil(seen[0].header("If-None-Match"))
        XCTAssertNil(seen[0].header("If-Modified-Since"))
        XCTAssertEqual(seen[1].header("If-None-Match"), first.etag)
        XCTAssertEqual(seen[1].header("If-Modified-Since"), first.lastModified)
    }

    func testLastModifiedAloneGives304() async throws {
        try root.write("feed.rss", "<rss/>")
        let first = try document(await fetch("/files/feed.rss"))
        let second = await fetch("/files/feed.rss", conditional: ConditionalHeaders(lastModified: first.lastModified))
        guard case .notModified = second else { return XCTFail("\(second)") }
    }

    func testChangedFileIsFetchedAgain() async throws {
        try root.write("feed.rss", "<rss>one</rss>")
        let first = try document(await fetch("/files/feed.rss"))
        try root.write("feed.rss", "<rss>two, changed</rss>")
        let second = try document(await fetch("/files/feed.rss", conditional: ConditionalHeaders(etag: first.etag)))
        XCTAssertEqual(String(decoding: second.body, as: UTF8.self), "<rss>two, changed</rss>")
        XCTAssertNotEqual(second.etag, first.etag)
    }

    func testValidatorsAreSentExactlyAsReceived() async throws {
        // A weak ETag and a Last-Modified in an odd but legal spelling must come back byte for byte.
        let etag = "W/\"v1-abc\""
        let lastModified = "Sunday, 06-Nov-94 08:49:37 GMT"
        let path = "/validators?etag=W%2F%22v1-abc%22&last_modified=Sunday%2C%2006-Nov-94%2008%3A49%3A37%20GMT"
        let first = try document(await fetch(path))
        XCTAssertEqual(first.etag, etag)
        XCTAssertEqual(first.lastModified, lastModified)
        let second = await fetch(path, conditional: first.validators)
        guard case .notModified(_, let validators) = second else { return XCTFail("\(second)") }
        XCTAssertEqual(validators, ConditionalHeaders(etag: etag, lastModified: lastModified))
        let seen = try server.requests(pathPrefix: "/validators")
        XCTAssertEqual(seen.last?.header("If-None-Match"), etag)
        XCTAssertEqual(seen.last?.header("If-Modified-Since"), lastModified)
    }

    func testUserAgentNamesBulletinAndItsVersionAndAcceptsGzipDeflate() async throws {
        _ = await fetch("/status/204")
        let seen = try XCTUnwrap(try server.requests(pathPrefix: "/status/204").last)
        XCTAssertEqual(seen.header("User-Agent"), "Bulletin/\(BulletinVersion.current) (terminal article reader)")
        XCTAssertEqual(seen.header("Accept-Encoding"), "gzip, deflate")
        XCTAssertTrue(seen.header("Accept")?.hasPrefix("application/rss+xml") == true)
    }

    func testUserAgentCanBeOverridden() async throws {
        var limits = Self.testLimits
        limits.userAgent = "Bulletin/test (settings)"
        let document = try await HTTPFetcher.withFetcher(limits: limits) { fetcher in
            await fetcher.fetch(url: server.url("/html-page"), kind: .page)
        }
        XCTAssertNotNil(document.document)
        let seen = try XCTUnwrap(try server.requests(pathPrefix: "/html-page").last)
        XCTAssertEqual(seen.header("User-Agent"), "Bulletin/test (settings)")
        XCTAssertTrue(seen.header("Accept")?.hasPrefix("text/html") == true)
    }

    func testGzipAndDeflateBodiesAreDecoded() async throws {
        let plain = try document(await fetch("/feed?items=300"))
        let gzip = try document(await fetch("/gzip?items=300"))
        let deflate = try document(await fetch("/deflate?items=300"))
        XCTAssertGreaterThan(plain.body.count, 50_000)
        XCTAssertEqual(gzip.body, plain.body)
        XCTAssertEqual(deflate.body, plain.body)
    }

    func testTenThousandItemFeed() async throws {
        let document = try document(await fetch("/feed?items=10000"))
        let text = String(decoding: document.body, as: UTF8.self)
        XCTAssertEqual(text.components(separatedBy: "<item>").count - 1, 10_000)
        XCTAssertTrue(text.contains("<guid>item-9999</guid>"))
        XCTAssertTrue(text.hasSuffix("</rss>\n"))
    }

    func testWrongCharsetHeaderIsReportedAndTheBytesAreUntouched() async throws {
        let document = try document(await fetch("/wrong-charset"))
        XCTAssertEqual(document.contentType?.charset, "iso-8859-1")
        // The body is UTF-8 whatever the header says; the client hands over the bytes as sent.
        XCTAssertTrue(String(decoding: document.body, as: UTF8.self).contains("Café — naïve"))
    }

    func testHTMLPageWhereAFeedIsExpectedIsMarkedAsHTML() async throws {
        let document = try document(await fetch("/html-page", kind: .feed))
        XCTAssertEqual(document.contentType?.isHTML, true)
        XCTAssertEqual(document.contentType?.charset, "utf-8")
    }

    func testErrorStatusesSayWhatTheyAre() async throws {
        let fetched1 = await fetch("/status/404")
        XCTAssertEqual(failure(fetched1), .httpStatus(404))
        let fetched2 = await fetch("/status/404")
        XCTAssertEqual(failure(fetched2)?.message, "HTTP 404 Not Found")
        let fetched3 = await fetch("/status/500")
        XCTAssertEqual(failure(fetched3)?.message, "HTTP 500 Internal Server Error")
        let fetched4 = await fetch("/status/410")
        XCTAssertEqual(failure(fetched4)?.message, "HTTP 410 Gone")
        let fetched5 = await fetch("/status/418")
        XCTAssertEqual(failure(fetched5)?.message, "HTTP 418 client error")
    }

    func testRetryAfterSecondsOn429() async throws {
        let before = Date()
        let result = await fetch("/retry?status=429&seconds=120")
        let error = try XCTUnwrap(failure(result))
        let until = try XCTUnwrap(error.retryAfter)
        XCTAssertEqual(until.timeIntervalSince(before), 120, accuracy: 5)
        XCTAssertEqual(error.httpStatus, 429)
        XCTAssertTrue(error.message.hasPrefix("HTTP 429 Too Many Requests, retry after "), error.message)
    }

    func testRetryAfterDateOn503() async throws {
        let date = RetryAfter.httpDate(Date().addingTimeInterval(3600))
        let query = date.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let result = await fetch("/retry?status=503&date=\(query)")
        let error = try XCTUnwrap(failure(result))
        XCTAssertEqual(error.message, "HTTP 503 Service Unavailable, retry after \(date)")
    }

    func testUnparsableRetryAfterIsAPlainStatus() async throws {
        let fetched6 = await fetch("/retry?status=503&date=later")
        XCTAssertEqual(failure(fetched6), .httpStatus(503))
    }

    func testConnectionRefused() async throws {
        let other = try LocalHTTPServer.start(root: root.url)
        let port = other.port
        other.stop()
        let started = ContinuousClock.now
        let result = await fetcher.fetch(url: URL(string: "http://127.0.0.1:\(port)/feed")!, kind: .feed)
        XCTAssertEqual(failure(result), .connectionRefused("127.0.0.1:\(port)"))
        XCTAssertEqual(failure(result)?.message, "connection refused by 127.0.0.1:\(port)")
        // At once, not after the connect timeout (10 s) of connection attempts tried again.
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(5))
    }

    func testOnlyHTTPAndHTTPSURLsAreFetched() async throws {
        let file = await fetcher.fetch(url: URL(fileURLWithPath: "/etc/passwd"), kind: .feed)
        XCTAssertEqual(failure(file), .unsupportedScheme("file"))
        let ftp = await fetcher.fetch(url: URL(string: "ftp://127.0.0.1/feed")!, kind: .feed)
        XCTAssertEqual(failure(ftp)?.message, "unsupported address scheme ftp:// (only http and https)")
    }

    func testCancellingAFetchEndsItAtOnce() async throws {
        let started = ContinuousClock.now
        let fetcher = self.fetcher!
        let url = server.url("/stall-headers?seconds=20")
        let task = Task { await fetcher.fetch(url: url, kind: .feed) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let result = await task.value
        XCTAssertEqual(failure(result), .cancelled)
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(3))
    }

    func testAFetcherDroppedWithoutShutdownDoesNotCrash() async throws {
        var fetcher: HTTPFetcher? = HTTPFetcher(limits: Self.testLimits)
        let status = await fetcher?.fetch(url: server.url("/status/204"), kind: .feed).document?.status
        XCTAssertEqual(status, 204)
        fetcher = nil
        try await fetcher?.shutdown()  // nothing left to shut down: a second shutdown is a no-op
    }

    func testShutdownTwiceIsHarmless() async throws {
        let fetcher = HTTPFetcher(limits: Self.testLimits)
        try await fetcher.shutdown()
        try await fetcher.shutdown()
        let result = await fetcher.fetch(url: server.url("/status/204"), kind: .feed)
        XCTAssertEqual(failure(result)?.message, "network error: the HTTP client was already shut down")
    }

    func testManyFetchersStartAndShutDownCleanly() async throws {
        for _ in 0..<5 {
            let status = try await HTTPFetcher.withFetcher(limits: Self.testLimits) { fetcher in
                await fetcher.fetch(url: server.url("/status/204"), kind: .feed).document?.status
            }
            XCTAssertEqual(status, 204)
        }
    }
}
