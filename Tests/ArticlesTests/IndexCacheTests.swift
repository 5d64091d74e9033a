import XCTest

@testable import Articles

final class IndexCacheTests: XCTestCase {
    /// A cache large enough to be encoded in two halves gives the bytes of its records
    /// encoded one at a time, in order.
    func testALargeCacheEncodedInHalvesIsTheRecordsInOrder() {
        let records = (0..<5_001).map { n in
            IndexCache.Record(size: n, modified: Int64(n) * 1_000, entry: LibraryEntry(
                id: ArticleID(rawValue: String(format: "%016x", n)), path: "/lib/\(n).txt", title: "Title \(n)\tend",
                source: n % 3 == 0 ? nil : "Source", author: n % 2 == 0 ? "Author \(n)" : nil,
                date: Date(timeIntervalSince1970: Double(n)), dateIsFromText: n % 5 != 0, wordCount: n * 7, summaryCount: n % 4))
        }
        let header = IndexCache(records: []).encoded()
        var expected = header
        for record in records { expected += IndexCache(records: [record]).encoded().dropFirst(header.count) }
        let whole = IndexCache(records: records).encoded()
        XCTAssertTrue(whole == expected, "the halves differ from the records encoded in order")
        XCTAssertEqual(IndexCache.parse(whole).map(\.entry.path), records.map(\.entry.path))
    }

    /// The word-at-a-time check of a cache line says what the parser's check says, on lines
    /// of plain ASCII, tabs, controls and every multi-byte kind the check tells apart, at
    /// every position relative to the eight-byte words (sequences cut by a word's end too).
    func testUnsafeLineCheckAgreesWithUnsafeCharacters() {
        let pieces: [[UInt8]] = [
            Array("plain".utf8), Array(" text, ".utf8), [0x09], [0x09, 0x09], [0x0A], [0x00], [0x1B], [0x7F], [0x0D],
            Array("é".utf8), Array("’".utf8), Array("📈".utf8), Array("日本".utf8),
            [0xC2, 0x85], [0xC2, 0xA0], [0xC2, 0xAD], [0xC2, 0x9F], [0xD8, 0x9C], [0xD8, 0x9D],
            [0xE2, 0x80, 0x8E], [0xE2, 0x80, 0x8F], [0xE2, 0x80, 0xAA], [0xE2, 0x80, 0xAE], [0xE2, 0x80, 0xAF],
            [0xE2, 0x81, 0xA6], [0xE2, 0x81, 0xA9], [0xE2, 0x81, 0xAA], [0xEF, 0xBF, 0xBD], [0xEF, 0xBB, 0xBF],
        ]
        var random = SplitMix64(seed: 11)
        var unsafe = 0
        for _ in 0..<5_000 {
            var line: [UInt8] = []
            for _ in 0..<random.below(12) {
                let piece = pieces[random.below(pieces.count)]
                // Mostly safe pieces, so that lines long enough for whole words occur.
                if random.below(4) != 0, piece.count < 4, piece.first! < 0x20 || piece.first! == 0x7F || piece.first! == 0xC2
                    || piece.first! == 0xD8 || piece.first! == 0xEF || piece == [0xE2, 0x80, 0x8E]
                {
                    line += Array("abc".utf8)
                    continue
                }
                line += piece
            }
            let expected = UnsafeCharacters.containsUnsafeExceptTabAndNewline(line)
            if expected { unsafe += 1 }
            line.withUnsafeBufferPointer { XCTAssertEqual(IndexCache.hasUnsafe($0), expected, "\(line)") }
            // A line cut anywhere (a sequence cut short is not unsafe for either).
            if !line.isEmpty {
                let cut = Array(line.prefix(random.below(line.count)))
                cut.withUnsafeBufferPointer {
                    XCTAssertEqual(IndexCache.hasUnsafe($0), UnsafeCharacters.containsUnsafeExceptTabAndNewline(cut), "\(cut)")
                }
            }
        }
        XCTAssertGreaterThan(unsafe, 500)
        XCTAssertLessThan(unsafe, 4_500)
    }

    /// Every byte value at every place of two eight-byte words, among letters and tabs.
    func testEveryByteAtEveryPlaceOfAWord() {
        for filler in [UInt8(ascii: "a"), 0x09] {
            for position in 0..<17 {
                for byte in UInt8(0)...UInt8(255) {
                    var line = [UInt8](repeating: filler, count: 17)
                    line[position] = byte
                    let expected = UnsafeCharacters.containsUnsafeExceptTabAndNewline(line)
                    line.withUnsafeBufferPointer { XCTAssertEqual(IndexCache.hasUnsafe($0), expected, "\(byte) at \(position)") }
                }
            }
        }
    }
}
