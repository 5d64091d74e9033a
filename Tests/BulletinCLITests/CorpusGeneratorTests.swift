import Articles
import BulletinTestSupport
import Foundation
import XCTest

/// Runs the built `bulletin-corpus` executable as a process.
final class CorpusGeneratorTests: XCTestCase {
    private var generator: URL { Products.directory.appendingPathComponent("bulletin-corpus") }
    private var scratch: TemporaryDirectory!

    override func setUpWithError() throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: generator.path),
            "bulletin-corpus is not built at \(generator.path)")
        scratch = try TemporaryDirectory(prefix: "bulletin-corpus-test")
    }

    override func tearDown() {
        scratch?.remove()
    }

    private func generate(_ arguments: [String]) throws -> ProcessResult {
        let result = try ProcessRunner.run(generator, arguments, timeout: 120)
        XCTAssertEqual(result.status, 0, "bulletin-corpus \(arguments) failed: \(result.stderr)")
        return result
    }

    /// Every regular file under `folder`, keyed by its path relative to `folder`.
    private func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            let path = url.standardizedFileURL.path
            files[String(path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    func testSameSeedGivesIdenticalBytes() throws {
        let first = scratch.file("first")
        let second = scratch.file("second")
        try generate(["--count", "50", "--out", first.path, "--seed", "42", "--files-per-folder", "20"])
        try generate(["--count", "50", "--out", second.path, "--seed", "42", "--files-per-folder", "20"])
        let a = try contents(of: first)
        let b = try contents(of: second)
        XCTAssertEqual(a.count, 50)
        XCTAssertEqual(Set(a.keys), Set(b.keys))
        for (path, data) in a {
            XCTAssertEqual(data, b[path], "\(path) differs between two runs with the same seed")
        }
    }

    func testDifferentSeedGivesDifferentArticles() throws {
        let first = scratch.file("seed1")
        let second = scratch.file("seed2")
        try generate(["--count", "50", "--out", first.path, "--seed", "1"])
        try generate(["--count", "50", "--out", second.path, "--seed", "2"])
        let a = try contents(of: first)
        let b = try contents(of: second)
        XCTAssertEqual(Set(a.keys), Set(b.keys), "the layout depends only on count and files per folder")
        let identical = a.filter { b[$0.key] == $0.value }.count
        XCTAssertEqual(identical, 0, "\(identical) articles are the same under two different seeds")
    }

    func testFilesAreSpreadIntoSubfoldersAndParse() throws {
        let out = scratch.file("library")
        let result = try generate(["--count", "50", "--out", out.path, "--seed", "7", "--files-per-folder", "20"])
        XCTAssertTrue(result.stdout.contains("50 files"), result.stdout)
        let files = try contents(of: out)
        XCTAssertEqual(files.count, 50)
        let folders = Set(files.keys.compactMap { $0.split(separator: "/").first.map(String.init) })
        XCTAssertEqual(folders.count, 3, "50 files at 20 per folder need 3 folders, got \(folders.sorted())")
        var titles = Set<String>()
        var withSummary = 0
        for (path, data) in files {
            let article = try ArticleParser.parse(data: data)
            XCTAssertFalse(article.title.isEmpty, path)
            XCTAssertGreaterThanOrEqual(article.wordCount, 3 * 40, "\(path) is shorter than 3 paragraphs")
            titles.insert(article.title)
            if !article.summary.isEmpty { withSummary += 1 }
            XCTAssertEqual(data, Data(String(decoding: data, as: UTF8.self).utf8), "\(path) is not valid UTF-8")
        }
        XCTAssertGreaterThan(titles.count, 40, "titles should vary")
    }

    func testBigArticleIsWithinFivePercentOfRequestedSize() throws {
        let out = scratch.file("big/article.txt")
        try generate(["--big-article", "5MB", "--out", out.path])
        let data = try Data(contentsOf: out)
        let requested = 5_000_000.0
        XCTAssertEqual(Double(data.count), requested, accuracy: requested * 0.05)
        let article = try ArticleParser.parse(data: data)
        XCTAssertFalse(article.title.isEmpty)
        XCTAssertGreaterThan(article.wordCount, 500_000)
    }

    func testBadUsageExitsWithStatusTwoAndUsage() throws {
        for arguments in [[], ["--count", "ten", "--out", scratch.url.path], ["--count", "5"], ["--bogus"],
                          ["--big-article", "lots", "--out", scratch.file("x.txt").path]] {
            let result = try ProcessRunner.run(generator, arguments)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertTrue(result.stderr.contains("usage: bulletin-corpus"), "\(arguments): \(result.stderr)")
        }
    }
}
