import Articles
import Foundation
import XCTest

@testable import Storage

final class StateFileCodecTests: XCTestCase {
    func testReadFileRoundTripsAndIsPrettySortedJSON() throws {
        let table: [ArticleID: ReadRecord] = [
            Fixture.id(2): .read(at: Fixture.time(1_714_557_602_120), readAt: Fixture.time(1_714_557_600_004), position: ReadingPosition(block: 3, line: 1)),
            Fixture.id(1): .unread(at: Fixture.time(1_714_636_800_000)),
            Fixture.id(3): .read(at: Fixture.time(5)),
        ]
        let codec = ReadFileCodec()
        let bytes = codec.encode(table)
        XCTAssertEqual(try codec.decode(Data(bytes), allowNewer: false), table)
        let text = String(decoding: bytes, as: UTF8.self)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        XCTAssertEqual(json["version"] as? Int, 1)
        XCTAssertEqual((json["articles"] as? [String: Any])?.count, 3)
        // One line per article, in id order, keys sorted within each.
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "{")
        XCTAssertEqual(lines[1], "  \"articles\": {")
        let ids = lines.compactMap { $0.hasPrefix("    \"") ? String($0.dropFirst(5).prefix(16)) : nil }
        XCTAssertEqual(ids, table.keys.map(\.rawValue).sorted())
        XCTAssertTrue(text.contains(#""\#(Fixture.id(2))": {"changedAt": "2024-05-01T10:00:02.120Z", "position": {"block": 3, "line": 1}, "read": true, "readAt": "2024-05-01T10:00:00.004Z"}"#), text)
        XCTAssertTrue(text.contains(#""\#(Fixture.id(1))": {"changedAt": "2024-05-02T08:00:00.000Z", "read": false}"#), text)
        XCTAssertTrue(text.hasSuffix("  },\n  \"version\": 1\n}\n"))
    }

    func testEmptyTablesAreValidJSON() throws {
        for bytes in [ReadFileCodec().encode([:]), SavedFileCodec().encode([:])] {
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            XCTAssertEqual(json["version"] as? Int, 1)
            XCTAssertEqual((json["articles"] as? [String: Any])?.count, 0)
        }
    }

    func testSavedFileRoundTripsFullArticlesAndTombstones() throws {
        var article = Fixture.article("kept", paragraphs: 3)
        article.credit = "© Photo Agency"
        article.authorBio = "Ana writes about \"quotes\" and back\\slashes."
        article.url = "https://example.org/a/b"
        let table: [ArticleID: SavedRecord] = [
            article.id: .saved(article, at: Fixture.time(2_000), savedAt: Fixture.time(1_000)),
            Fixture.id(9): .unsaved(at: Fixture.time(3_000)),
        ]
        let codec = SavedFileCodec()
        let bytes = codec.encode(table)
        let decoded = try codec.decode(Data(bytes), allowNewer: false)
        XCTAssertEqual(decoded, table)
        XCTAssertEqual(codec.encode(decoded), bytes, "encoding is deterministic")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let entry = try XCTUnwrap((json["articles"] as? [String: Any])?[article.id.rawValue] as? [String: Any])
        XCTAssertEqual(entry["saved"] as? Bool, true)
        XCTAssertEqual(entry["savedAt"] as? String, "1970-01-01T00:00:01.000Z")
        XCTAssertEqual((entry["article"] as? [String: Any])?["title"] as? String, "Article kept")
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("https://example.org/a/b"), "slashes are not escaped")
    }

    /// Every kind of damage is a problem, never a crash or a partial table.
    func testDamagedFilesAreProblems() {
        let good = String(decoding: ReadFileCodec().encode([Fixture.id(1): .read(at: Fixture.time(1))]), as: UTF8.self)
        let cases: [(String, String, (StateFileProblem) -> Bool)] = [
            ("empty", "", { $0 == .empty }),
            ("blank", " \n\t ", { $0 == .empty }),
            ("garbage", "\u{7f}ELF\u{01}binary", { $0 == .invalidJSON }),
            ("truncated", String(good.prefix(good.count / 2)), { $0 == .invalidJSON }),
            ("null", "null", { if case .wrongShape = $0 { return true }; return false }),
            ("array", "[1, 2]", { if case .wrongShape = $0 { return true }; return false }),
            ("no version", #"{"articles": {}}"#, { if case .wrongShape = $0 { return true }; return false }),
            ("version string", #"{"version": "1", "articles": {}}"#, { if case .wrongShape = $0 { return true }; return false }),
            ("version zero", #"{"version": 0, "articles": {}}"#, { if case .wrongShape = $0 { return true }; return false }),
            ("articles list", #"{"version": 1, "articles": []}"#, { if case .wrongShape = $0 { return true }; return false }),
            ("read as string", #"{"version": 1, "articles": {"\#(Fixture.id(1))": {"read": "yes", "changedAt": "2024-05-01T10:00:00.000Z"}}}"#,
             { if case .wrongShape = $0 { return true }; return false }),
            ("null entry", #"{"version": 1, "articles": {"\#(Fixture.id(1))": null}}"#, { if case .wrongShape = $0 { return true }; return false }),
            ("bad time", #"{"version": 1, "articles": {"\#(Fixture.id(1))": {"read": true, "changedAt": "noon"}}}"#,
             { if case .wrongShape = $0 { return true }; return false }),
            ("bad id", #"{"version": 1, "articles": {"not-an-id": {"read": true, "changedAt": "2024-05-01T10:00:00.000Z"}}}"#,
             { if case .wrongShape = $0 { return true }; return false }),
            ("negative position", #"{"version": 1, "articles": {"\#(Fixture.id(1))": {"read": true, "changedAt": "2024-05-01T10:00:00.000Z", "position": {"block": -1, "line": 0}}}}"#,
             { if case .wrongShape = $0 { return true }; return false }),
        ]
        for (name, text, matches) in cases {
            do {
                _ = try ReadFileCodec().decode(Data(text.utf8), allowNewer: false)
                XCTFail("\(name): decoded")
            } catch {
                XCTAssertTrue(matches(error), "\(name): \(error)")
                XCTAssertFalse(error.description.contains("\n"), name)
            }
        }
    }

    func testSavedEntryWithoutItsArticleIsWrongShape() {
        let text = #"{"version": 1, "articles": {"\#(Fixture.id(1))": {"saved": true, "changedAt": "2024-05-01T10:00:00.000Z"}}}"#
        XCTAssertThrowsError(try SavedFileCodec().decode(Data(text.utf8), allowNewer: false)) { error in
            guard case .wrongShape(let detail) = error as? StateFileProblem else { return XCTFail("\(error)") }
            XCTAssertTrue(detail.contains("article"), detail)
        }
    }

    func testNewerVersionIsReportedAndReadableOnRequest() throws {
        let text = #"{"version": 7, "articles": {"\#(Fixture.id(1))": {"read": true, "changedAt": "2024-05-01T10:00:00.000Z", "future": 1}}}"#
        XCTAssertThrowsError(try ReadFileCodec().decode(Data(text.utf8), allowNewer: false)) { error in
            XCTAssertEqual(error as? StateFileProblem, .newerVersion(7))
        }
        XCTAssertEqual(try ReadFileCodec().decode(Data(text.utf8), allowNewer: true).count, 1)
    }
}

/// The fast reader of `read.json` agrees with the full decoder, and gives way to it for
/// anything it was not written for.
final class ReadFileFastParserTests: XCTestCase {
    func testAgreesWithTheFullDecoderOnWhatBulletinWrites() throws {
        var rng = SplitMix64(seed: 11)
        for size in [0, 1, 2, 50, 500] {
            var table: [ArticleID: ReadRecord] = [:]
            for n in 0..<size {
                let time = Fixture.time(Int64(rng.next() % 4_000_000_000_000))
                switch rng.next() % 3 {
                case 0: table[Fixture.id(n)] = .unread(at: time)
                case 1: table[Fixture.id(n)] = .read(at: time, readAt: Fixture.time(Int64(rng.next() % 1_000_000)))
                default:
                    table[Fixture.id(n)] = .read(at: time, position: ReadingPosition(block: Int(rng.next() % 100_000), line: Int(rng.next() % 10)))
                }
            }
            let data = Data(ReadFileCodec().encode(table))
            let fast = try XCTUnwrap(ReadFileFastParser.parse(data), "size \(size)")
            XCTAssertEqual(fast, table, "size \(size)")
            XCTAssertEqual(try ReadFileCodec().decodeInFull(data, allowNewer: false), table, "size \(size)")
        }
    }

    func testGivesWayForOtherLayoutsAndDamage() throws {
        let table: [ArticleID: ReadRecord] = [Fixture.id(1): .read(at: Fixture.time(1_000), position: ReadingPosition(block: 2, line: 0))]
        let canonical = String(decoding: ReadFileCodec().encode(table), as: UTF8.self)
        let variants = [
            canonical.replacingOccurrences(of: "\": ", with: "\" : "),  // reformatted
            canonical.replacingOccurrences(of: "\n", with: ""),  // minified
            canonical.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2"),  // newer
            canonical.replacingOccurrences(of: "\"block\": 2", with: "\"block\": 02"),  // not JSON
            canonical.replacingOccurrences(of: "\"block\": 2", with: "\"block\": -2"),  // wrong value
            String(canonical.dropLast(3)),  // truncated
            canonical + "x",  // trailing garbage
            canonical.replacingOccurrences(of: "\"read\": true", with: "\"read\": false"),  // unread with a position and readAt
        ]
        for variant in variants {
            XCTAssertNil(ReadFileFastParser.parse(Data(variant.utf8)), variant)
        }
        XCTAssertEqual(try ReadFileCodec().decode(Data(variants[0].utf8), allowNewer: false), table, "the full decoder reads it")
        XCTAssertEqual(try ReadFileCodec().decode(Data(variants[1].utf8), allowNewer: false), table)
    }
}
