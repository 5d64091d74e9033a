@testable import Articles
import Foundation
import XCTest

final class TextDecoderTests: XCTestCase {
    private func decode(_ bytes: [UInt8]) throws -> String {
        String(decoding: try TextDecoder.decode(Data(bytes)), as: UTF8.self)
    }

    func testUTF8IsKept() throws {
        XCTAssertEqual(try decode(Array("Ampère “ok” 日本 😀".utf8)), "Ampère “ok” 日本 😀")
    }

    func testUTF8ByteOrderMarkIsDropped() throws {
        XCTAssertEqual(try decode([0xEF, 0xBB, 0xBF] + Array("Title".utf8)), "Title")
    }

    func testUTF16WithByteOrderMark() throws {
        let little: [UInt8] = [0xFF, 0xFE] + Array("Hé".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(try decode(little), "Hé")
        let big: [UInt8] = [0xFE, 0xFF] + Array("Hé".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        XCTAssertEqual(try decode(big), "Hé")
    }

    func testLatin1Fallback() throws {
        XCTAssertEqual(try decode([0x43, 0x61, 0x66, 0xE9, 0x20, 0x63, 0x72, 0xE8, 0x6D, 0x65]), "Café crème")
    }

    func testWindows1252Characters() throws {
        XCTAssertEqual(try decode([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0x92, 0x85]), "“Hi” – €5 ’…")
    }

    func testInvalidUTF8MixedWithValidKeepsValidSequences() throws {
        // "é" in UTF-8, then a lone Latin-1 "é", then a truncated 3-byte sequence.
        XCTAssertEqual(try decode([0xC3, 0xA9, 0x20, 0xE9, 0x20, 0xE2, 0x80]), "é é â\u{20AC}")
    }

    func testOverlongAndSurrogateEncodingsAreNotTrusted() throws {
        let text = try decode([0xC0, 0xAF, 0xED, 0xA0, 0x80])
        XCTAssertFalse(text.contains("/"))
        XCTAssertEqual(text.unicodeScalars.count, 5)
    }

    func testLineEndingsAreLeftForTheSplitter() throws {
        XCTAssertEqual(try decode(Array("a\r\nb\rc\n".utf8)), "a\r\nb\rc\n")
    }

    func testEmptyIsAnError() {
        XCTAssertThrowsError(try TextDecoder.decode(Data())) { XCTAssertEqual($0 as? ArticleParseError, .empty) }
    }

    func testNulMeansBinary() {
        XCTAssertThrowsError(try TextDecoder.decode(Data("Title\n\u{0}body".utf8))) {
            XCTAssertEqual($0 as? ArticleParseError, .binary)
        }
    }

    func testBinarySignatures() {
        for signature: [UInt8] in [[0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF, 0xE0], Array("%PDF-1.7".utf8), [0x50, 0x4B, 0x03, 0x04], [0x1F, 0x8B, 0x08], [0x7F, 0x45, 0x4C, 0x46]] {
            XCTAssertTrue(TextDecoder.looksBinary(signature + Array(" some text after".utf8)), "\(signature)")
        }
    }

    func testManyControlBytesMeanBinary() {
        var bytes = Array("Title\n".utf8)
        for i in 0..<200 { bytes.append(i % 3 == 0 ? 0x01 : 0x41) }
        XCTAssertTrue(TextDecoder.looksBinary(bytes))
    }

    func testTextWithSomeEscapesIsNotBinary() {
        let text = "A title\n\nSome \u{1B}[31mred\u{1B}[0m text with a bell\u{7} and a normal paragraph of words."
        XCTAssertFalse(TextDecoder.looksBinary(Array(text.utf8)))
    }

    func testTooLarge() {
        let data = Data(count: TextDecoder.maximumBytes + 1)
        XCTAssertThrowsError(try TextDecoder.decode(data)) {
            XCTAssertEqual($0 as? ArticleParseError, .tooLarge(bytes: TextDecoder.maximumBytes + 1))
        }
    }
    /// The one-pass control count and UTF-8 check against the separate byte-at-a-time ones,
    /// on text with controls, DEL, ESC, valid and broken multi-byte sequences (cut short,
    /// overlong, surrogates, stray continuation bytes) at every offset, around the 64 KiB sample end.
    func testOnePassScanMatchesSeparateChecks() {
        let pieces: [[UInt8]] = [Array("plain words ".utf8), Array("é".utf8), Array("’".utf8), Array("😀".utf8), Array("東京".utf8),
                                 [0x0A], [0x0D, 0x0A], [0x09], [0x1B], [0x7F], [0x01], [0x1F], [0x0B], [0x0C], [0x08],
                                 [0xE9], [0x80], [0xC3], [0xE2, 0x80], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xED, 0xA0, 0x80],
                                 [0xF4, 0x90, 0x80, 0x80], [0xFF], Array("x".utf8)]
        var random = SplitMix64(seed: 29)
        for round in 0..<3000 {
            var bytes: [UInt8] = []
            if round % 100 == 0 { bytes = Array(repeating: 0x61, count: TextDecoder.sampleBytes - 40 + random.below(80)) }
            for _ in 0..<random.below(60) { bytes += pieces[random.below(random.below(2) == 0 ? 5 : pieces.count)] }
            var sampleControls = 0
            var sampleC0AndDelete = 0
            for b in bytes.prefix(TextDecoder.sampleBytes) {
                if TextDecoder.isControl(b) { sampleControls += 1 }
                if b < 0x20 || b == 0x7F { sampleC0AndDelete += 1 }
            }
            XCTAssertEqual(TextDecoder.controlCount(bytes, sample: min(bytes.count, TextDecoder.sampleBytes)), sampleControls)
            let scan = TextDecoder.controlsAndFirstInvalidUTF8(bytes)
            XCTAssertEqual(scan.controlBound, sampleC0AndDelete, "\(bytes)")
            XCTAssertEqual(scan.firstInvalid, TextDecoder.firstInvalidUTF8(bytes, from: 0), "\(bytes)")
            guard !bytes.isEmpty, TextDecoder.decodeUTF16WithBOM(bytes) == nil else { continue }
            let binary = TextDecoder.looksBinary(bytes)
            XCTAssertEqual(try? TextDecoder.decode(bytes: bytes), binary ? nil : TextDecoder.repairUTF8(bytes, from: 0))
        }
    }

    func testControlBoundOfEightASCIIBytes() {
        for b in 0..<0x80 {
            for position in 0..<8 {
                var lanes = [UInt8](repeating: 0x61, count: 8)
                lanes[position] = UInt8(b)
                lanes[(position + 3) % 8] = UInt8((b * 7) % 0x80)
                let word = lanes.withUnsafeBufferPointer { UTF8Scan.load($0.baseAddress!, 0) }
                XCTAssertEqual(TextDecoder.controlBound(ascii: word), lanes.filter { $0 < 0x20 || $0 == 0x7F }.count, "\(lanes)")
            }
        }
    }
}

