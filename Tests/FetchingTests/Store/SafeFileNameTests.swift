import Foundation
import XCTest

@testable import Fetching

final class SafeFileNameTests: XCTestCase {
    func testHostileNamesBecomeSafe() {
        XCTAssertEqual(SafeFileName.make("../../etc/passwd"), "etc-passwd")
        XCTAssertEqual(SafeFileName.make(".hidden"), "hidden")
        XCTAssertEqual(SafeFileName.make("a\u{0}b\u{1B}[31mc"), "a-b-[31mc")
        XCTAssertEqual(SafeFileName.make("bidi\u{202E}txt.exe"), "bidi-txt.exe")
        XCTAssertEqual(SafeFileName.make(".."), "")
        let long = SafeFileName.make(String(repeating: "é", count: 300))
        XCTAssertLessThanOrEqual(long.utf8.count, 120)
        XCTAssertEqual(long, String(repeating: "é", count: 60))
    }

    func testSlugs() {
        XCTAssertEqual(SafeFileName.slug("Night Trains: Return!"), "night-trains-return")
        XCTAssertEqual(SafeFileName.slug("Ünïcode — titles"), "ünïcode-titles")
    }
}
