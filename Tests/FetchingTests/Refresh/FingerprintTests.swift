import XCTest

@testable import Fetching

/// The body fingerprint notices any one changed byte, wherever it is.
final class FingerprintTests: XCTestCase {
    func testEveryChangedByteChangesTheBodyFingerprint() {
        var body = (0..<1_003).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let original = Fingerprint.ofBody(body)
        XCTAssertEqual(Fingerprint.ofBody(body), original)
        XCTAssertTrue(original.hasPrefix("w"))
        var seen = Set([original])
        for i in body.indices {
            for flip: UInt8 in [0x01, 0x80] {
                body[i] ^= flip
                XCTAssertTrue(seen.insert(Fingerprint.ofBody(body)).inserted, "byte \(i) flip \(flip)")
                body[i] ^= flip
            }
        }
        XCTAssertNotEqual(Fingerprint.ofBody(body + [0]), original, "a longer body")
        XCTAssertNotEqual(Fingerprint.ofBody([]), Fingerprint.ofBody([0]))
    }
}
