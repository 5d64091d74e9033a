import Articles
import Foundation
import XCTest

@testable import Storage

/// Small builders shared by the storage tests.
enum Fixture {
    /// An article with `paragraphs` distinct paragraphs.
    static func article(_ name: String, paragraphs: Int = 2) -> Article {
        Article(
            title: "Article \(name)", source: "Test Source", author: "Ana Lima",
            sections: (0..<max(1, paragraphs)).map { i in
                ArticleSection(heading: i == 0 ? nil : "Part \(i)", paragraphs: ["Paragraph \(i) of \(name), with «accents» é and 漢字 🙂."])
            },
            summary: [SummaryBullet(text: "Key point of \(name).")])
    }

    /// A valid article id for `n`.
    static func id(_ n: Int) -> ArticleID { StorageBenchmark.id(n) }

    static func time(_ ms: Int64) -> StateTime { StateTime(rawValue: ms) }

    /// The read journal's and snapshot's file names.
    static let journal = ReadJournal.journalName
    static let snapshot = ReadJournal.snapshotName

    /// The text of a file in the folder.
    static func text(_ folder: URL, _ name: String) -> String? {
        (try? Data(contentsOf: folder.appendingPathComponent(name))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Names in the folder, sorted.
    static func names(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// The permission bits of a path.
    static func mode(_ url: URL) -> Int {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return -1 }
        return Int(info.st_mode & 0o7777)
    }

    /// Whether the process runs as root (permission bits do not stop it).
    static var isRoot: Bool { geteuid() == 0 }

    /// Runs a command, returning its exit status.
    @discardableResult
    static func sh(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
