import XCTest

@testable import Articles

final class WordCounterTests: XCTestCase {
    /// Scalar-by-scalar word count, as documented on ``WordCounter/count(_:)``.
    static func referenceCount(_ text: String) -> Int {
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                inWord = false
            } else if WordCounter.isCJK(scalar) {
                words += 1
                inWord = false
            } else if !inWord {
                words += 1
                inWord = true
            }
        }
        return words
    }

    /// Scalar-by-scalar normalized FNV-1a, as documented on ``ArticleID``.
    static func referenceHash(_ parts: [String]) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        for (index, text) in parts.enumerated() {
            if index > 0 { add(0x0A) }
            var pending = false
            var wrote = false
            for scalar in text.unicodeScalars {
                if scalar.properties.isWhitespace {
                    pending = wrote
                    continue
                }
                if pending { add(0x20); pending = false }
                for byte in scalar.properties.lowercaseMapping.utf8 { add(byte) }
                wrote = true
            }
        }
        return value
    }

    func testCountMatchesScalarByScalarCounting() {
        var samples = TextSamples(seed: 11)
        for _ in 0..<5000 {
            let text = samples.text()
            XCTAssertEqual(WordCounter.count(text), Self.referenceCount(text), text.debugDescription)
        }
    }

    func testNormalizedHashMatchesScalarByScalarHashing() {
        var samples = TextSamples(seed: 13)
        for _ in 0..<3000 {
            let parts = (0..<(1 + samples.below(3))).map { _ in samples.text() }
            var hasher = FNV1a64()
            for part in parts { hasher.add(normalized: part) }
            XCTAssertEqual(hasher.value, Self.referenceHash(parts), parts.debugDescription)
        }
    }
}
