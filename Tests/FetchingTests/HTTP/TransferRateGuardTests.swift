import XCTest

@testable import Fetching

final class TransferRateGuardTests: XCTestCase {
    let start = ContinuousClock.now

    func testFastEnoughTransferPasses() throws {
        var rate = TransferRateGuard(minimumBytesPerSecond: 1024, window: .seconds(15), start: start)
        for second in 1...60 {
            try rate.record(bytes: 2048, at: start + .seconds(second))
        }
    }

    func testSlowTransferIsCutAtTheEndOfAWindow() throws {
        var rate = TransferRateGuard(minimumBytesPerSecond: 1024, window: .seconds(15), start: start)
        // 1000 bytes a second: under 1 KB/s, but not judged before a whole window passed.
        for second in 1...14 { try rate.record(bytes: 1000, at: start + .seconds(second)) }
        XCTAssertThrowsError(try rate.record(bytes: 1000, at: start + .seconds(15))) { error in
            XCTAssertEqual(error as? FetchError, .tooSlow(bytesPerSecond: 1024, window: .seconds(15)))
        }
    }

    func testEachWindowIsJudgedOnItsOwn() throws {
        var rate = TransferRateGuard(minimumBytesPerSecond: 100, window: .seconds(10), start: start)
        try rate.record(bytes: 100_000, at: start + .seconds(1))  // a fast burst
        try rate.record(bytes: 0, at: start + .seconds(10))        // window 1 passes on the burst
        try rate.record(bytes: 10, at: start + .seconds(15))
        XCTAssertThrowsError(try rate.record(bytes: 10, at: start + .seconds(20)))  // window 2: 20 bytes in 10 s
    }
}
