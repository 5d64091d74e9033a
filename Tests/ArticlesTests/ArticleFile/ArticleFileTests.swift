import BulletinTestSupport
import Foundation
import XCTest

@testable import Articles

/// The Bulletin article file: written, read back to the same article, and picked up by the
/// parser and the library like any article.
final class ArticleFileTests: XCTestCase {
    /// Write, then read back both ways (the reader and the parser).
    func assertRoundTrip(_ article: Article, guid: String? = nil, feed: String? = nil, _ label: String,
                         file: StaticString = #filePath, line: UInt = #line) throws {
        let text = ArticleFile.write(article, guid: guid, feed: feed)
        let read = try XCTUnwrap(ArticleFile.read(text), label, file: file, line: line)
        XCTAssertEqual(read.article, article, "\(label)\n\(text)", file: file, line: line)
        XCTAssertEqual(read.guid, guid, label, file: file, line: line)
        XCTAssertEqual(read.feed, feed, label, file: file, line: line)
        XCTAssertEqual(try ArticleParser.parse(text: text), article, label, file: file, line: line)
        XCTAssertEqual(try ArticleParser.parse(data: Data(text.utf8)), article, label, file: file, line: line)
        XCTAssertEqual(ArticleFile.write(read.article, guid: read.guid, feed: read.feed), text, "stable", file: file, line: line)
    }

    func testBundledLibraryRoundTrips() throws {
        let root = Products.sampleLibrary
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { ["txt", "md"].contains($0.pathExtension) }
        XCTAssertGreaterThanOrEqual(files.count, 12)
        for url in files {
            let article = try ArticleParser.parse(data: Data(contentsOf: url))
            try assertRoundTrip(article, url.lastPathComponent)
        }
    }

    func testFixturesAndSharedSampleRoundTrip() throws {
        for name in ["cjk.txt", "escapes.txt", "french.txt", "latin1.txt", "markdown.txt", "no-summary.txt", "quirks.txt", "wrapped.txt"] {
            try assertRoundTrip(try ArticleParser.parse(data: Fixture.data(name)), name)
        }
        guard let shared = Products.sharedSample else { throw XCTSkip("shared sample not present") }
        try assertRoundTrip(try ArticleParser.parse(data: Data(contentsOf: shared)),
                            guid: "shared-1", feed: "https://example.org/feed", "shared sample")
    }

    func testMarkupLookalikesAndHeadlessSections() throws {
        let article = Article(
            id: ArticleID(rawValue: "0123456789abcdef"),
            title: "Quotes \"here\" and \\ backslash: yes",
            source: "Site: \"The\" Ledger", author: "Ana Ruiz", authorBio: "Ana writes: often.",
            credit: "© Jane Doe/Agency", date: Date(timeIntervalSince1970: 1_709_280_000),
            url: "https://example.org/a?b=c#d",
            sections: [
                ArticleSection(paragraphs: ["# not a heading", "- not a bullet", "\\ a backslash", "* star", "+ plus", "> quote"]),
                ArticleSection(paragraphs: ["<!-- section --> is text here", "Second headless section."]),
                ArticleSection(heading: "", paragraphs: ["Under an empty heading."]),
                ArticleSection(heading: "Empty section", paragraphs: []),
                ArticleSection(heading: "## Hashes in a heading", paragraphs: ["---", "..."]),
            ],
            summary: [SummaryBullet(text: "- dash first"), SummaryBullet(text: "Second point.")],
            summarySource: .author)
        var twoHeadless = article
        twoHeadless.sections.insert(ArticleSection(paragraphs: ["Another lead."]), at: 1)
        try assertRoundTrip(article, guid: "tag:example.org,2024:1", feed: "https://example.org/feed.xml", "lookalikes")
        try assertRoundTrip(twoHeadless, "two headless sections")
        let bare = Article(title: "", sections: [])
        try assertRoundTrip(bare, "empty article")
        let generated = Article(title: "T", sections: [ArticleSection(paragraphs: ["P."])], summary: [SummaryBullet(text: "P.")],
                                summarySource: .generated)
        try assertRoundTrip(generated, "generated summary")
        let unicode = Article(title: "日本語のタイトル 🚆", author: "Zoë", sections: [ArticleSection(paragraphs: ["Ça va ? Oui !", "東京の喫茶店"])])
        try assertRoundTrip(unicode, "unicode")
    }

    func testFormat() throws {
        let article = Article(
            id: ArticleID(rawValue: "3f2a9c0d11e4b7a8"), title: "Night trains return", author: "Tomas Reyes",
            date: Date(timeIntervalSince1970: 1_709_285_400), url: "https://example.org/night-trains",
            sections: [ArticleSection(paragraphs: ["Lead paragraph."]), ArticleSection(heading: "A subheading", paragraphs: ["Paragraph."])],
            summary: [SummaryBullet(text: "First summary bullet.")], summarySource: .generated)
        let text = ArticleFile.write(article, guid: "tag:example.org,2024:night-trains", feed: "https://example.org/feed.xml")
        XCTAssertEqual(text, """
            ---
            bulletin: 1
            id: 3f2a9c0d11e4b7a8
            title: "Night trains return"
            author: "Tomas Reyes"
            date: 2024-03-01T09:30:00Z
            url: "https://example.org/night-trains"
            feed: "https://example.org/feed.xml"
            guid: "tag:example.org,2024:night-trains"
            summarySource: generated
            ---

            # Night trains return

            - First summary bullet.

            Lead paragraph.

            ## A subheading

            Paragraph.

            """)
    }

    func testHandEditedFileIsSanitisedAndLenient() throws {
        let text = "---\r\nbulletin: 1\r\ntitle: \"Evil \\u001b[2J title\\u202e\"\r\nauthor: Plain \u{1B}[31mName\r\n"
            + "date: 2024-03-01\r\nunknown: ignored\r\n---\r\n\r\n# Ignored heading title\r\n\r\nA paragraph\r\nwrapped over\r\nthree lines.\r\n\r\n"
            + "## Sec\u{202E}tion\r\n\r\nText with \u{9B}31m escape.\r\n"
        let file = try XCTUnwrap(ArticleFile.read(text))
        let article = file.article
        XCTAssertEqual(article.title, "Evil title")
        XCTAssertEqual(article.author, "Plain Name")
        XCTAssertEqual(article.date.map(ArticleDateFormat.format), "2024-03-01T00:00:00Z")
        XCTAssertEqual(article.sections, [
            ArticleSection(paragraphs: ["A paragraph wrapped over three lines."]),
            ArticleSection(heading: "Section", paragraphs: ["Text with escape."]),
        ])
        XCTAssertEqual(article.id, ArticleID.derive(title: article.title, sections: article.sections), "no id: derived")
        XCTAssertNil(file.guid)
    }

    func testTitleFromBodyWhenFrontMatterHasNone() throws {
        let file = try XCTUnwrap(ArticleFile.read("---\nbulletin: 1\n---\n# Body title\n\nText.\n"))
        XCTAssertEqual(file.article.title, "Body title")
        XCTAssertEqual(file.article.paragraphs, ["Text."])
    }

    func testOtherFrontMatterIsLeftToTheTextParser() throws {
        let jekyll = "---\nlayout: post\ntitle: Not Bulletin\n---\n\nMorning light on the harbour\n\nThe boats went out before dawn and came back full.\n"
        XCTAssertNil(ArticleFile.read(jekyll))
        XCTAssertNoThrow(try ArticleParser.parse(text: jekyll))
        XCTAssertNil(ArticleFile.read("---\nbulletin: 1\nno closing line\n"), "an unclosed block is not front matter")
        XCTAssertNil(ArticleFile.read("Title\n---\nbulletin: 1\n---\n"))
    }

    func testLibraryListsAndOpensArticleFiles() throws {
        let dir = try TemporaryDirectory(prefix: "article-files")
        defer { dir.remove() }
        let first = Article(id: ArticleID(rawValue: "00000000000000aa"), title: "Feed article one", source: "Saltmarsh Weekly",
                            author: "Rowan Pike", date: Date(timeIntervalSince1970: 1_709_280_000), url: "https://saltmarsh.example/1",
                            sections: [ArticleSection(paragraphs: ["The first stored feed article has a body."])])
        let second = Article(id: ArticleID(rawValue: "00000000000000bb"), title: "Feed article two",
                             sections: [ArticleSection(heading: "Part", paragraphs: ["Another body paragraph here."])])
        try dir.write("saltmarsh/2024-03-01-feed-article-one.md", ArticleFile.write(first, guid: "g1", feed: "https://saltmarsh.example/feed"))
        try dir.write("saltmarsh/undated-feed-article-two.md", ArticleFile.write(second))
        let library = Library(paths: [dir.url.path], cacheDirectory: nil)
        XCTAssertEqual(library.notices, [])
        XCTAssertEqual(Set(library.entries.map(\.id)), [first.id, second.id], "ids from the front matter")
        let entry = try XCTUnwrap(library.entry(id: first.id))
        XCTAssertEqual(entry.title, "Feed article one")
        XCTAssertEqual(entry.author, "Rowan Pike")
        XCTAssertEqual(try library.article(for: entry), first)
        XCTAssertEqual(try library.article(for: XCTUnwrap(library.entry(id: second.id))), second)
    }
}
