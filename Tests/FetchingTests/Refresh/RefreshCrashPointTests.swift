import BulletinTestSupport
import Foundation
import Storage
import StorageTestSupport
import XCTest

@testable import Fetching

/// A refresh's save (article files, then the feed state), stopped or failed (EIO, ENOSPC)
/// after each of its steps, as CrashPointTests does for the reading state: every file the
/// feed state names is whole, the feed state is the old one or the new one, a failure is
/// reported, and the next refresh ends in exactly the state a clean refresh leaves (no item
/// lost, skipped or stored twice, no temporary file left).
final class RefreshCrashPointTests: XCTestCase {
    var temp: TemporaryDirectory!
    var server: LocalHTTPServer!
    var www: URL { temp.url.appendingPathComponent("www", isDirectory: true) }
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    override func setUpWithError() throws {
        temp = try TemporaryDirectory(prefix: "bulletin-refresh-crash")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        server = try LocalHTTPServer.start(root: www)
    }

    override func tearDown() {
        server?.stop()
        temp?.remove()
    }

    /// An RSS feed with `(guid, title)` items.
    func feed(_ items: [(String, String)]) -> String {
        var text = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Crash feed</title><link>http://127.0.0.1/</link>"
        for (index, (guid, title)) in items.enumerated() {
            let date = 1_780_000_000 - index * 3600
            text += "<item><title>\(title)</title><guid>\(guid)</guid><link>http://127.0.0.1/\(guid)</link>"
            text += "<pubDate>\(Self.rfc822(date))</pubDate><description>Body of \(title), long enough to read.</description></item>"
        }
        return text + "</channel></rss>"
    }

    static func rfc822(_ seconds: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    var subscription: Subscription {
        Subscription(name: "Crash feed", url: server.fileURL("feed.xml").absoluteString, fullArticle: .never)
    }

    func paths(_ home: URL) -> FetchingPaths {
        FetchingPaths(configDirectory: home.appendingPathComponent("config"), dataDirectory: home.appendingPathComponent("data"))
    }

    /// One refresh of the feed through `fileSystem`; the error's message when it fails.
    func refresh(_ home: URL, _ fileSystem: any FileSystem = POSIXFileSystem()) async -> String? {
        do {
            try await HTTPFetcher.withFetcher { fetcher in
                var run = RefreshRun(paths: paths(home), transport: fetcher)
                run.fileSystem = fileSystem
                _ = try await run.run([subscription], now: now)
            }
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// What a later run sees: the feed state's items (guid, id, file) and every visible file
    /// under the articles folder with its text.
    struct Snapshot: Equatable {
        var known: [String: String]
        var files: [String: String]
    }

    func snapshot(_ home: URL) -> Snapshot {
        let state = FeedStateFile.load(paths(home).stateFile)[subscription.url]
        var known: [String: String] = [:]
        for (guid, item) in state.items { known[guid] = item.id + " " + item.file }
        var files: [String: String] = [:]
        let root = paths(home).articlesDirectory
        for relative in FileManager.default.enumerator(atPath: root.path)?.compactMap({ $0 as? String }) ?? []
        where relative.hasSuffix(".md") && !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            files[relative] = try? String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
        }
        return Snapshot(known: known, files: files)
    }

    func temporaries(_ home: URL) -> [String] {
        (FileManager.default.enumerator(atPath: home.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.split(separator: "/").last.map { DurableFile.isTemporaryName(String($0)) } ?? false }
    }

    /// Refreshes `before` (none: the feed was never refreshed) into a template home, learns
    /// the steps of a clean refresh to `after`, then breaks that refresh at every step.
    func check(before: [(String, String)]?, after: [(String, String)], expecting expected: [DurableStep],
               file: StaticString = #filePath, line: UInt = #line) async throws {
        let template = temp.url.appendingPathComponent("template", isDirectory: true)
        if let before {
            try Data(feed(before).utf8).write(to: www.appendingPathComponent("feed.xml"))
            let error = await refresh(template)
            XCTAssertNil(error, file: file, line: line)
        } else {
            try FileManager.default.createDirectory(at: template, withIntermediateDirectories: true)
        }
        try Data(feed(after).utf8).write(to: www.appendingPathComponent("feed.xml"))
        let old = snapshot(template)

        let cleanHome = try copy(template)
        let clean = FaultyFileSystem()
        let cleanError = await refresh(cleanHome, clean)
        XCTAssertNil(cleanError, file: file, line: line)
        let new = snapshot(cleanHome)
        XCTAssertNotEqual(old, new, "the refresh changes nothing", file: file, line: line)
        XCTAssertEqual(new.known.count, after.count, file: file, line: line)
        XCTAssertEqual(clean.steps.map(\.step), expected, "steps", file: file, line: line)

        for index in clean.steps.indices {
            for fault in [FaultyFileSystem.Fault.stopAfter(index), .fail(at: index, errno: EIO), .fail(at: index, errno: ENOSPC)] {
                let label = "\(clean.steps[index].step) (\(index)): \(fault)"
                let home = try copy(template)
                let error = await refresh(home, FaultyFileSystem(fault))
                let broken = snapshot(home)
                XCTAssertNotNil(error, "\(label): no error", file: file, line: line)
                if case .fail(_, let code) = fault {
                    XCTAssertTrue(error?.contains(String(cString: strerror(code))) == true, "\(label): not reported (\(error ?? "-"))",
                                  file: file, line: line)
                }
                XCTAssertTrue(broken.known == old.known || broken.known == new.known, "\(label): feed state is neither old nor new",
                              file: file, line: line)
                for (name, text) in broken.files {
                    XCTAssertTrue(text == old.files[name] || text == new.files[name], "\(label): \(name) is damaged", file: file, line: line)
                }
                // Nothing known is lost: every item the feed state knows is in some whole file
                // (a renamed item's old file may already be gone, its new one is in place).
                for (guid, item) in broken.known {
                    let id = String(item.split(separator: " ", maxSplits: 1)[0])
                    XCTAssertTrue(broken.files.values.contains { $0.contains("\nid: \(id)\n") }, "\(label): item \(guid) is lost",
                                  file: file, line: line)
                }
                // The next start: a refresh that works brings exactly the clean result.
                let nextError = await refresh(home)
                XCTAssertNil(nextError, label, file: file, line: line)
                XCTAssertEqual(snapshot(home), new, "\(label): the next refresh", file: file, line: line)
                XCTAssertEqual(temporaries(home), [], "\(label): temporary files left", file: file, line: line)
            }
        }
    }

    private func copy(_ template: URL) throws -> URL {
        let home = temp.url.appendingPathComponent("case-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.copyItem(at: template, to: home)
        return home
    }

    private static let feedState: [DurableStep] = [.createTemporary, .write, .sync, .rename, .syncFolder]

    /// The first refresh of a feed: its folder is written whole as a temporary folder,
    /// flushed with one syncfs and renamed into place; then the feed state.
    func testTheFirstRefreshOfAFeed() async throws {
        try await check(
            before: nil,
            after: [("a", "Alpha headline"), ("b", "Bravo headline"), ("c", "Charlie headline")],
            expecting: [.createFolder] + Array(repeating: [.createTemporary, .write], count: 3).flatMap { $0 }
                + [.syncFileSystem, .rename, .syncFolder] + Self.feedState)
    }

    /// A later refresh: two new items, one renamed (new file, old one removed), one unchanged.
    func testARefreshWithNewAndRenamedItems() async throws {
        try await check(
            before: [("a", "Alpha headline"), ("b", "Bravo headline")],
            after: [("a", "Alpha headline, corrected"), ("b", "Bravo headline"), ("c", "Charlie headline"), ("d", "Delta headline")],
            expecting: Array(repeating: [.createTemporary, .write], count: 3).flatMap { $0 }
                + [.syncFileSystem, .rename, .rename, .rename, .remove, .syncFolder] + Self.feedState)
    }

    /// Where the system has no syncfs, each file is synced before the renames instead; a
    /// failed syncfs is never replaced by anything else.
    func testWithoutSyncfsEachFileIsSynced() async throws {
        try Data(feed([("a", "Alpha headline"), ("b", "Bravo headline")]).utf8).write(to: www.appendingPathComponent("feed.xml"))
        let home = temp.url.appendingPathComponent("nosyncfs", isDirectory: true)
        let fileSystem = FaultyFileSystem()
        fileSystem.dropSyncFileSystem()
        let error = await refresh(home, fileSystem)
        XCTAssertNil(error)
        XCTAssertEqual(snapshot(home).known.count, 2)
        XCTAssertEqual(fileSystem.steps.map(\.step),
                       [.createFolder, .createTemporary, .write, .createTemporary, .write, .syncFileSystem,
                        .syncAppend, .syncAppend, .syncFolder, .rename, .syncFolder] + Self.feedState)
    }
}
