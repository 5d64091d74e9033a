import Foundation
import XCTest

@testable import Fetching

/// Counts how many jobs run at once, in all and per host, and remembers the peaks.
private actor ConcurrencyProbe {
    private var running = 0
    private var perHost: [String: Int] = [:]
    private(set) var peak = 0
    private(set) var peakPerHost: [String: Int] = [:]
    private(set) var finished = 0

    func enter(_ host: String) {
        running += 1
        perHost[host, default: 0] += 1
        peak = max(peak, running)
        peakPerHost[host] = max(peakPerHost[host, default: 0], perHost[host]!)
    }

    func leave(_ host: String) {
        running -= 1
        perHost[host]! -= 1
        finished += 1
    }
}

final class FetchLimiterTests: XCTestCase {
    func testAtMostEightInAllAndTwoPerHost() async throws {
        let limiter = FetchLimiter()
        XCTAssertEqual(limiter.maxTotal, 8)
        XCTAssertEqual(limiter.maxPerHost, 2)
        let probe = ConcurrencyProbe()
        let hosts = (0..<6).map { "host\($0).test" }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for job in 0..<60 {
                let host = hosts[job % hosts.count]
                group.addTask {
                    try await limiter.run(for: URL(string: "http://\(host.uppercased()):\(8000 + job)/feed")!) {
                        await probe.enter(host)
                        try await Task.sleep(for: .milliseconds(20))
                        await probe.leave(host)
                    }
                }
            }
            try await group.waitForAll()
        }
        let peak = await probe.peak
        let peakPerHost = await probe.peakPerHost
        let finished = await probe.finished
        XCTAssertEqual(finished, 60)
        XCTAssertLessThanOrEqual(peak, 8)
        XCTAssertGreaterThan(peak, 2, "different hosts run side by side")
        XCTAssertEqual(peakPerHost.values.max(), 2)
        let load = await limiter.load(host: "host0.test")
        XCTAssertEqual(load.total, 0)
        XCTAssertEqual(load.host, 0)
    }

    func testABusyHostDoesNotBlockOthers() async throws {
        let limiter = FetchLimiter(maxTotal: 4, maxPerHost: 1)
        let gate = AsyncStream<Void>.makeStream()
        // One job holds the only slot of a.test; a second a.test job waits behind it.
        let holder = Task { try await limiter.run(host: "a.test") { for await _ in gate.stream { break } } }
        try await Task.sleep(for: .milliseconds(50))
        let waiting = Task { try await limiter.run(host: "a.test") { "second a" } }
        try await Task.sleep(for: .milliseconds(50))
        // A job for b.test, queued after the waiting one, starts at once.
        let other = try await limiter.run(host: "b.test") { "b" }
        XCTAssertEqual(other, "b")
        gate.continuation.yield()
        gate.continuation.finish()
        try await holder.value
        let second = try await waiting.value
        XCTAssertEqual(second, "second a")
    }

    func testCancelledWaiterLeavesTheQueue() async throws {
        let limiter = FetchLimiter(maxTotal: 1, maxPerHost: 1)
        let gate = AsyncStream<Void>.makeStream()
        let holder = Task { try await limiter.run(host: "a.test") { for await _ in gate.stream { break } } }
        try await Task.sleep(for: .milliseconds(50))
        let waiter = Task { try await limiter.run(host: "b.test") { "ran" } }
        try await Task.sleep(for: .milliseconds(50))
        waiter.cancel()
        do {
            _ = try await waiter.value
            XCTFail("a cancelled waiter must not run")
        } catch is CancellationError {}
        gate.continuation.yield()
        gate.continuation.finish()
        try await holder.value
        let load = await limiter.load(host: "a.test")
        XCTAssertEqual(load.total, 0)
        let ran = try await limiter.run(host: "c.test") { 1 }
        XCTAssertEqual(ran, 1)
    }

    func testErrorsFreeTheSlot() async throws {
        struct Boom: Error {}
        let limiter = FetchLimiter(maxTotal: 1, maxPerHost: 1)
        for _ in 0..<3 {
            do {
                try await limiter.run(host: "a.test") { throw Boom() }
                XCTFail("expected the error")
            } catch is Boom {}
        }
        let after = await limiter.load(host: "a.test")
        XCTAssertEqual(after.total, 0)
    }
}
