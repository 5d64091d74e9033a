import XCTest

@testable import Articles

/// The counted dates are Foundation's calendar dates, bit for bit, and the same days are refused.
final class DateLineParserMakeDateTests: XCTestCase {
    func testCountedDatesAreTheCalendarDates() {
        var checked = 0
        for year in [1600, 1601, 1700, 1899, 1900, 1901, 1970, 1999, 2000, 2001, 2023, 2024, 2096, 2100, 2101, 2400, 9999] {
            for month in 0...13 {
                for day in 0...32 {
                    let counted = DateLineParser.makeDate(year: year, month: month, day: day)
                    let calendar = DateLineParser.calendarDate(year: year, month: month, day: day)
                    XCTAssertEqual(counted?.timeIntervalSinceReferenceDate.bitPattern,
                                   calendar?.timeIntervalSinceReferenceDate.bitPattern, "\(year)-\(month)-\(day)")
                    if counted != nil { checked += 1 }
                }
            }
        }
        XCTAssertGreaterThan(checked, 17 * 365)
        XCTAssertNil(DateLineParser.makeDate(year: 2023, month: 2, day: 29))
        XCTAssertNotNil(DateLineParser.makeDate(year: 2024, month: 2, day: 29))
    }
}
