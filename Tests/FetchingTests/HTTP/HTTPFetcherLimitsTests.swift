import BulletinTestSupport
import Foundation
import XCTest

@testable import Fetching

/// Hostile answers: oversized and compressed bodies, slow and stalled servers, long fetches.
final class HTTPFetcherLimitsTests: LocalServerTestCase {
    func testBodyOverTheFeedCapIsRefusedByContentLength() async throws {
        let limit = HTTPLimits.standard.feedBodyLimit
        let fetched1 = await fetch("/bytes?n=\(limit + 1)")
        XCTAssertEqual(failure(fetched1), .tooLarge(limit: limit))
        let fetched2 = await fetch("/bytes?n=\(limit + 1)")
        XCTAssertEqual(failure(fetched2)?.message, "too large: the body is over 10 MiB")
        let fetched3 = await fetch("/bytes?n=\(limit)")
        XCTAssertEqual(try document(fetched3).body.count, limit)
    }

    func testBodyOverTheCapIsRefusedWhileStreamingWithoutALength() async throws {
        let limit = HTTPLimits.standard.feedBodyLimit
        let fetched4 = await fetch("/bytes?n=\(limit + 1)&chunked=1")
        XCTAssertEqual(failure(fetched4), .tooLarge(limit: limit))
        let fetched5 = await fetch("/bytes?n=\(limit)&chunked=1")
        XCTAssertEqual(try document(fetched5).body.count, limit)
    }

    func testPagesHaveTheSmallerCap() async throws {
        let pageLimit = HTTPLimits.standard.pageBodyLimit
        XCTAssertEqual(pageLimit, 5 << 20)
        let fetched6 = await fetch("/bytes?n=\(pageLimit + 1)&chunked=1", kind: .page)
        XCTAssertEqual(failure(fetched6), .tooLarge(limit: pageLimit))
        let fetched7 = await fetch("/bytes?n=\(pageLimit + 1)&chunked=1", kind: .feed)
        XCTAssertEqual(try document(fetched7).body.count, pageLimit + 1)
    }

    func testGzipBombIsRefusedWithoutBeingHeld() async throws {
        let baseline = PeakMemory.residentBytes() ?? 0
        let measured = PeakMemory.reset()
        let started = ContinuousClock.now
        let result = await fetch("/bomb?mb=400")
        let elapsed = ContinuousClock.now - started
        XCTAssertEqual(failure(result), .tooLarge(limit: 10 << 20))
        let page = await fetch("/bomb?mb=400", kind: .page)
        XCTAssertEqual(failure(page), .tooLarge(limit: 5 << 20))
        if measured, let peak = PeakMemory.bytes() {
            let mib = Double(peak) / 1_048_576
            print("gzip bomb (400 MiB of zeros): refused in \(elapsed), peak RSS \(String(format: "%.1f", mib)) MiB, "
                  + "resident before \(String(format: "%.1f", Double(baseline) / 1_048_576)) MiB")
            XCTAssertLessThan(peak, 200 << 20, "peak memory during the gzip bomb")
            // The whole process, tests included, grows by far less than the bomb's 400 MiB.
            XCTAssertLessThan(peak - baseline, 100 << 20)
        }
        let seen = try server.requests(pathPrefix: "/bomb")
        XCTAssertEqual(seen.first?.header("Accept-Encoding"), "gzip, deflate")
    }

    func testSlowTransferIsCut() async throws {
        // 20 bytes every 0.2 s is 100 B/s, far below 1 KB/s; the window is 1 s in tests.
        let started = ContinuousClock.now
        let result = await fetch("/slow?bytes=4000&chunk=20&interval=0.2")
        XCTAssertEqual(failure(result), .tooSlow(bytesPerSecond: 1024, window: .seconds(1)))
        XCTAssertEqual(failure(result)?.message, "timed out: the transfer was slower than 1024 bytes/s for 1 s")
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(3))
    }

    func testSlowButSteadyTransferIsKept() async throws {
        // 2 KB every 0.2 s is 10 KB/s for 1.4 s: over the low-speed rate, under the total timeout.
        let document = try document(await fetch("/slow?bytes=16384&chunk=2048&interval=0.2"))
        XCTAssertEqual(document.body.count, 16384)
    }

    func testStalledBodyIsCut() async throws {
        let started = ContinuousClock.now
        let result = await fetch("/stall?bytes=10&seconds=20")
        XCTAssertEqual(failure(result), .stalled(.seconds(1)))
        XCTAssertEqual(failure(result)?.message, "timed out: the server sent nothing for 1 s")
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(3))
    }

    func testServerThatNeverAnswersIsCut() async throws {
        let started = ContinuousClock.now
        let fetched8 = await fetch("/stall-headers?seconds=20")
        XCTAssertEqual(failure(fetched8), .stalled(.seconds(1)))
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(3))
    }

    func testTotalTimeoutCutsALongSteadyTransfer() async throws {
        // 8 KB every 0.2 s would take 10 s; the test total is 4 s.
        let started = ContinuousClock.now
        let result = await fetch("/slow?bytes=409600&chunk=8192&interval=0.2")
        XCTAssertEqual(failure(result), .totalTimeout(.seconds(4)))
        XCTAssertEqual(failure(result)?.message, "timed out: the fetch took longer than 4 s")
        let elapsed = ContinuousClock.now - started
        XCTAssertGreaterThanOrEqual(elapsed, .seconds(4))
        XCTAssertLessThan(elapsed, .seconds(6))
    }

    func testDocumentedDefaults() {
        let limits = HTTPLimits.standard
        XCTAssertEqual(limits.connectTimeout, .seconds(10))
        XCTAssertEqual(limits.lowSpeedBytesPerSecond, 1024)
        XCTAssertEqual(limits.lowSpeedWindow, .seconds(15))
        XCTAssertEqual(limits.totalTimeout, .seconds(60))
        XCTAssertEqual(limits.maxRedirects, 5)
        XCTAssertEqual(limits.feedBodyLimit, 10 << 20)
        XCTAssertEqual(limits.pageBodyLimit, 5 << 20)
    }
}
