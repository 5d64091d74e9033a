import Articles
import XCTest

final class DateLineParserTests: XCTestCase {
    private let march3 = DateLineParser.makeDate(year: 2024, month: 3, day: 3)!

    func testForms() {
        for line in [
            "2024-03-03", "2024-03-03T09:30:00Z", "2024/03/03", "03.03.2024", "3 March 2024", "3rd March 2024",
            "March 3, 2024", "Mar. 3 2024", "Sunday, March 3, 2024", "Published 3 March 2024",
            "Published on March 3, 2024", "Updated: 3 March 2024, 10:15", "Posted on 3 Mar 2024 at 9:30 pm",
            "3 mars 2024", "Publié le 3 mars 2024 à 10h15", "Mis à jour le dimanche 3 mars 2024", "3. März 2024",
            "3 de marzo de 2024", "Date: 2024-03-03",
        ] {
            XCTAssertEqual(DateLineParser.parse(line), march3, line)
        }
        XCTAssertEqual(DateLineParser.parse("1er mars 2024"), DateLineParser.makeDate(year: 2024, month: 3, day: 1))
        XCTAssertEqual(DateLineParser.parse("August 31, 2023"), DateLineParser.makeDate(year: 2023, month: 8, day: 31))
    }

    func testMidnightUTC() {
        XCTAssertEqual(march3.timeIntervalSince1970, 1_709_424_000)
    }

    func testNotDates() {
        for line in [
            "In March 2024, the company grew.", "2024", "March 2024", "03/04/2024", "February 30, 2024",
            "May is a good month to plant", "The 3 March 2024 meeting was cancelled.", "Call 1-800-268-7116",
        ] {
            XCTAssertNil(DateLineParser.parse(line), line)
        }
    }
}
