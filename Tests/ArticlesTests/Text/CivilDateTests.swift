import Foundation
import XCTest

@testable import Articles

/// Calendar arithmetic against Foundation's Gregorian calendar in UTC (from 1600: Foundation
/// switches to the Julian calendar before 1582, while ``CivilDate`` stays proleptic).
final class CivilDateTests: XCTestCase {
    func testDaysAndCivilAgreeWithFoundationAndWithEachOther() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var days = -800_000  // year -220
        while days < 3_000_000 {  // year 10183
            let (year, month, day) = CivilDate.civil(days: days)
            XCTAssertEqual(CivilDate.days(year: year, month: month, day: day), days)
            if days % 997 == 0, year >= 1600 {
                let date = calendar.date(from: DateComponents(year: year, month: month, day: day))!
                XCTAssertEqual(Int((date.timeIntervalSince1970 / 86_400).rounded(.down)), days, "\(year)-\(month)-\(day)")
            }
            days += 37
        }
        XCTAssertEqual(CivilDate.days(year: 1970, month: 1, day: 1), 0)
        XCTAssertEqual(CivilDate.days(year: 2024, month: 2, day: 29), 19_782)
        XCTAssertEqual(CivilDate.days(year: 2000, month: 3, day: 1) - CivilDate.days(year: 2000, month: 2, day: 28), 2)
        XCTAssertEqual(CivilDate.days(year: 1900, month: 3, day: 1) - CivilDate.days(year: 1900, month: 2, day: 28), 1)
    }
}
