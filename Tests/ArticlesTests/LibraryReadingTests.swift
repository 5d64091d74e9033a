import BulletinTestSupport
import Foundation
import XCTest

@testable import Articles

/// The library's fast file reading and ordering give what Foundation and a plain sort give.
final class LibraryReadingTests: XCTestCase {
    private var dir: TemporaryDirectory!

    override func setUpWithError() throws { dir = try TemporaryDirectory(prefix: "library-reading") }
    override func tearDown() { dir.remove() }

    func testReadBytesMatchesFoundationAndRejectsWrongSizes() throws {
        let text = "Title\n\nBody with é and 東京.\n"
        let url = try dir.write("a.txt", text)
        let size = Array(text.utf8).count
        XCTAssertEqual(Library.readBytes(atPath: url.path, size: size), [UInt8](try Data(contentsOf: url)))
        XCTAssertEqual(Library.readBytes(atPath: url.path, size: size + 10), Array(text.utf8))  // the file shrank
        XCTAssertNil(Library.readBytes(atPath: url.path, size: size - 1))  // the file grew
        XCTAssertNil(Library.readBytes(atPath: url.path + ".missing", size: 3))
    }

    func testUnreadableFilesGiveTheSameNoticesAsBefore() throws {
        let empty = try dir.write("empty.txt", "")
        let library = Library(paths: [empty.path, dir.url.appendingPathComponent("gone.txt").path], cacheDirectory: nil)
        XCTAssertEqual(library.entries.count, 0)
        XCTAssertTrue(library.notices.contains { $0.path == empty.path && $0.message == ArticleParseError.empty.description })
    }

    func testSortedNewestFirstMatchesSortingTheEntries() {
        var random = SplitMix64(seed: 99)
        let entries = (0..<500).map { i in
            LibraryEntry(
                id: ArticleID(rawValue: String(i)), path: "/p/\(random.below(50))/\(i)", title: ["B", "A", "C"][random.below(3)],
                source: nil, author: nil, date: Date(timeIntervalSince1970: Double(random.below(20))), dateIsFromText: true,
                wordCount: i, summaryCount: 0)
        }
        XCTAssertEqual(Library.sortedNewestFirst(entries), entries.sorted(by: LibraryEntry.newestFirst))
    }
}

final class FileWalkerExtensionTests: XCTestCase {
    func testPathExtensionMatchesFoundation() {
        let names = ["a.txt", "A.TXT", "notes.md", "x.markdown", "x.text", "photo.jpg", "noext", "trailing.", "a..txt",
                     "dots.in.name.md", "é.txt", "file.tx t", "file.日本", "x.verylongextension", "a.b/c", "a.1", "a. txt",
                     "file.Md", "-.txt", " .txt", "a.t_t"]
        for name in names {
            XCTAssertEqual(FileWalker.pathExtension(name), (name as NSString).pathExtension.lowercased(), name)
        }
    }
}

final class FileWalkerOrderTests: XCTestCase {
    func testParallelWalkOfOneRootGivesTheSequentialOrder() throws {
        let dir = try TemporaryDirectory(prefix: "walk-order")
        defer { dir.remove() }
        for folder in ["b", "a", "c/d", "c/e", "f"] {
            for name in ["2.txt", "1.md", "x.jpg", "noext"] {
                _ = try dir.write("\(folder)/\(name)", "Title \(folder) \(name)\n\nBody.\n")
            }
        }
        _ = try dir.write("top.txt", "Top\n\nBody.\n")
        let parallel = FileWalker.walk([dir.url.path])
        // Two roots walk one folder at a time (and skip the repeats of the second root).
        let sequential = FileWalker.walk([dir.url.path, dir.url.path])
        XCTAssertEqual(parallel.files, sequential.files)
        XCTAssertEqual(parallel.files.count, 11)
        XCTAssertEqual(parallel.notices, Array(sequential.notices.prefix(parallel.notices.count)))
        XCTAssertEqual(sequential.notices.count, 2 * parallel.notices.count)
    }
}

final class IndexCacheWriteTests: XCTestCase {
    /// The format as documented on ``IndexCache``, built field by field with strings.
    static func referenceText(_ cache: IndexCache) -> String {
        func flat(_ text: String) -> String {
            // Per scalar: a CRLF pair is one Character, but both of its scalars become spaces.
            var out = String.UnicodeScalarView()
            for scalar in text.unicodeScalars { out.append(scalar == "\t" || scalar == "\n" || scalar == "\r" ? " " : scalar) }
            return String(out)
        }
        var out = IndexCache.header + "\n"
        for path in cache.records.keys.sorted() {
            let r = cache.records[path]!
            let e = r.entry
            let textDate = e.dateIsFromText ? String(Int64(e.date.timeIntervalSince1970)) : ""
            out += [String(r.size), String(r.modified), e.id.rawValue, String(e.wordCount), String(e.summaryCount), textDate,
                    flat(path), flat(e.title), flat(e.source ?? ""), flat(e.author ?? "")].joined(separator: "\t") + "\n"
        }
        return out
    }

    func testWrittenBytesFollowTheFormat() throws {
        let dir = try TemporaryDirectory(prefix: "index-cache")
        defer { dir.remove() }
        var cache = IndexCache()
        let titles = ["Plain", "Tab\there", "Line\nbreak", "CR\r\nLF", "Accents é 東京 😀", ""]
        for (i, title) in titles.enumerated() {
            let entry = LibraryEntry(
                id: ArticleID(rawValue: String(format: "%016x", i)), path: "/lib/\(i).txt", title: title,
                source: i % 2 == 0 ? "Source \(i)" : nil, author: i % 3 == 0 ? "Au\tthor" : nil,
                date: Date(timeIntervalSince1970: Double(1_700_000_000 + i)), dateIsFromText: i % 2 == 1,
                wordCount: i * 10, summaryCount: i)
            cache.records[entry.path] = IndexCache.Record(size: 100 + i, modified: Int64(i) * 1_000_000_007, entry: entry)
        }
        let url = dir.url.appendingPathComponent("index.tsv")
        cache.write(to: url)
        let written = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(written, Self.referenceText(cache))
        XCTAssertEqual(written.split(separator: "\n", omittingEmptySubsequences: false).count, titles.count + 2, "one line per record")
    }
}

final class LibraryIndexTests: XCTestCase {
    func testLookupByIDFindsTheSameArticleAfterSorting() throws {
        let dir = try TemporaryDirectory(prefix: "library-index")
        defer { dir.remove() }
        for (i, title) in ["Zebra crossings", "Apple harvest", "Mountain huts", "Bread and salt"].enumerated() {
            let url = try dir.write("a\(i).txt", "\(title)\n\nA paragraph about \(title.lowercased()).\n")
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(1_000_000 * (i % 2 + 1)))],
                                                  ofItemAtPath: url.path)
        }
        let library = Library(paths: [dir.url.path], cacheDirectory: nil)
        XCTAssertEqual(library.entries.count, 4)
        for (i, entry) in library.entries.enumerated() {
            XCTAssertEqual(library.index(of: entry.id), i)
            XCTAssertEqual(library.entry(id: entry.id)?.title, entry.title)
        }
    }
}
