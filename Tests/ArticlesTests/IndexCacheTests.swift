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
}
