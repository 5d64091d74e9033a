import Foundation
import XCTest

/// Replays every input saved under `Tests/Fixtures/fuzz-regressions/<target>/` (crashes,
/// slow inputs and broken invariants that `make fuzz` once found) through the same checks
/// as the libFuzzer harnesses.
final class FuzzRegressionTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-regressions")

    func testEveryRegressionInputPassesItsChecks() throws {
        var replayed = 0
        for target in FuzzTarget.allCases {
            let dir = Self.folder.appendingPathComponent(target.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let data = try Data(contentsOf: dir.appendingPathComponent(name))
                let start = Date()
                do {
                    try target.check(Array(data))
                } catch {
                    XCTFail("\(target.rawValue)/\(name): \(error)")
                }
                XCTAssertLessThan(Date().timeIntervalSince(start), 10, "\(target.rawValue)/\(name) is slow")
                replayed += 1
            }
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: Self.folder.path), "regression folder missing: \(Self.folder.path)")
        print("replayed \(replayed) fuzz regression inputs")
    }

    func testEveryTargetHasAHarness() throws {
        let fuzz = Self.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz")
        for target in FuzzTarget.allCases {
            XCTAssertTrue(FileManager.default.fileExists(atPath: fuzz.appendingPathComponent("\(target.rawValue).swift").path),
                          "Fuzz/\(target.rawValue).swift")
        }
    }
}
