import XCTest

@testable import Storage

final class StateTimeTests: XCTestCase {
    func testFormatsUTCWithMilliseconds() {
        XCTAssertEqual(StateTime(rawValue: 0).description, "1970-01-01T00:00:00.000Z")
        XCTAssertEqual(StateTime(rawValue: 1_714_557_600_123).description, "2024-05-01T10:00:00.123Z")
        XCTAssertEqual(StateTime(rawValue: -1).description, "1969-12-31T23:59:59.999Z")
    }

    func testParsesWhatItFormats() {
        for raw: Int64 in [0, 1, 999, 1_714_557_600_123, 4_102_444_800_000, -86_400_001] {
            let time = StateTime(rawValue: raw)
            XCTAssertEqual(StateTime(iso8601: time.description), time, "\(raw)")
        }
    }

    func testParsesOtherFractionLengthsAndNoFraction() {
        XCTAssertEqual(StateTime(iso8601: "2024-05-01T10:00:00Z")?.rawValue, 1_714_557_600_000)
        XCTAssertEqual(StateTime(iso8601: "2024-05-01T10:00:00.5Z")?.rawValue, 1_714_557_600_500)
        XCTAssertEqual(StateTime(iso8601: "2024-05-01T10:00:00.123456789Z")?.rawValue, 1_714_557_600_123)
    }

    func testRejectsAnythingElse() {
        for text in ["", "2024-05-01", "2024-05-01T10:00:00", "2024-05-01T10:00:00+02:00", "2024-13-01T10:00:00Z",
                     "2024-05-01T25:00:00Z", "2024-05-01T10:00:00.Z", "yesterday", "2024-05-01T10:00:0xZ"] {
            XCTAssertNil(StateTime(iso8601: text), text)
        }
    }

    func testRoundsDatesToMillisecondsAndBack() {
        XCTAssertEqual(StateTime(Date(timeIntervalSince1970: 1.2345678)).rawValue, 1235)
        XCTAssertEqual(StateTime(Date(timeIntervalSince1970: 1.2341)).rawValue, 1234)
        for raw: Int64 in [1, 1234, 1_714_557_600_123, 1_999_999_999_999] {
            XCTAssertEqual(StateTime(StateTime(rawValue: raw).date).rawValue, raw)
        }
    }

    func testClockNeverGoesBelowTheFloor() {
        let future = StateTime(rawValue: StateTime(Date()).rawValue + 60_000)
        XCTAssertEqual(StateClock.now(after: future), future.next)
        let past = StateTime(rawValue: 1000)
        XCTAssertGreaterThan(StateClock.now(after: past), past)
        XCTAssertGreaterThan(StateClock.now(after: past).rawValue, 1_600_000_000_000)
    }
}
