import Articles
import BulletinTestSupport
import Foundation
import XCTest

@testable import Storage

/// Pending changes reach the disk when the process exits normally or is stopped with
/// SIGTERM, SIGHUP or SIGINT.
final class ExitFlushTests: XCTestCase {
    func testSignalsFlushPendingChanges() throws {
        for signalNumber in [SIGTERM, SIGHUP, SIGINT] {
            let temp = try TemporaryDirectory(prefix: "bulletin-signal")
            defer { temp.remove() }
            let folder = temp.url.appendingPathComponent("state", isDirectory: true)
            let child = try StressChild(["--mode", "hold", "--articles", "5", "--state-dir", folder.path])
            try waitForReady(child, folder)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent(Fixture.journal).path),
                           "nothing written before the signal (one-hour delay)")
            kill(child.process.processIdentifier, signalNumber)
            child.wait(timeout: 20)
            XCTAssertEqual(child.process.terminationReason, .uncaughtSignal, "signal \(signalNumber)")
            XCTAssertEqual(child.process.terminationStatus, signalNumber, "ends with the signal itself")
            try assertHeldChanges(folder, "signal \(signalNumber)")
        }
    }

    func testNormalExitFlushesPendingChanges() throws {
        let temp = try TemporaryDirectory(prefix: "bulletin-exit")
        defer { temp.remove() }
        let folder = temp.url.appendingPathComponent("state", isDirectory: true)
        let child = try StressChild(["--mode", "exit", "--articles", "5", "--state-dir", folder.path])
        child.wait(timeout: 30)
        XCTAssertEqual(child.process.terminationStatus, 0, child.stderr)
        try assertHeldChanges(folder, "exit")
    }

    private func waitForReady(_ child: StressChild, _ folder: URL) throws {
        guard child.waitForLine("ready") else {
            _ = child.kill()
            XCTFail("the child never printed ready: \(child.stderr)")
            throw CocoaError(.fileReadUnknown)
        }
    }

    private func assertHeldChanges(_ folder: URL, _ label: String) throws {
        let store = StateStore(directory: folder)
        XCTAssertEqual(store.warnings, [], label)
        for i in 0..<5 {
            XCTAssertEqual(store.readingPosition(StorageBenchmark.id(i)), ReadingPosition(block: i, line: 1), label)
        }
        XCTAssertEqual(store.savedArticles.map(\.article.title), ["Stress article held"], label)
    }
}
