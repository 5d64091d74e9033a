import XCTest

@testable import Articles

final class UTF8ScanTests: XCTestCase {
    func testLaneCountMatchesBitCount() {
        var random = SplitMix64(seed: 61)
        for _ in 0..<10000 {
            let mask = random.next() & UTF8Scan.highBits
            XCTAssertEqual(UTF8Scan.laneCount(mask), mask.nonzeroBitCount)
        }
        XCTAssertEqual(UTF8Scan.laneCount(UTF8Scan.highBits), 8)
        XCTAssertEqual(UTF8Scan.laneCount(0), 0)
    }

    func testScalarCountMatchesUnicodeScalars() {
        var samples = TextSamples(seed: 67)
        for _ in 0..<3000 {
            let text = samples.text()
            XCTAssertEqual(UTF8Scan.scalarCount(text), text.unicodeScalars.count, text.debugDescription)
        }
    }

    func testLanesMarkExactlyTheEqualBytes() {
        var random = SplitMix64(seed: 71)
        for _ in 0..<5000 {
            let word = random.next()
            let b = random.below(4) == 0 ? UInt8(truncatingIfNeeded: word >> (8 * UInt64(random.below(8)))) : UInt8(random.below(256))
            var expected: UInt64 = 0
            for lane in 0..<8 where UInt8(truncatingIfNeeded: word >> (8 * UInt64(lane))) == b { expected |= 0x80 << (8 * UInt64(lane)) }
            XCTAssertEqual(UTF8Scan.lanes(word, equalTo: b), expected)
        }
    }
}
