import XCTest

@testable import Settings

/// Control characters that TOML forbids, and table headers without a name, are one clear
/// error at their place, before TOMLKit (whose toml++ asserts on them inside a table
/// header, stopping the process: `make fuzz` findings).
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

    func testTableHeadersWithoutANameAreRefusedWithTheirPosition() {
        for (text, column) in [("[[# Bulletin", 3), ("[ = 1", 3), ("  [[ .a]]", 6), ("[é]", 2), ("[[", 3)] {
            let result = ConfigLoader.load(text: "[reader]\n\(text)\n", file: "config.toml")
            XCTAssertEqual(result.errors.map(\.description), ["config.toml:2:\(column): expected a table name after '['"], text)
        }
        for text in ["[reader]", "[ \"reader\" ]", "['reader']", "[[a]]", "a = \"\"\"\n[# inside a string\n\"\"\""] {
            XCTAssertFalse(ConfigLoader.load(text: text + "\n", file: "c.toml").errors.contains { $0.message.contains("table name") }, text)
        }
    }

    func testAByteOrderMarkDoesNotHideAHeaderWithoutAName() {
        // The BOM opens the document for toml++, so the header is on line 1 for it too.
        let result = ConfigLoader.load(text: "\u{FEFF}[# Bulletin settings\n", file: "config.toml")
        XCTAssertEqual(result.errors.map(\.description), ["config.toml:1:2: expected a table name after '['"])
        for text in ["\u{FEFF}\u{FEFF}[#[er>", "\u{3000}[# x", "[\u{00A0}# x", "\u{200B}[[=a]]", "[\rE/f", "[[\u{2060}\r"] {
            XCTAssertTrue(ConfigLoader.load(text: text + "\n", file: "c.toml").errors.contains { $0.message.contains("table name") }, text)
        }
        XCTAssertTrue(ConfigLoader.load(text: "\u{FEFF}[reader]\nmeasure = 70\n", file: "c.toml").isValid)
        XCTAssertEqual(ConfigLoader.load(text: "\u{FEFF}[reader]\nmeasure = 70\n", file: "c.toml").settings.reader.measure, 70)
    }

    func testQuotesInACommentDoNotHideAHeaderAndArraysAreNotHeaders() {
        // `"""` inside a comment opens no string: the bare `[` below is still a header.
        let hidden = ConfigLoader.load(text: "# say \"\"\"\"\"\"\"\"\" here\n[\nkey = 1\n", file: "config.toml")
        XCTAssertEqual(hidden.errors.map(\.description), ["config.toml:2:2: expected a table name after '['"])
        // A `[` opening a line inside an array value is an array, whatever follows it.
        let nested = ConfigLoader.load(text: "[library]\nfolders = [\n  [{ a = 1 }],\n  [ 'x' ],\n]\n", file: "c.toml")
        XCTAssertFalse(nested.errors.contains { $0.message.contains("table name") }, "\(nested.errors)")
        XCTAssertTrue(ConfigLoader.load(text: "[library]\nfolders = [\n  \"/a\",\n  \"/b\",\n]\n[reader]\nmeasure = 70\n", file: "c.toml").isValid)
    }

    func testABraceWhereAValueBelongsIsRefusedWithItsPosition() {
        for (text, line, column) in [("folders = [}", 2, 12), ("folders = [\"a\",}", 2, 16), ("folders = [ # note\n}", 3, 1)] {
            let result = ConfigLoader.load(text: "[library]\n\(text)\n", file: "config.toml")
            XCTAssertEqual(result.errors.map(\.description), ["config.toml:\(line):\(column): expected a value before '}'"], text)
        }
        for text in ["folders = [\"[}\", '[,}']", "folders = [\"\\\"[}\"]", "a = \"\"\"\n[}\n\"\"\"", "folders = [] # [}"] {
            XCTAssertFalse(ConfigLoader.load(text: "[library]\n" + text + "\n", file: "c.toml").errors.contains { $0.message.contains("before '}'") }, text)
        }
    }
}
