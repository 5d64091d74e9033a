import Foundation
import XCTest

@testable import Fetching

/// `BackgroundValue`: work run on a thread of its own while the caller goes on.
final class BackgroundValueTests: XCTestCase {
    func testTheWorkRunsBesideTheCallerAndItsValueIsKept() {
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let runs = NSLock()
        nonisolated(unsafe) var count = 0
        let caller = pthread_self()
        let background = BackgroundValue { () -> String in
            started.signal()
            // Blocks until the caller lets it go: only possible if it runs beside the caller.
            release.wait()
            runs.withLock { count += 1 }
            return pthread_equal(pthread_self(), caller) != 0 ? "same thread" : "other thread"
        }
        XCTAssertEqual(started.wait(timeout: .now() + 10), .success, "the work did not start on its own")
        release.signal()
        XCTAssertEqual(background.value, "other thread")
        XCTAssertEqual(background.value, "other thread", "read twice")
        XCTAssertEqual(runs.withLock { count }, 1, "the work ran once")
    }

    /// A value handed to `release` is freed once nothing else holds it (normally by the
    /// release thread: which thread frees it last is up to the scheduler).
    func testAReleasedValueIsFreed() {
        final class Tracked: Sendable {
            let freed: DispatchSemaphore
            init(_ freed: DispatchSemaphore) { self.freed = freed }
            deinit { freed.signal() }
        }
        let freed = DispatchSemaphore(value: 0)
        BackgroundValue<Void>.release([Tracked(freed), Tracked(freed)])
        XCTAssertEqual(freed.wait(timeout: .now() + 10), .success, "the value was never freed")
        XCTAssertEqual(freed.wait(timeout: .now() + 10), .success, "the value was freed only in part")
    }
}
