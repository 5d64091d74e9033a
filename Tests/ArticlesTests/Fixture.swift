import Foundation
import XCTest

/// The article fixtures in `Tests/ArticlesTests/Fixtures` (copied into the test bundle).
enum Fixture {
    /// The raw bytes of `Fixtures/NAME`.
    static func data(_ name: String) throws -> Data {
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        guard let url = Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Fixtures") else {
            throw XCTSkip("fixture \(name) is missing from the test bundle")
        }
        return try Data(contentsOf: url)
    }
}

/// Asserts that a string is a single clean line: no control characters, no bidi controls.
func assertCleanLine(_ text: String?, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
    guard let text else { return }
    for scalar in text.unicodeScalars {
        let v = scalar.value
        let bad = v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C || v == 0xFEFF
        XCTAssertFalse(bad, "\(label) holds U+\(String(v, radix: 16, uppercase: true)): \(text.debugDescription)",
                       file: file, line: line)
    }
}
