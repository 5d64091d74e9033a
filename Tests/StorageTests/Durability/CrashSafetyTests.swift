import Articles
import BulletinTestSupport
import Foundation
import XCTest

@testable import Storage

/// A writer killed with SIGKILL at any moment leaves the last complete state on disk.
/// `make test` kills it 200 times; `make stress` sets `BULLETIN_STRESS_KILLS=1000`.
final class CrashSafetyTests: XCTestCase {
    /// How many kills: `$BULLETIN_STRESS_KILLS`, else 200.
    static var kills: Int {
        ProcessInfo.processInfo.environment["BULLETIN_STRESS_KILLS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 200
    }

    /// What the child confirmed (after a completed flush) for one article in one file.
    struct Confirmed: Equatable {
        var changedAt: Int64
        var fields: [String]
    }

    func testSIGKILLInTheMiddleOfWritesLosesNoConfirmedChange() throws {
        let temp = try TemporaryDirectory(prefix: "bulletin-kill")
        defer { temp.remove() }
        let folder = temp.url.appendingPathComponent("state", isDirectory: true)
        var confirmedRead: [String: Confirmed] = [:]
        var confirmedSaved: [String: Confirmed] = [:]
        var rng = SplitMix64(seed: 2024)
        var kills = 0
        var confirmations = 0
        var runs = 0
        var midWrite = 0  // kills that left a temporary file: the child was writing
        let started = Date()
        let target = Self.kills
        var corrupt = 0
        // At least `target` kills; on a loaded machine children confirm less before each
        // kill, so keep going (up to three times the kills) until enough were confirmed.
        while kills < target || (confirmations <= target && kills < target * 3) {
            runs += 1
            XCTAssertLessThan(runs, target * 4, "the child keeps exiting on its own")
            if runs >= target * 4 { break }
            let child = try StressChild([
                "--mode", "churn", "--seed", String(runs), "--articles", "24", "--preload", "1500",
                "--state-dir", folder.path,
            ])
            if rng.next() % 5 == 0 {
                usleep(UInt32(rng.next() % 60_000))  // anywhere, also while loading
            } else {
                _ = child.waitForLine("ready", timeout: 20)  // in the middle of the change loop
                usleep(UInt32(rng.next() % 60_000))
            }
            let killed = child.kill()
            let lines = child.lines
            if !killed {
                XCTFail("child exited by itself (status \(child.process.terminationStatus)): \(child.stderr)")
                break
            }
            kills += 1
            if Fixture.names(folder).contains(where: { $0.contains(".tmp-") })
                || (try? ReadLogCodec.decode(Data(contentsOf: folder.appendingPathComponent(Fixture.journal)), kind: .journal).tornTail) == true
            {
                midWrite += 1
            }
            for line in lines where line.hasPrefix("ok ") {
                let parts = line.split(separator: " ").map(String.init)
                guard parts.count >= 5, let time = Int64(parts[3]) else { return XCTFail("bad line: \(line)") }
                let record = Confirmed(changedAt: time, fields: Array(parts[4...]))
                if parts[1] == "read" { confirmedRead[parts[2]] = record } else { confirmedSaved[parts[2]] = record }
                confirmations += 1
            }
            try verify(folder, confirmedRead, confirmedSaved, after: kills)
        }
        XCTAssertGreaterThanOrEqual(kills, target)
        XCTAssertGreaterThan(confirmations, target, "the children confirmed too few writes to test anything")
        XCTAssertFalse(confirmedSaved.isEmpty)
        let failures = testRun?.failureCount ?? 0
        corrupt = Fixture.names(folder).filter { $0.contains("corrupt") }.count
        print("SIGKILL loop: \(kills) kills (\(midWrite) in the middle of writing a file), \(confirmations) confirmed changes, "
            + "\(corrupt) corrupt files, \(failures) failed checks (lost or damaged), \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    /// Every file parses (as plain JSON and as state), and holds every confirmed change or a
    /// later one.
    private func verify(_ folder: URL, _ read: [String: Confirmed], _ saved: [String: Confirmed], after kills: Int) throws {
        if let data = try? Data(contentsOf: folder.appendingPathComponent("saved.json")) {
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            XCTAssertEqual(json?["version"] as? Int, 1, "saved.json after kill \(kills) does not parse")
        }
        for (name, kind) in [(Fixture.journal, ReadLogKind.journal), (Fixture.snapshot, .snapshot)] {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { continue }
            do {
                let log = try ReadLogCodec.decode(data, kind: kind)
                XCTAssertEqual(log.damagedLines, [], "\(name) after kill \(kills)")
                if kind == .snapshot { XCTAssertFalse(log.tornTail, "\(name) after kill \(kills)") }
            } catch {
                XCTFail("\(name) after kill \(kills): \(error)")
            }
        }
        XCTAssertEqual(Fixture.names(folder).filter { $0.contains("corrupt") }, [], "after kill \(kills)")
        let store = StateStore(directory: folder, coalescingDelay: 3600)
        XCTAssertEqual(store.warnings, [], "after kill \(kills)")
        for (id, confirmed) in read {
            guard let record = store.readRecord(ArticleID(rawValue: id)) else {
                XCTFail("read \(id) lost after kill \(kills)")
                continue
            }
            XCTAssertGreaterThanOrEqual(record.changedAt.rawValue, confirmed.changedAt, "read \(id) went back in time after kill \(kills)")
            if record.changedAt.rawValue == confirmed.changedAt {
                let position = record.position ?? ReadingPosition(block: -1, line: -1)
                XCTAssertEqual([record.isRead ? "1" : "0", String(position.block), String(position.line)], confirmed.fields, "read \(id)")
            }
        }
        for (id, confirmed) in saved {
            guard let record = store.savedRecord(ArticleID(rawValue: id)) else {
                XCTFail("saved \(id) lost after kill \(kills)")
                continue
            }
            XCTAssertGreaterThanOrEqual(record.changedAt.rawValue, confirmed.changedAt, "saved \(id) went back in time after kill \(kills)")
            if record.changedAt.rawValue == confirmed.changedAt {
                XCTAssertEqual([record.isSaved ? "1" : "0"], confirmed.fields, "saved \(id)")
                if record.isSaved { XCTAssertEqual(record.article?.id.rawValue, id) }
            }
        }
        store.close()
    }
}

/// Two processes toggling different articles at the same time lose nothing.
final class ConcurrentProcessesTests: XCTestCase {
    func testTwoProcessesTogglingKeepEveryLastToggle() throws {
        let temp = try TemporaryDirectory(prefix: "bulletin-two")
        defer { temp.remove() }
        let folder = temp.url.appendingPathComponent("state", isDirectory: true)
        let articles = 12, rounds = 41
        let children = try ["a", "b"].enumerated().map { index, prefix in
            try StressChild([
                "--mode", "toggle", "--prefix", prefix, "--articles", String(articles), "--rounds", String(rounds),
                "--flush-every", String(3 + index * 2), "--delay-ms", "2", "--seed", String(index + 1),
                "--state-dir", folder.path,
            ])
        }
        for child in children { child.wait(timeout: 120) }
        let store = StateStore(directory: folder)
        XCTAssertEqual(store.warnings, [])
        for (child, prefix) in zip(children, ["a", "b"]) {
            XCTAssertEqual(child.process.terminationStatus, 0, child.stderr)
            let finals = child.lines.filter { $0.hasPrefix("final ") }
            XCTAssertEqual(finals.count, articles)
            for i in 0..<articles {
                // The toggle pattern of `_stress-state --mode toggle`, worked out independently.
                let expectRead = rounds % 2 == 1
                let saveToggles = (0..<rounds).filter { ($0 + i) % 3 != 0 }.count
                let expectSaved = saveToggles % 2 == 1
                let id = Self.articleID("\(prefix)-\(i)")
                XCTAssertTrue(finals.contains("final \(id) \(expectRead ? 1 : 0) \(expectSaved ? 1 : 0)"), "\(prefix)-\(i) in \(finals)")
                XCTAssertEqual(store.isRead(id), expectRead, "\(prefix)-\(i) read")
                XCTAssertEqual(store.isSaved(id), expectSaved, "\(prefix)-\(i) saved")
                XCTAssertNotNil(store.readRecord(id), "\(prefix)-\(i) has a record")
            }
        }
    }

    /// The id `_stress-state` gives its article `name`: derived from its title and paragraphs.
    static func articleID(_ name: String) -> ArticleID {
        let words = "state durable merge flock rename fsync favorite reader article paragraph quiet morning"
        let body = (0..<2).map { "Paragraph \($0) of \(name): " + String(repeating: words + " ", count: 4) }
        return ArticleID.derive(title: "Stress article \(name)", sections: [ArticleSection(paragraphs: body)])
    }
}
