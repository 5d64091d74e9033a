import Articles
import ReaderUI
import XCTest

final class ScreenTests: XCTestCase {
    func testWideCharactersTakeTwoCellsAndAreNeverSplit() {
        var screen = Screen(width: 5, height: 1)
        let written = screen.put("ab日本", row: 0, column: 0)
        XCTAssertEqual(written, 4)
        XCTAssertEqual(screen[0, 2].width, 2)
        XCTAssertTrue(screen[0, 3].isContinuation)
        XCTAssertEqual(screen.text, "ab日")
        var edge = Screen(width: 3, height: 1)
        XCTAssertEqual(edge.put("a日本", row: 0, column: 0), 3)
        XCTAssertEqual(edge.put("x日", row: 0, column: 1), 1, "a wide character that does not fit is not drawn")
        XCTAssertEqual(edge.text, "ax")
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(width: 4, height: 1)
        screen.put("日本", row: 0, column: 0)
        screen.put("x", row: 0, column: 1)
        XCTAssertEqual(screen[0, 0].character, " ")
        XCTAssertEqual(screen[0, 0].width, 1)
        XCTAssertEqual(screen.text, " x本")
        screen.put("y", row: 0, column: 2)
        XCTAssertFalse(screen[0, 3].isContinuation)
        XCTAssertEqual(screen.text, " xy")
    }

    func testControlAndBidiScalarsNeverReachACell() {
        var screen = Screen(width: 60, height: 1)
        screen.put("a\u{1B}]0;title\u{07}b\u{1B}[31mc\u{9B}d\u{202E}e\u{2066}f\u{7F}g\u{200F}h", row: 0, column: 0)
        for cell in screen.row(0) {
            for scalar in cell.character.unicodeScalars {
                XCTAssertFalse(UnsafeCharacters.isUnsafe(scalar), "unsafe scalar U+\(String(scalar.value, radix: 16)) in a cell")
            }
        }
        XCTAssertEqual(screen.text, "a]0;titleb[31mcdefgh")
    }

    func testCombiningMarksStayWithTheirLetter() {
        var screen = Screen(width: 4, height: 1)
        XCTAssertEqual(screen.put("e\u{301}a", row: 0, column: 0), 2)
        XCTAssertEqual(screen[0, 0].character, "e\u{301}")
    }

    func testPrintableASCIIPrefixThenCharactersFillTheSameCellsAsOneCharacterAtATime() {
        let texts = ["plain title", "abe\u{301}z", "x\u{301}\u{302}yz", "tab\there", "ab日本cd", "A\u{1B}[31mB",
                     "ends in e\u{301}", "", "👩‍💻 ok", "long line of plain ascii text that runs past the edge",
                     "it’s a “quoted” title", "a\r\nb", "日本 and 語 again", "\u{202E}rtl\u{202C} x", "é\u{301}q"]
        for text in texts {
            for (column, limit) in [(0, nil), (3, nil), (2, 5), (0, 1), (-2, nil)] as [(Int, Int?)] {
                var fast = Screen(width: 20, height: 1)
                let written = fast.put(text, row: 0, column: column, limit: limit)
                // The reference: each character on its own (no ASCII run longer than one).
                var slow = Screen(width: 20, height: 1)
                let end = min(20, limit.map { column + $0 } ?? 20)
                var c = max(0, column)
                for ch in text {
                    guard let clean = CellSanitizer.clean(ch) else { continue }
                    let w = DisplayWidth.of(clean)
                    if w == 0 { continue }
                    if c + w > end { break }
                    slow.put(String(clean), row: 0, column: c)
                    c += w
                }
                XCTAssertEqual(fast, slow, "\(text.debugDescription) at \(column), limit \(String(describing: limit))")
                XCTAssertEqual(written, c - max(0, column), text.debugDescription)
            }
        }
    }

    func testPuttingTruncatedTextEqualsPuttingTheTruncatedString() {
        let texts = ["A harbour at dawn", "short", "exactly ten", "日本語のテキスト", "café au lait", ""]
        for text in texts {
            for width in [0, 1, 2, 5, 10, 11, 30] {
                var direct = Screen(width: 16, height: 1)
                let written = direct.put(text, row: 0, column: 2, truncatedTo: width, style: .muted)
                var reference = Screen(width: 16, height: 1)
                let expected = reference.put(TextFit.truncate(text, to: width), row: 0, column: 2, style: .muted)
                XCTAssertEqual(direct, reference, "\(text) in \(width)")
                XCTAssertEqual(written, expected, "\(text) in \(width)")
            }
        }
    }

    func testTruncateByDisplayWidth() {
        XCTAssertEqual(TextFit.truncate("日本語のテキスト", to: 7), "日本語…")
        XCTAssertEqual(DisplayWidth.of(TextFit.truncate("日本語のテキスト", to: 6)), 5)
        XCTAssertEqual(TextFit.truncate("short", to: 10), "short")
        XCTAssertEqual(TextFit.pad("ab", to: 4), "ab  ")
    }

    func testTinyAndEmptyScreensDoNotCrash() {
        for (w, h) in [(0, 0), (1, 1), (2, 1), (1, 3)] {
            var session = Fixtures.session(width: w, height: h)
            for key in Key.parse("j Enter Space G ? / x Enter Tab t") { session.send(key) }
            let screen = session.render()
            XCTAssertEqual(screen.width, w)
            XCTAssertEqual(screen.height, h)
        }
    }

    func testHostileArticleRendersWithoutControls() {
        for keys in ["", "Enter", "t", "Enter / e"] {
            for (w, h) in [(80, 24), (120, 40), (40, 12)] {
                var session = Fixtures.session(width: w, height: h, articles: [Fixtures.hostile, Fixtures.ferry])
                session.send(Key.parse(keys))
                let screen = session.render()
                for cell in screen.cells {
                    XCTAssertFalse(cell.character.unicodeScalars.contains(where: UnsafeCharacters.isUnsafe), "keys \(keys) at \(w)x\(h)")
                }
                if keys == "Enter" { XCTAssertTrue(screen.text.contains("Body [2J[H cleared? isolate end")) }
            }
        }
    }
}
