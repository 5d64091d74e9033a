import BulletinTestSupport
import Foundation
import XCTest

@testable import Articles

/// `Library.recordWrittenFiles`: entries recorded for files just written are used by the
/// next library, cached entries of unchanged files are kept, and nothing stale is trusted.
final class LibraryWrittenFilesTests: XCTestCase {
    private var dir: TemporaryDirectory!

    override func setUpWithError() throws { dir = try TemporaryDirectory(prefix: "library-written") }
    override func tearDown() { dir.remove() }

    func testWrittenFilesAreTakenFromTheCacheAndEqualAParse() throws {
        let cache = dir.file("cache")
        let root = dir.file("lib")
        try dir.write("lib/old/2024-01-01-kept.txt", "Kept\n\nA paragraph that was indexed before.\n")
        try dir.write("lib/old/changed.txt", "Changed\n\nIndexed before, then edited.\n")
        try dir.write("lib/old/gone.txt", "Gone\n\nRemoved after indexing.\n")
        XCTAssertEqual(Library(paths: [root.path], cacheDirectory: cache).parsedCount, 3)
        try dir.write("lib/old/changed.txt", "Changed again\n\nEdited behind the cache's back, longer now.\n")
        try FileManager.default.removeItem(at: dir.file("lib/old/gone.txt"))

        var written: [Library.WrittenFile] = []
        for i in 0..<5 {
            var article = try ArticleParser.parse(text: "Feed item \(i)\n\nBy Ann Author\n\n- one point\n- another point\n\nBody \(i) with words.\n")
            article.source = "Feed"
            let file = ArticleFile(article: article, guid: "g\(i)", feed: "https://example.org/feed")
            let path = try dir.write("lib/feed/item-\(i).md", file.rendered()).path
            written.append(try stamped(path, file.article))
        }
        Library.recordWrittenFiles(written, roots: [root.path], cacheDirectory: cache)

        let cached = Library(paths: [root.path], cacheDirectory: cache)
        XCTAssertEqual(cached.parsedCount, 1, "only the file changed behind the cache is parsed")
        let parsed = Library(paths: [root.path], cacheDirectory: nil)
        XCTAssertEqual(cached.entries, parsed.entries)
        XCTAssertEqual(cached.entries.count, 7)
        XCTAssertTrue(cached.entries.contains { $0.title == "Changed again" })
        XCTAssertEqual(Library(paths: [root.path], cacheDirectory: cache).parsedCount, 0)
    }

    func testTheCacheIsChosenByTheRootsAsTheLibraryDoes() throws {
        let cache = dir.file("cache")
        let file = ArticleFile(article: try ArticleParser.parse(text: "Title\n\nBody text here.\n"), guid: "g", feed: nil)
        let path = try dir.write("lib/a.md", file.rendered()).path
        // A relative spelling of the same root names the same cache.
        let relative = "./" + dir.file("lib").path.dropFirst()
        let cwd = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath("/")
        defer { FileManager.default.changeCurrentDirectoryPath(cwd) }
        Library.recordWrittenFiles([try stamped(path, file.article)], roots: [String(relative)], cacheDirectory: cache)
        XCTAssertEqual(Library(paths: [dir.file("lib").path], cacheDirectory: cache).parsedCount, 0)
        // Another set of roots has its own cache.
        try dir.write("other/b.txt", "Other\n\nText.\n")
        XCTAssertEqual(Library(paths: [dir.file("lib").path, dir.file("other").path], cacheDirectory: cache).parsedCount, 2)
    }

    /// A file entry for `path` holding `article`, with the file's size and time as written.
    private func stamped(_ path: String, _ article: Article) throws -> Library.WrittenFile {
        var status = stat()
        XCTAssertEqual(stat(path, &status), 0)
        return Library.WrittenFile(path: path, size: Int(status.st_size), modified: FileWalker.mtime(status),
                                   entry: Library.WrittenFile.Entry(article))
    }
}
