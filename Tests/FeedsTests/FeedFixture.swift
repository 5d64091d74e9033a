import Articles
import BulletinTestSupport
import Feeds
import Foundation
import XCTest

/// The feed fixtures in `Tests/FeedsTests/Fixtures` and the samples in `Resources/Feeds`.
enum FeedFixture {
    /// The raw bytes of `Fixtures/NAME`.
    static func data(_ name: String) throws -> Data {
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        guard let url = Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Fixtures") else {
            throw XCTSkip("fixture \(name) is missing from the test bundle")
        }
        return try Data(contentsOf: url)
    }

    /// A fixture parsed as a feed.
    static func feed(_ name: String, url: String? = nil) throws -> ParsedFeed {
        try FeedParser.parse(data: data(name), url: url)
    }

    /// A sample feed from `Resources/Feeds`.
    static func sample(_ name: String) throws -> Data {
        try Data(contentsOf: sampleURL(name))
    }

    /// The path of a sample in `Resources/Feeds`.
    static func sampleURL(_ name: String) -> URL {
        Products.repositoryRoot.appendingPathComponent("Resources/Feeds/\(name)")
    }

    /// ISO 8601 text of a date, for readable comparisons.
    static func iso(_ date: Date?) -> String? { date.map(ArticleDateFormat.format) }
}
