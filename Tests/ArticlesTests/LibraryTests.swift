import BulletinTestSupport
import Foundation
import XCTest

@testable import Articles

final class LibraryTests: XCTestCase {
    private var dir: TemporaryDirectory!

    override func setUpWithError() throws { dir = try TemporaryDirectory(prefix: "library") }
    override func tearDown() { dir.remove() }

    private func article(_ title: String, _ body: String = "A plain paragraph of body text.") -> String {
        "\(title)\n\n\(body)\n"
    }

    func testFindsArticlesRecursivelyAndSkipsHiddenAndNonArticleFiles() throws {
        try dir.write("a.txt", article("First article"))
        try dir.write("nested/deeper/b.md", article("Second article"))
        try dir.write(".hidden.txt", article("Hidden article"))
        try dir.write(".git/c.txt", article("Inside a hidden folder"))
        try dir.write("photo.jpg", "not text")
        let library = Library(paths: [dir.url.path], cacheDirectory: nil)
        XCTAssertEqual(Set(library.entries.map(\.title)), ["First article", "Second article"])
        XCTAssertEqual(library.notices.count, 1)
        XCTAssertTrue(library.notices[0].description.contains("photo.jpg"))
        XCTAssertTrue(library.notices[0].message.contains("not an article file"))
    }

    func testExplicitFileIsTakenWhateverItsExtension() throws {
        let file = try dir.write("notes.article", article("Odd extension"))
        let library = Library(paths: [file.path], cacheDirectory: nil)
        XCTAssertEqual(library.entries.map(\.title), ["Odd extension"])
    }

    func testNewestFirstUsesFileDateWhenTextHasNone() throws {
        let old = try dir.write("old.txt", article("Old one"))
        let new = try dir.write("new.txt", article("New one"))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: old.path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 2_000_000)], ofItemAtPath: new.path)
        let library = Library(paths: [dir.url.path], cacheDirectory: nil)
        XCTAssertEqual(library.entries.map(\.title), ["New one", "Old one"])
        XCTAssertEqual(library.entries.first?.dateIsFromText, false)
    }

    func testUnreadableAndBrokenFilesBecomeNoticesNotFailures() throws {
        try dir.write("good.txt", article("Good article"))
        try dir.write("empty.txt", "")
        try dir.write("binary.txt", Data([0x00, 0x01, 0x02, 0xFF, 0x00, 0x10]))
        let library = Library(paths: [dir.url.path, dir.file("missing").path], cacheDirectory: nil)
        XCTAssertEqual(library.entries.map(\.title), ["Good article"])
        let messages = library.notices.map(\.description).joined(separator: "\n")
        XCTAssertTrue(messages.contains("empty.txt"), messages)
        XCTAssertTrue(messages.contains("binary.txt"), messages)
        XCTAssertTrue(messages.contains("missing"), messages)
    }

    func testDuplicateContentIsListedOnce() throws {
        try dir.write("one.txt", article("Same article"))
        try dir.write("copy/one.txt", article("Same article"))
        let library = Library(paths: [dir.url.path], cacheDirectory: nil)
        XCTAssertEqual(library.entries.count, 1)
        XCTAssertTrue(library.notices.contains { $0.message.contains("same article as") })
    }

    func testIDIsStableWhenTheLibraryMovesOrFilesAreRenamed() throws {
        try dir.write("lib/a.txt", article("Stable id", "Body that stays the same."))
        let before = Library(paths: [dir.file("lib").path], cacheDirectory: nil).entries[0]
        try FileManager.default.moveItem(at: dir.file("lib"), to: dir.file("moved"))
        try FileManager.default.moveItem(at: dir.file("moved/a.txt"), to: dir.file("moved/renamed.txt"))
        let after = Library(paths: [dir.file("moved").path], cacheDirectory: nil).entries[0]
        XCTAssertEqual(before.id, after.id)
        XCTAssertNotEqual(before.path, after.path)
    }

    func testIndexCacheIsReusedForUnchangedFilesAndRefreshedForChangedOnes() throws {
        let cache = dir.file("cache")
        try dir.write("lib/a.txt", article("Alpha"))
        try dir.write("lib/b.txt", article("Beta"))
        let first = Library(paths: [dir.file("lib").path], cacheDirectory: cache)
        XCTAssertEqual(first.parsedCount, 2)
        let second = Library(paths: [dir.file("lib").path], cacheDirectory: cache)
        XCTAssertEqual(second.parsedCount, 0)
        XCTAssertEqual(second.entries, first.entries)

        try dir.write("lib/b.txt", article("Beta, revised and longer"))
        let third = Library(paths: [dir.file("lib").path], cacheDirectory: cache)
        XCTAssertEqual(third.parsedCount, 1)
        XCTAssertTrue(third.entries.contains { $0.title == "Beta, revised and longer" })
    }

    func testCorruptCacheIsIgnoredAndRebuilt() throws {
        let cache = dir.file("cache")
        try dir.write("lib/a.txt", article("Alpha"))
        _ = Library(paths: [dir.file("lib").path], cacheDirectory: cache)
        let files = try FileManager.default.contentsOfDirectory(at: cache, includingPropertiesForKeys: nil)
        XCTAssertEqual(files.count, 1)
        try Data("bulletin-index 1\ngarbage\tline\n\u{0}\u{1}".utf8).write(to: files[0])
        let library = Library(paths: [dir.file("lib").path], cacheDirectory: cache)
        XCTAssertEqual(library.entries.map(\.title), ["Alpha"])
        XCTAssertEqual(library.parsedCount, 1)
    }

    func testCachedEntriesKeepEveryField() throws {
        let cache = dir.file("cache")
        try dir.write("lib/a.txt", "A title with\ttab\n\nBody paragraph one.\n\nBody paragraph two.\n")
        let fresh = Library(paths: [dir.file("lib").path], cacheDirectory: cache).entries
        let cached = Library(paths: [dir.file("lib").path], cacheDirectory: cache).entries
        XCTAssertEqual(fresh.count, 1)
        XCTAssertEqual(cached[0].id, fresh[0].id)
        XCTAssertEqual(cached[0].wordCount, fresh[0].wordCount)
        XCTAssertEqual(cached[0].summaryCount, fresh[0].summaryCount)
        XCTAssertEqual(cached[0].author, fresh[0].author)
        XCTAssertEqual(cached[0].date.timeIntervalSince1970, fresh[0].date.timeIntervalSince1970, accuracy: 0.001)
    }

    func testArticleForEntryParsesTheBody() throws {
        try dir.write("a.txt", article("Lazy body", "The body is parsed only when opened."))
        let library = Library(paths: [dir.url.path], cacheDirectory: nil)
        let entry = try XCTUnwrap(library.entries.first)
        let full = try library.article(for: entry)
        XCTAssertEqual(full.id, entry.id)
        XCTAssertTrue(full.paragraphs.joined().contains("parsed only when opened"))
        XCTAssertEqual(library.entry(id: entry.id)?.path, entry.path)
        XCTAssertEqual(library.index(of: entry.id), 0)
    }

    func testBundledSampleLibraryOpensWithoutErrors() throws {
        let library = Library(paths: [Products.sampleLibrary.path], cacheDirectory: nil)
        XCTAssertGreaterThanOrEqual(library.entries.count, 12)
        XCTAssertEqual(library.notices, [], "bundled articles must all parse, and no file is skipped")
    }
}

extension LibraryTests {
    func testDateAtTheStartOfTheFileNameIsUsedWhenTheTextHasNone() throws {
        try dir.write("2021-06-15-midsummer.txt", article("Midsummer"))
        try dir.write("notes-2021-06-15.txt", article("Date not at the start"))
        try dir.write("2021-13-40-bad.txt", article("Impossible date"))
        let cache = dir.file("cache")
        for library in [Library(paths: [dir.url.path], cacheDirectory: cache), Library(paths: [dir.url.path], cacheDirectory: cache)] {
            let byTitle = Dictionary(uniqueKeysWithValues: library.entries.map { ($0.title, $0) })
            XCTAssertEqual(byTitle["Midsummer"]?.date, Date(timeIntervalSince1970: 1_623_715_200))  // 2021-06-15T00:00Z
            XCTAssertEqual(byTitle["Midsummer"]?.dateIsFromText, false)
            XCTAssertGreaterThan(byTitle["Date not at the start"]!.date, Date(timeIntervalSince1970: 1_700_000_000))
            XCTAssertGreaterThan(byTitle["Impossible date"]!.date, Date(timeIntervalSince1970: 1_700_000_000))
        }
        XCTAssertEqual(FileDate.datePrefix(Array("2000-02-29".utf8)), Date(timeIntervalSince1970: 951_782_400))
    }
}

extension LibraryTests {
    func testIndexCacheKeepsAPathWithLineBreaksOnOneLine() throws {
        let cache = dir.file("cache")
        try dir.write("lib/odd\r\nname.txt", article("Odd file name"))
        try dir.write("lib/plain.txt", article("Plain file name"))
        let first = Library(paths: [dir.file("lib").path], cacheDirectory: cache)
        let second = Library(paths: [dir.file("lib").path], cacheDirectory: cache)
        XCTAssertEqual(Set(first.entries.map(\.title)), ["Odd file name", "Plain file name"])
        // The plain file comes from the cache; the odd one's cache line cannot match its
        // path, so it is parsed again rather than breaking the cache file.
        XCTAssertEqual(Set(second.entries.map(\.title)), ["Odd file name", "Plain file name"])
        XCTAssertLessThanOrEqual(second.parsedCount, 1)
        let file = try XCTUnwrap(FileManager.default.contentsOfDirectory(at: cache, includingPropertiesForKeys: nil).first)
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 4, "header, two entries, final newline: \(lines)")
    }

    func testFilesOverTheLimitAreRefusedWithoutBeingParsed() throws {
        let big = try dir.write("big.txt", "Title\n\nBody.\n")
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: UInt64(ArticleParser.maximumBytes + 1))  // sparse: cheap
        try handle.close()
        let library = Library(paths: [dir.url.path], cacheDirectory: nil)
        XCTAssertEqual(library.entries.count, 0)
        XCTAssertTrue(library.notices.contains { $0.message.contains("too large") }, "\(library.notices)")
    }
}
