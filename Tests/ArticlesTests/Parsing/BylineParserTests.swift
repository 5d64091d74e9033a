import Articles
import XCTest

final class BylineParserTests: XCTestCase {
    func testForms() {
        let cases: [(String, String)] = [
            ("By Teilor Stone", "Teilor Stone"), ("by Jane Doe", "Jane Doe"), ("BY JANE DOE", "JANE DOE"),
            ("Par Amélie Dubreuil", "Amélie Dubreuil"), ("Written by Jane Doe", "Jane Doe"),
            ("Words by Jane Doe", "Jane Doe"), ("Author: Jane Doe", "Jane Doe"), ("Von Max Muster", "Max Muster"),
            ("Por Ana García", "Ana García"), ("By Ludwig van Beethoven", "Ludwig van Beethoven"),
            ("By Jane Doe and John Roe", "Jane Doe and John Roe"), ("By J. R. Hartley", "J. R. Hartley"),
            ("By Reuters", "Reuters"), ("By Jane Doe, Science Correspondent", "Jane Doe"),
            ("By: Jane Doe", "Jane Doe"), ("— By Jane Doe", "Jane Doe"),
        ]
        for (line, name) in cases {
            let stripped = line.hasPrefix("— ") ? String(line.dropFirst(2)) : line
            XCTAssertEqual(BylineParser.parse(stripped)?.name, name, line)
        }
    }

    func testDateAfterTheName() {
        let parsed = BylineParser.parse("Written by Tomasz Wilk | 3 March 2024")
        XCTAssertEqual(parsed?.name, "Tomasz Wilk")
        XCTAssertEqual(parsed?.date, DateLineParser.makeDate(year: 2024, month: 3, day: 3))
        XCTAssertEqual(BylineParser.parse("Par Amélie Dubreuil, le 5 mars 2024")?.date,
                       DateLineParser.makeDate(year: 2024, month: 3, day: 5))
    }

    func testSentencesAreNotBylines() {
        for line in [
            "By the end of the year, prices had doubled.", "By 2030, most cars will be electric.",
            "Par ailleurs, le projet avance.", "By Monday", "By Friday, prices rose again across the whole region.",
            "Von Berlin aus fährt der Zug.", "By far the best option", "Bypass roads are closed.",
        ] {
            XCTAssertNil(BylineParser.parse(line), line)
        }
    }
}
