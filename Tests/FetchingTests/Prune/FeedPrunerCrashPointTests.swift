import BulletinTestSupport
import Foundation
import Storage
import StorageTestSupport
import XCTest

@testable import Fetching

/// Pruning stopped or failed (EIO, ENOSPC) after each of its steps (unlink, folder fsync,
/// then the feed state's own durable write): a file the state marks pruned is gone, every
/// other file is whole, the failure is reported, and the next prune ends exactly where a
/// clean prune does.
final class FeedPrunerCrashPointTests: XCTestCase {
    var temp: TemporaryDirectory!
    /// 2024-06-30T12:00:00Z.
    let now = Date(timeIntervalSince1970: 1_719_748_800)
    let lookup = ReadingStateLookup { _ in true }
    let body = "---\nbulletin: 1\nid: 0000000000000001\ntitle: \"x\"\n---\n\nBody.\n"
    let files = ["a/2024-03-01-one.md", "a/2024-03-02-two.md", "b/2024-02-01-three.md", "b/2024-06-29-new.md"]

    override func setUpWithError() throws { temp = try TemporaryDirectory(prefix: "bulletin-prune-crash") }
    override func tearDown() { temp?.remove() }

    /// A data folder in `name` holding the four articles of two feeds, three of them past 30 days.
    func home(_ name: String) throws -> FetchingPaths {
        let paths = FetchingPaths(configDirectory: temp.url.appendingPathComponent("\(name)/config"),
                                  dataDirectory: temp.url.appendingPathComponent("\(name)/data"))
        var state = FeedStateFile()
        for (index, file) in files.enumerated() {
            _ = try temp.write("\(name)/data/articles/\(file)", body)
            let feed = "https://\(file.prefix(1)).example/feed"
            var feedState = state[feed]
            feedState.items["g\(index)"] = KnownItem(id: String(format: "%016x", index + 1), file: file, fingerprint: "f")
            state[feed] = feedState
        }
        try state.save(to: paths.stateFile)
        return paths
    }

    func exists(_ paths: FetchingPaths, _ file: String) -> Bool {
        FileManager.default.fileExists(atPath: paths.articlesDirectory.appendingPathComponent(file).path)
    }

    /// Files present and the state's pruned flags, for comparing two homes.
    func outcome(_ paths: FetchingPaths) -> [String] {
        let state = FeedStateFile.load(paths.stateFile)
        var lines: [String] = []
        for (feed, feedState) in state.feeds.sorted(by: { $0.key < $1.key }) {
            for (guid, item) in feedState.items.sorted(by: { $0.key < $1.key }) {
                lines.append("\(feed) \(guid) \(item.file) pruned=\(item.pruned == true) present=\(exists(paths, item.file))")
            }
        }
        return lines
    }

    func testEveryStepStoppedOrFailedEndsOldOrNewAndTheNextPruneFinishes() throws {
        let policy = PrunePolicy(keepDays: 30)
        let clean = try home("clean")
        let recorder = FaultyFileSystem()
        let removed = try FeedPruner.run(paths: clean, policy: policy, now: now, dryRun: false, fileSystem: recorder) { lookup }
        XCTAssertEqual(removed.map(\.file), ["a/2024-03-01-one.md", "a/2024-03-02-two.md", "b/2024-02-01-three.md"])
        let steps = recorder.steps
        XCTAssertTrue(steps.contains { $0.step == .remove } && steps.contains { $0.step == .syncFolder }, "\(steps)")
        let expected = outcome(clean)

        var cases = 0
        for step in steps.indices {
            for fault: FaultyFileSystem.Fault in [.stopAfter(step), .fail(at: step, errno: EIO), .fail(at: step, errno: ENOSPC)] {
                cases += 1
                let paths = try home("case\(cases)")
                let label = "\(fault) (\(steps[step].step) \(steps[step].path))"
                XCTAssertThrowsError(
                    try FeedPruner.run(paths: paths, policy: policy, now: now, dryRun: false, fileSystem: FaultyFileSystem(fault)) { lookup },
                    label)
                // Old or new: a file marked pruned is gone; every file still there is whole.
                let state = FeedStateFile.load(paths.stateFile)
                XCTAssertEqual(state.feeds.values.reduce(0) { $0 + $1.items.count }, files.count, label)
                for item in state.feeds.values.flatMap(\.items.values) {
                    if item.pruned == true { XCTAssertFalse(exists(paths, item.file), label) }
                    let url = paths.articlesDirectory.appendingPathComponent(item.file)
                    if let text = try? String(contentsOf: url, encoding: .utf8) { XCTAssertEqual(text, body, label) }
                }
                XCTAssertTrue(exists(paths, "b/2024-06-29-new.md"), label)
                // The next prune, on a healthy disk, ends where the clean one did.
                _ = try FeedPruner.run(paths: paths, policy: policy, now: now, dryRun: false) { lookup }
                XCTAssertEqual(outcome(paths), expected, label)
            }
        }
        XCTAssertGreaterThanOrEqual(cases, 3 * 5)
    }
}
