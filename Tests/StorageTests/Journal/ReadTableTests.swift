import Articles
import Foundation
import XCTest

@testable import Storage

/// The in-memory read table: finds every id, evenly spread or made to cluster, and the
/// changes over the snapshot win.
final class ReadTableTests: XCTestCase {
    func testFindsEveryKeyAndNoOther() {
        var rng = SplitMix64(seed: 5)
        var keySets: [[UInt64]] = []
        keySets.append((0..<5000).map { _ in rng.next() })  // content hashes: evenly spread
        keySets.append((0..<5000).map { UInt64($0) })  // dense
        keySets.append((0..<2500).map { UInt64($0) } + (0..<2500).map { UInt64.max - UInt64($0) * 3 })  // two clusters far apart
        keySets.append((0..<5000).map { 1 << 40 + UInt64($0) * UInt64($0) * 7919 })  // skewed
        keySets.append([0, UInt64.max])
        keySets.append([42])
        for (n, raw) in keySets.enumerated() {
            let present = Set(raw)
            let keys = Array(present).sorted()
            let records = keys.map { ReadRecord.read(at: Fixture.time(Int64($0 & 0xFFFF))) }
            let table = ReadTable(sortedKeys: keys, records: records)
            for (key, record) in zip(keys, records) { XCTAssertEqual(table[key], record, "set \(n), key \(key)") }
            for _ in 0..<2000 {
                let probe = rng.next()
                if present.contains(probe) { continue }
                XCTAssertNil(table[probe], "set \(n), absent key \(probe)")
            }
            for key in keys.prefix(50) where key > 0 && !present.contains(key - 1) { XCTAssertNil(table[key - 1], "set \(n)") }
        }
        XCTAssertNil(ReadTable()[7])
    }

    func testUnsortedInputIsSortedAndRepeatsKeepTheWinner() {
        let old = ReadRecord.read(at: Fixture.time(100))
        let newer = ReadRecord.unread(at: Fixture.time(200))
        let table = ReadTable(sortedKeys: [9, 3, 9, 1], records: [old, .read(at: Fixture.time(1)), newer, .read(at: Fixture.time(2))])
        XCTAssertEqual(table.keys, [1, 3, 9])
        XCTAssertEqual(table[9], newer)
        let reversed = ReadTable(sortedKeys: [9, 9], records: [newer, old])
        XCTAssertEqual(reversed[9], newer)
    }

    func testChangesOverTheSnapshotFollowTheMergeRule() {
        var table = ReadTable(sortedKeys: [1, 2], records: [.read(at: Fixture.time(100)), .read(at: Fixture.time(100))])
        table.apply([1: .unread(at: Fixture.time(50)), 2: .unread(at: Fixture.time(150)), 3: .read(at: Fixture.time(1))])
        XCTAssertEqual(table[1], .read(at: Fixture.time(100)), "an older change loses")
        XCTAssertEqual(table[2], .unread(at: Fixture.time(150)))
        XCTAssertEqual(table[3], .read(at: Fixture.time(1)))
        table[1] = .unread(at: Fixture.time(300))
        XCTAssertEqual(table[1], .unread(at: Fixture.time(300)))
        var seen: [UInt64: ReadRecord] = [:]
        table.forEach { key, record in
            XCTAssertNil(seen[key], "each article once")
            seen[key] = record
        }
        XCTAssertEqual(seen, [1: .unread(at: Fixture.time(300)), 2: .unread(at: Fixture.time(150)), 3: .read(at: Fixture.time(1))])
    }
}
