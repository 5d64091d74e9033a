import XCTest

@testable import Articles

/// ``TextCleaner/isPlain(_:)``'s eight-bytes-at-a-time walk answers as the byte table, for
/// ASCII lines and for lines with multi-byte sequences (valid, special, or cut short).
final class TextCleanerASCIIPlainTests: XCTestCase {
    func testAgreesWithTheByteTableOnRandomLines() {
        // Every byte class that matters, often, at every offset in and across eight-byte words.
        let alphabet: [UInt8] = Array("abcXYZ019 .,?!:;&#*_]-'\"()[\\^`~@$%+/<=>{|}".utf8) + [0x00, 0x09, 0x1F, 0x7F, 0xC2, 0xA0, 0xE2, 0x80, 0x8B, 0xC3, 0xA9]
        var random = SplitMix64(seed: 11)
        var plain = 0
        for _ in 0..<200_000 {
            let length = 1 + random.below(40)
            var line: [UInt8] = []
            for _ in 0..<length {
                // Mostly letters, so that plain lines are common.
                line.append(random.below(4) == 0 ? alphabet[random.below(alphabet.count)] : alphabet[random.below(6)])
            }
            let fast = TextCleaner.isPlain(line[...])
            XCTAssertEqual(fast, TextCleaner.isPlainByTable(line[...]), "\(line)")
            if fast { plain += 1 }
        }
        XCTAssertGreaterThan(plain, 1000)
    }

    func testCases() {
        XCTAssertEqual(TextCleaner.plainByWords(bytes("A plain line of text, with commas.")), true)
        XCTAssertEqual(TextCleaner.plainByWords(bytes("Eight b  two spaces after a word boundary")), false)
        XCTAssertEqual(TextCleaner.plainByWords(bytes("Seven b ,comma after a space across words")), false)
        XCTAssertEqual(TextCleaner.plainByWords(bytes("1234567 .")), false)
        XCTAssertEqual(TextCleaner.plainByWords(bytes("An entity &amp; here")), false)
        XCTAssertEqual(TextCleaner.plainByWords(bytes("A tab\there")), false)
        XCTAssertEqual(TextCleaner.plainByWords(bytes("DEL\u{7F}")), false)
        XCTAssertEqual(TextCleaner.plainByWords(bytes("Café au lait, please")), true)
        XCTAssertEqual(TextCleaner.plainByWords(bytes("Café au lait,  please")), false)
        XCTAssertEqual(TextCleaner.plainByWords(bytes("Un café\u{00A0}? Oui, un bon café noir")), false)
        XCTAssertEqual(TextCleaner.plainByWords(bytes("’Eight  b and a double space after a quote")), false)
        XCTAssertEqual(TextCleaner.plainByWords(bytes("Eight b ’ then a space before a comma ,")), false)
    }

    private func bytes(_ text: String) -> UnsafeBufferPointer<UInt8> {
        let array = Array(text.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: array.count)
        _ = buffer.initialize(from: array)
        addTeardownBlock { buffer.deallocate() }
        return UnsafeBufferPointer(buffer)
    }
}
