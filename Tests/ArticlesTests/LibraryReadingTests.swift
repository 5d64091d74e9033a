import BulletinTestSupport
import Foundation
import XCTest

@testable import Articles

/// The library's fast file reading and ordering give what Foundation and a plain sort give.
final class LibraryReadingTests: XCTestCase {
    private var dir: TemporaryDirectory!

    override func setUpWithError() throws { dir = try TemporaryDirectory(prefix: "library-reading") }
    override func tearDown() { dir.remove() }

    func testReadFileMatchesFoundationWhateverTheSizeHint() throws {
        let text = "Title\n\nBody with é and 東京.\n"
        let url = try dir.write("a.txt", text)
        let size = Array(text.utf8).count
        XCTAssertEqual(try Library.readFile(atPath: url.path, sizeHint: size), [UInt8](try Data(contentsOf: url)))
        XCTAssertEqual(try Library.readFile(atPath: url.path, sizeHint: size + 10), Array(text.utf8))  // the file shrank
        XCTAssertEqual(try Library.readFile(atPath: url.path, sizeHint: 1), Array(text.utf8))  // the file grew
        XCTAssertThrowsError(try Library.readFile(atPath: url.path + ".missing")) {
            XCTAssertEqual(Library.describe($0), "no such file or directory")
        }
        XCTAssertThrowsError(try Library.readFile(atPath: dir.url.path)) { XCTAssertEqual(Library.describe($0), "is a folder") }
    }

    func testReadFileRefusesAFIFOWithoutWaitingForAWriter() throws {
        let fifo = dir.url.appendingPathComponent("pipe.txt").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        // A blocking open would wait here for a writer for ever.
        XCTAssertThrowsError(try Library.readFile(atPath: fifo)) { XCTAssertEqual(Library.describe($0), "not a regular file") }
        XCTAssertThrowsError(try Library.parseFile(atPath: fifo))
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

    /// Titles whose order the integer title keys decide, or must leave to `String`: long
    /// shared prefixes, emoji, accents composed and decomposed (a combining mark changes the
    /// letter before it), short titles that begin longer ones.
    func testSortedNewestFirstMatchesSortingTrickyTitles() {
        let pieces = ["The harbour", "The harbour ", "The harbour at dusk", "The harbour at dawn 🚲", "The harbour at duske",
                      "The harbour at dus\u{0301}k", "The harbour at dusé", "The harbour at duse\u{0301}", "The harbour a",
                      "The harbour at", "Thé", "The\u{0301}", "The", "the", "Zebra", "Ábaco", "A\u{0301}baco", "Abaco",
                      "A", "", "😀 first", "Short é", "Short e\u{0301}z", "Short ez", "Fifteen bytes!!", "Fifteen bytes!!\u{0301}",
                      "Fifteen bytes!!x", "Fifteen bytes!x\u{0301}", "Fifteen bytes!\u{0301}",
                      // Not ASCII after the first difference: the keys still decide.
                      "Ravensholm’s canal", "Ravensholm’s gate", "Ravenx’s", "Ravenab’s", "Ravenxy’s", "Raven’s", "Rav’ens", "Ravens\u{0301}",
                      "Ravensh", "Ravensholm", "Ravensholm\u{0301}", "Ravensholn’", "B’", "A’", "A\u{212A}", "AK", "Ak"]
        var random = SplitMix64(seed: 7)
        let entries = (0..<2000).map { i in
            LibraryEntry(
                id: ArticleID(rawValue: String(i)), path: "/p/\(random.below(5))/\(i)", title: pieces[random.below(pieces.count)],
                source: nil, author: nil, date: Date(timeIntervalSince1970: Double(random.below(4))), dateIsFromText: true,
                wordCount: i, summaryCount: 0)
        }
        XCTAssertEqual(Library.sortedNewestFirst(entries), entries.sorted(by: LibraryEntry.newestFirst))
        // Every pair the keys decide, they decide as `String` does; titles that differ
        // early in ASCII are decided whatever follows.
        XCTAssertEqual(Library.TitleKey.less(Library.TitleKey("Ravenab’s"), Library.TitleKey("Ravenxy’s")), true)
        XCTAssertNil(Library.TitleKey.less(Library.TitleKey("Ravenx’s"), Library.TitleKey("Raven’s")))
        XCTAssertEqual(Library.TitleKey.less(Library.TitleKey("Ravensholm’s gate"), Library.TitleKey("Ravensh")), false)
        XCTAssertNil(Library.TitleKey.less(Library.TitleKey("Ravens\u{0301}"), Library.TitleKey("Ravenx’s")))
        for a in pieces {
            for b in pieces {
                if let less = Library.TitleKey.less(Library.TitleKey(a), Library.TitleKey(b)) {
                    XCTAssertEqual(less, a < b, "\(a.debugDescription) < \(b.debugDescription)")
                }
            }
        }
    }

    func testDescendingKeyOrdersTimesNewestFirst() {
        var random = SplitMix64(seed: 3)
        var times: [Double] = [0, -0.0, 1, -1, 0.5, -0.5, 1e12, -1e12, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
        for _ in 0..<500 { times.append(Double(Int64(bitPattern: random.next()) >> 20) / 1024) }
        for a in times {
            for b in times.prefix(40) {
                XCTAssertEqual(Library.descendingKey(a) < Library.descendingKey(b), a > b, "\(a) \(b)")
                XCTAssertEqual(Library.descendingKey(a) == Library.descendingKey(b), a == b, "\(a) \(b)")
            }
        }
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
        let sequential = FileWalker.walk([dir.url.path], parallel: false)
        XCTAssertEqual(parallel.files, sequential.files)
        XCTAssertEqual(parallel.files.count, 11)
        XCTAssertEqual(parallel.notices, sequential.notices)
        XCTAssertEqual(parallel.notices.count, 10)
        // A repeated root is walked once, with one notice.
        let twice = FileWalker.walk([dir.url.path, dir.url.path])
        XCTAssertEqual(twice.files, parallel.files)
        XCTAssertEqual(twice.notices, parallel.notices + [LibraryNotice(path: dir.url.path, message: "skipped: folder already listed")])
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
        for r in cache.records {
            let e = r.entry
            let path = e.path
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
            cache.records.append(IndexCache.Record(size: 100 + i, modified: Int64(i) * 1_000_000_007, entry: entry))
        }
        let url = dir.url.appendingPathComponent("index.tsv")
        cache.write(to: url)
        let written = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(written, Self.referenceText(cache))
        XCTAssertEqual(written.split(separator: "\n", omittingEmptySubsequences: false).count, titles.count + 2, "one line per record")
        // Read back: the same records in the same order (text flattened as written).
        let read = IndexCache.parse([UInt8](try Data(contentsOf: url)))
        XCTAssertEqual(read.map(\.entry.id), cache.records.map(\.entry.id))
        XCTAssertEqual(read.map(\.size), cache.records.map(\.size))
        XCTAssertEqual(read.map(\.entry.title), titles.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\r\n", with: "  ").replacingOccurrences(of: "\n", with: " ") })
    }

    /// The cache names the user's articles: its file is 0600 and a folder it makes is 0700,
    /// whatever the umask, and rewriting it leaves no temp file behind.
    func testWrittenCacheIsPrivateAndLeavesNoTempFile() throws {
        let dir = try TemporaryDirectory(prefix: "index-cache-mode")
        defer { dir.remove() }
        let old = umask(0o022)
        defer { umask(old) }
        var cache = IndexCache()
        let entry = LibraryEntry(
            id: ArticleID(rawValue: "00000000000000aa"), path: "/lib/a.txt", title: "A", source: nil, author: nil,
            date: Date(timeIntervalSince1970: 1_700_000_000), dateIsFromText: false, wordCount: 1, summaryCount: 0)
        cache.records.append(IndexCache.Record(size: 1, modified: 1, entry: entry))
        let folder = dir.url.appendingPathComponent("cache/bulletin")
        let url = folder.appendingPathComponent("index.tsv")
        cache.write(to: url)
        cache.write(to: url)
        let fileMode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
        let folderMode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int)
        XCTAssertEqual(fileMode & 0o777, 0o600)
        XCTAssertEqual(folderMode & 0o777, 0o700)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["index.tsv"])
        XCTAssertEqual(IndexCache.parse([UInt8](try Data(contentsOf: url))).map(\.entry.id), [entry.id])
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

final class IndexCacheOrderTests: XCTestCase {
    func testACacheOutOfWalkOrderIsStillUsedAndRewrittenInOrder() throws {
        let dir = try TemporaryDirectory(prefix: "index-order")
        defer { dir.remove() }
        for i in 0..<12 { try dir.write("lib/\(i % 3)/a\(i).txt", "Title \(i)\n\nBody of article \(i).\n") }
        let lib = dir.file("lib").path
        let cacheDir = dir.file("cache")
        let first = Library(paths: [lib], cacheDirectory: cacheDir)
        XCTAssertEqual(first.parsedCount, 12)
        let file = try XCTUnwrap(FileManager.default.contentsOfDirectory(at: cacheDir, includingPropertiesForKeys: nil).first)
        // The cache as an older version wrote it: lines sorted by path, here reversed.
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        try (([lines[0]] + lines.dropFirst().reversed()).joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(IndexCache.load(from: file)?.count, 12)

        let second = Library(paths: [lib], cacheDirectory: cacheDir)
        XCTAssertEqual(second.parsedCount, 0, "every entry still comes from the cache")
        XCTAssertEqual(second.entries, first.entries)
        // Rewritten in the walk's order: the next start matches line by line.
        let reloaded = try XCTUnwrap(IndexCache.load(from: file))
        for found in FileWalker.walk([lib]).files {
            XCTAssertNotNil(reloaded.match(path: found.path, size: found.size, modified: found.modified))
        }
        XCTAssertFalse(reloaded.isOutOfOrder)
    }
}
