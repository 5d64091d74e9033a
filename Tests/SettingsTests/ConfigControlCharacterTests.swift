import XCTest

@testable import Settings

/// Control characters that TOML forbids are one clear error at their place, before TOMLKit
/// (whose toml++ asserted on some of them inside a table name: a `make fuzz` finding).
final class ConfigControlCharacterTests: XCTestCase {
    func testControlCharactersAreRefusedWithTheirPosition() {
        let result = ConfigLoader.load(text: "[reader]\nmeasure = 70\n[\u{06}\u{00}ys]\n", file: "config.toml")
        XCTAssertFalse(result.isValid)
        XCTAssertEqual(result.errors.map(\.description), ["config.toml:3:2: control character U+0006 is not allowed in TOML"])
        XCTAssertEqual(result.settings, .defaults)
        let del = ConfigLoader.load(text: "# comment \u{7F}\n", file: "c.toml")
        XCTAssertEqual(del.errors.first?.column, 11)
    }

    func testTabsAndLineBreaksAreFine() {
        XCTAssertTrue(ConfigLoader.load(text: "[reader]\r\n\tmeasure = 70\t# tab\r\n", file: "c.toml").isValid)
    }
}
