import Articles
import Foundation
import XCTest

@testable import Storage

/// The JSON Lines format of read state: exact round trips, any JSON spelling, damage found
/// line by line, and a torn last line told apart from damage.
final class ReadLogCodecTests: XCTestCase {
    func records() -> [(UInt64, ReadRecord)] {
        [
            (1, .unread(at: Fixture.time(1_714_636_800_000))),
            (0xFFFF_FFFF_FFFF_FFFF, .read(at: Fixture.time(1_714_557_602_120))),
            (0x0a1b_2c3d_4e5f_6789, .read(at: Fixture.time(1_714_557_602_120), readAt: Fixture.time(1_714_557_600_004),
                                         position: ReadingPosition(block: 3, line: 1))),
            (42, .read(at: Fixture.time(-5), readAt: Fixture.time(10), position: ReadingPosition(block: 0, line: 0))),
        ]
    }

    func encode(_ kind: ReadLogKind, generation: Int = 3, _ records: [(UInt64, ReadRecord)]) -> [UInt8] {
        var out = ReadLogCodec.headerLine(kind, generation: generation)
        for (key, record) in records { ReadLogCodec.append(key, record, to: &out) }
        return out
    }

    func testRoundTripsAndIsOneJSONValuePerLine() throws {
        let bytes = encode(.journal, records())
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(text, """
            {"bulletin":"read-journal","generation":3,"version":1}
            ["0000000000000001",1714636800000]
            ["ffffffffffffffff",1714557602120,0]
            ["0a1b2c3d4e5f6789",1714557602120,2116,3,1]
            ["000000000000002a",-5,-15,0,0]

            """)
        for line in text.split(separator: "\n") {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8), options: .fragmentsAllowed), String(line))
        }
        let log = try ReadLogCodec.decode(Data(bytes), kind: .journal)
        XCTAssertEqual(log.generation, 3)
        XCTAssertEqual(log.version, 1)
        XCTAssertEqual(log.records.map(\.key), records().map(\.0))
        XCTAssertEqual(log.records.map(\.record), records().map(\.1))
        XCTAssertEqual(log.damagedLines, [])
        XCTAssertFalse(log.tornTail)
        XCTAssertEqual(log.completeLength, bytes.count)
    }

    func testReadsOtherJSONSpellingsOfARecord() throws {
        let text = """
            {"version": 1, "generation": 0, "bulletin": "read-journal"}
            [ "0a1b2c3d4e5f6789" , 1714557602120 , 2116 , 3 , 1 ]
            ["0000000000000001",\t1000]

            """
        let log = try ReadLogCodec.decode(Data(text.utf8), kind: .journal)
        XCTAssertEqual(log.records.map(\.record), [records()[2].1, .unread(at: Fixture.time(1000))])
        XCTAssertEqual(log.damagedLines, [])
    }

    func testATornLastLineIsIgnoredAndEarlierLinesKept() throws {
        let bytes = encode(.journal, records())
        let whole = try ReadLogCodec.decode(Data(bytes), kind: .journal)
        // Cut the file anywhere inside the last record: the first three remain.
        let lastStart = bytes.dropLast().lastIndex(of: 0x0A)! + 1
        for cut in lastStart..<(bytes.count) {
            let log = try ReadLogCodec.decode(Data(bytes[..<cut]), kind: .journal)
            XCTAssertEqual(log.records.count, 3, "cut at \(cut)")
            XCTAssertEqual(log.tornTail, cut > lastStart, "cut at \(cut)")
            XCTAssertEqual(log.damagedLines, [], "cut at \(cut)")
            XCTAssertEqual(log.completeLength, lastStart)
        }
        XCTAssertEqual(whole.records.count, 4)
    }

    func testDamagedLinesAreListedAndTheRestRead() throws {
        var bytes = encode(.journal, Array(records().prefix(2)))
        bytes += Array("[\"0000000000000001\",01]\n{}\n[\"0000000000000001\"]\n[\"zz00000000000001\",5]\n[\"0000000000000001\",1,2,3]\n".utf8)
        bytes += Array("[\"0000000000000001\",1,2,-3,0]\n[\"0000000000000001\",1,2.5]\n[\"0000000000000001\",1,true]\n\n".utf8)
        ReadLogCodec.append(7, .unread(at: Fixture.time(9)), to: &bytes)
        let log = try ReadLogCodec.decode(Data(bytes), kind: .journal)
        XCTAssertEqual(log.records.count, 3)
        XCTAssertEqual(log.records.last?.key, 7)
        XCTAssertEqual(log.damagedLines, [4, 5, 6, 7, 8, 9, 10, 11], "line numbers count the header as 1; blank lines are not damage")
    }

    func testHeaderProblems() {
        let cases: [(String, ReadLogKind, (StateFileProblem) -> Bool)] = [
            ("", .journal, { $0 == .empty }),
            ("  \n", .journal, { if case .invalidJSON = $0 { return true }; return false }),
            ("{\"bulletin\":\"read-journal\"", .journal, { $0 == .invalidJSON }),
            ("garbage\n", .journal, { $0 == .invalidJSON }),
            ("[1]\n", .journal, { if case .wrongShape = $0 { return true }; return false }),
            ("{\"bulletin\":\"read-snapshot\",\"generation\":1,\"version\":1}\n", .journal, { if case .wrongShape = $0 { return true }; return false }),
            ("{\"bulletin\":\"read-journal\",\"generation\":-1,\"version\":1}\n", .journal, { if case .wrongShape = $0 { return true }; return false }),
            ("{\"bulletin\":\"read-journal\",\"generation\":1,\"version\":0}\n", .journal, { if case .wrongShape = $0 { return true }; return false }),
            ("{\"bulletin\":\"read-journal\",\"generation\":true,\"version\":1}\n", .journal, { if case .wrongShape = $0 { return true }; return false }),
            ("{\"bulletin\":\"read-journal\",\"generation\":1,\"version\":2}\n", .journal, { $0 == .newerVersion(2) }),
        ]
        for (text, kind, matches) in cases {
            XCTAssertThrowsError(try ReadLogCodec.decode(Data(text.utf8), kind: kind), text) { error in
                let problem = error as? StateFileProblem
                XCTAssertTrue(problem.map(matches) ?? false, "\(text): \(error)")
                XCTAssertFalse("\(error)".contains("\n"))
            }
        }
        let newer = "{\"bulletin\":\"read-journal\",\"generation\":1,\"version\":2}\n[\"0000000000000001\",5]\n"
        XCTAssertEqual(try ReadLogCodec.decode(Data(newer.utf8), kind: .journal, allowNewer: true).records.count, 1)
    }

    /// Random records survive encode → decode exactly (as the fuzz target checks too).
    func testRandomRecordsRoundTrip() throws {
        var rng = SplitMix64(seed: 99)
        var records: [(UInt64, ReadRecord)] = []
        for _ in 0..<2000 {
            let changed = Fixture.time(Int64(rng.next() % (1 << 45)) - (1 << 44))
            switch rng.next() % 3 {
            case 0: records.append((rng.next(), .unread(at: changed)))
            case 1: records.append((rng.next(), .read(at: changed, readAt: Fixture.time(changed.rawValue - Int64(rng.next() % 100_000)))))
            default:
                records.append((rng.next(), .read(at: changed, position: ReadingPosition(block: Int(rng.next() % 1_000_000), line: Int(rng.next() % 500)))))
            }
        }
        let log = try ReadLogCodec.decode(Data(encode(.snapshot, records)), kind: .snapshot)
        XCTAssertEqual(log.records.map(\.key), records.map(\.0))
        XCTAssertEqual(log.records.map(\.record), records.map(\.1))
    }

    func testArticleIDsAsKeys() {
        XCTAssertEqual(ArticleID(rawValue: "0a1b2c3d4e5f6789").stateKey, 0x0a1b_2c3d_4e5f_6789)
        XCTAssertEqual(ArticleID(stateKey: 0x0a1b_2c3d_4e5f_6789).rawValue, "0a1b2c3d4e5f6789")
        XCTAssertEqual(ArticleID(stateKey: 0).rawValue, "0000000000000000")
        for bad in ["0A1B2C3D4E5F6789", "0a1b2c3d4e5f678", "0a1b2c3d4e5f67890", "0a1b2c3d4e5f678g", ""] {
            XCTAssertNil(ArticleID(rawValue: bad).stateKey, bad)
        }
    }
}

/// The pure decode functions the fuzz targets call give the same results as the store's codecs.
final class StateDecodingTests: XCTestCase {
    func testPureDecodersRoundTrip() throws {
        let records: [(key: UInt64, record: ReadRecord)] = [(5, .unread(at: Fixture.time(1))), (9, .read(at: Fixture.time(7)))]
        let bytes = StateDecoding.encodeReadLog(records, kind: .snapshot, generation: 2)
        let log = try StateDecoding.readLog(Data(bytes), kind: .snapshot)
        XCTAssertEqual(log.records.map(\.record), records.map(\.record))
        XCTAssertThrowsError(try StateDecoding.readLog(Data(bytes), kind: .journal), "a snapshot is not a journal")
        let article = Fixture.article("x")
        let saved: [ArticleID: SavedRecord] = [article.id: .saved(article, at: Fixture.time(3))]
        XCTAssertEqual(try StateDecoding.savedFile(Data(StateDecoding.encodeSavedFile(saved))), saved)
        XCTAssertThrowsError(try StateDecoding.savedFile(Data("[]".utf8)))
        let legacy: [ArticleID: ReadRecord] = [Fixture.id(1): .read(at: Fixture.time(4))]
        XCTAssertEqual(try StateDecoding.legacyReadFile(Data(ReadFileCodec().encode(legacy))), legacy)
    }
}
