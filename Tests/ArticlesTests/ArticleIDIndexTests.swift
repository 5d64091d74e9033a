import XCTest

@testable import Articles

final class ArticleIDIndexTests: XCTestCase {
    func testHexValueIsReadOnlyFromSixteenLowercaseHexDigits() {
        XCTAssertEqual(ArticleID(rawValue: "00000000000000ff").hexValue, 255)
        XCTAssertEqual(ArticleID(rawValue: "f6e9c4a7fabf75fa").hexValue, 0xf6e9_c4a7_fabf_75fa)
        for other in ["F6E9C4A7FABF75FA", "f6e9c4a7fabf75f", "f6e9c4a7fabf75fa0", "f6e9c4a7fabf75fg", "", "1", "é6e9c4a7fabf75f"] {
            XCTAssertNil(ArticleID(rawValue: other).hexValue, other)
        }
    }

    /// The index answers as a dictionary does, for hex ids (many, with values that share
    /// their low and high bits, so that probes collide) and for any other id, before and
    /// after positions are remapped.
    func testAgreesWithADictionary() {
        var random = SplitMix64(seed: 5)
        var ids: [ArticleID] = []
        for k in 0..<3_000 {
            let value: UInt64 = k % 3 == 0 ? UInt64(k) << 40 : k % 3 == 1 ? UInt64(k) : random.next()
            let hex = String(value, radix: 16)
            ids.append(ArticleID(rawValue: String(repeating: "0", count: 16 - hex.count) + hex))
        }
        ids += ["not-hex", "ABCDEF0123456789", "short"].map { ArticleID(rawValue: $0) }
        ids += ids.prefix(500)  // repeats
        var index = ArticleIDIndex(capacity: ids.count)
        var reference: [ArticleID: Int] = [:]
        for (position, id) in ids.enumerated() {
            XCTAssertEqual(index.insert(id, at: position), reference[id], id.rawValue)
            if reference[id] == nil { reference[id] = position }
        }
        for id in ids { XCTAssertEqual(index.position(of: id), reference[id]) }
        XCTAssertNil(index.position(of: ArticleID(rawValue: "ffffffffffffffff")))
        XCTAssertNil(index.position(of: ArticleID(rawValue: "missing")))
        let map = (0..<ids.count).map { ids.count - 1 - $0 }
        index.remap(map)
        for id in ids { XCTAssertEqual(index.position(of: id), reference[id].map { map[$0] }) }
    }
}
