import Foundation
import XCTest

@testable import Articles

/// The arithmetic date text against Foundation's ISO 8601 style.
final class ArticleDateFormatTests: XCTestCase {
    func testWholeSecondsMatchFoundation() {
        var samples: [Double] = [0, 59, 86_399, 86_400, 951_782_400, 951_868_799, 1_709_251_200, 4_107_542_400,
                                 253_402_300_799]
        var seed: UInt64 = 12_345
        for _ in 0..<20_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            samples.append(Double((seed >> 20) % 253_402_300_800))
        }
        for t in samples {
            let date = Date(timeIntervalSince1970: t)
            XCTAssertEqual(ArticleDateFormat.wholeSecondUTC(date), date.formatted(.iso8601), "\(t)")
            XCTAssertEqual(ArticleDateFormat.format(date), date.formatted(.iso8601), "\(t)")
        }
    }

    func testOtherDatesUseFoundation() {
        for t in [-1.0, 0.5, 253_402_300_800, -62_135_596_800] {
            let date = Date(timeIntervalSince1970: t)
            XCTAssertNil(ArticleDateFormat.wholeSecondUTC(date))
            XCTAssertEqual(ArticleDateFormat.format(date), date.formatted(.iso8601))
        }
        XCTAssertEqual(ArticleDateFormat.day(Date(timeIntervalSince1970: 1_709_251_200)), "2024-03-01")
    }
}
