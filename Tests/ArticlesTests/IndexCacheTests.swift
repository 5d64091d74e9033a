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

    /// A line put together from fields encoded ahead (a refresh encodes them where it renders
    /// the file) is the line of the same record, with tabs and line breaks made spaces, and
    /// the date written only when it came from the text.
    func testALineFromFieldsEncodedAheadIsTheRecordsLine() {
        for n in 0..<40 {
            let entry = LibraryEntry(
                id: ArticleID(rawValue: String(format: "%016x", n * 7_919)), path: "/lib/feed/\(n)\tname\r\n.md",
                title: n % 4 == 0 ? "Line\nbreak\tand tab" : "Title \(n) é", source: n % 3 == 0 ? nil : "Source\r",
                author: n % 2 == 0 ? "Author \(n)" : nil, date: Date(timeIntervalSince1970: Double(n * 86_400)),
                dateIsFromText: n % 5 != 0, wordCount: n * 13, summaryCount: n % 4)
            let record = IndexCache.Record(size: 1_000 + n, modified: Int64(n) * 1_000_000_007, entry: entry)
            var expected: [UInt8] = []
            IndexCache.appendLine(record, into: &expected)
            var line: [UInt8] = []
            var undated = entry
            undated.path = ""
            if !entry.dateIsFromText { undated.date = Date(timeIntervalSince1970: 0) }
            IndexCache.appendLine(size: record.size, modified: record.modified, path: entry.path,
                                  fields: IndexCache.EncodedFields(undated), into: &line)
            XCTAssertEqual(String(decoding: line, as: UTF8.self), String(decoding: expected, as: UTF8.self))
        }
    }
}
