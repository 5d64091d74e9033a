import Articles
import Feeds
import Foundation
import XCTest

/// Feed items as articles: identity, cleanup, summary and teasers.
final class FeedItemArticleTests: XCTestCase {
    let feedURL = "https://saltmarsh.example/feed.xml"

    func testIDDerivesFromFeedAndGuidNotText() {
        let item = FeedItem(guid: "sm-1", link: "https://saltmarsh.example/a", title: "First title",
                            content: .html("<p>First body text of the item.</p>"))
        var edited = item
        edited.title = "Corrected title"
        edited.content = .html("<p>Rewritten body with new words.</p>")
        edited.link = "https://saltmarsh.example/a-moved"
        let a = item.article(feedURL: feedURL, feedTitle: "Saltmarsh")
        let b = edited.article(feedURL: feedURL, feedTitle: "Saltmarsh")
        XCTAssertEqual(a.id, b.id, "an updated item keeps its id")
        XCTAssertEqual(a.id, ArticleID.feedItem(feedURL: feedURL, key: "sm-1"))
        XCTAssertNotEqual(a.id, ArticleID.derive(title: a.title, sections: a.sections), "not the content id")
        XCTAssertNotEqual(a.id, item.article(feedURL: "https://other.example/feed.xml", feedTitle: nil).id,
                          "another feed, another id")
        XCTAssertNotNil(ArticleID(parsing: a.id.rawValue), "16 hex digits")
    }

    func testIDFallsBackToLinkThenTitleAndDate() {
        let date = Date(timeIntervalSince1970: 1_709_280_000)
        let linkOnly = FeedItem(link: "https://saltmarsh.example/b", title: "T", date: date)
        XCTAssertEqual(linkOnly.identityKey, "https://saltmarsh.example/b")
        XCTAssertEqual(linkOnly.articleID(feedURL: feedURL), ArticleID.feedItem(feedURL: feedURL, key: "https://saltmarsh.example/b"))
        let blankGuid = FeedItem(guid: "", link: "https://saltmarsh.example/b")
        XCTAssertEqual(blankGuid.identityKey, "https://saltmarsh.example/b")
        let bare = FeedItem(title: "Only a title", date: date)
        XCTAssertEqual(bare.identityKey, "Only a title\n2024-03-01T08:00:00Z")
        var later = bare
        later.date = date.addingTimeInterval(86400)
        XCTAssertNotEqual(bare.articleID(feedURL: feedURL), later.articleID(feedURL: feedURL))
        XCTAssertEqual(ArticleID.feedItemKey(guid: nil, link: nil, title: nil, date: nil), "\n")
    }

    func testArticleFields() throws {
        let item = FeedItem(
            guid: "g", link: "https://saltmarsh.example/c", title: "Tide \u{1B}[2Jtables",
            author: "Rowan Pike", date: Date(timeIntervalSince1970: 1_709_280_000),
            content: .html("<p>The first paragraph of the story has more than five words.</p><h2>Next</h2><p>A second paragraph follows the heading here.</p><script>alert(1)</script>"))
        let article = item.article(feedURL: feedURL, feedTitle: "Saltmarsh Weekly")
        XCTAssertEqual(article.title, "Tide tables", "a hand-built item is sanitised too")
        XCTAssertEqual(article.source, "Saltmarsh Weekly")
        XCTAssertEqual(article.author, "Rowan Pike")
        XCTAssertEqual(article.url, "https://saltmarsh.example/c")
        XCTAssertEqual(article.date, item.date)
        XCTAssertEqual(article.sections, [
            ArticleSection(paragraphs: ["The first paragraph of the story has more than five words."]),
            ArticleSection(heading: "Next", paragraphs: ["A second paragraph follows the heading here."]),
        ])
        XCTAssertEqual(article.summarySource, .generated)
        XCTAssertEqual(article.summary.map(\.text), [
            "The first paragraph of the story has more than five words.", "A second paragraph follows the heading here.",
        ])
    }

    func testReadersCleanEveryTextField() throws {
        let xml = """
            <rss version="2.0"><channel><title>Feed&#x202E; name&#x9B;2J</title>
            <item><title>Tide &#x9B;2Jtables &#x2066;now</title><author>a@b.example (Ro&#x200F;wan)</author>
            <guid> g&#x9B;1  </guid><link> https://saltmarsh.example/c </link>
            <description>&lt;p&gt;Body &#x9B;31m text&#x202E; here.&lt;/p&gt;</description></item></channel></rss>
            """
        let feed = try FeedParser.parse(data: Data(xml.utf8), url: feedURL)
        let item = feed.items[0]
        XCTAssertEqual(feed.title, "Feed name")
        XCTAssertEqual(item.title, "Tide tables now")
        XCTAssertEqual(item.author, "Rowan")
        XCTAssertEqual(item.guid, "g")
        XCTAssertEqual(item.link, "https://saltmarsh.example/c")
        let article = item.article(feedURL: feedURL, feedTitle: feed.title)
        XCTAssertEqual(article.paragraphs, ["Body text here."])
        for text in [article.title, article.author, article.source] + article.paragraphs + article.summary.map(\.text) {
            XCTAssertFalse((text ?? "").unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
                || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }, text ?? "")
        }
    }

    func testTeaserThreshold() {
        let short = FeedItem(content: .html("<p>" + Array(repeating: "word", count: 59).joined(separator: " ") + "</p>"))
        let long = FeedItem(content: .text(Array(repeating: "word", count: 60).joined(separator: " ")))
        XCTAssertEqual(short.wordCount, 59)
        XCTAssertTrue(short.isTeaser)
        XCTAssertFalse(long.isTeaser)
        XCTAssertTrue(FeedItem(link: "https://x.example/").isTeaser, "no body at all")
        let markupHeavy = FeedItem(content: .html("<div class=\"a b c d e f g h\"><img src=\"x\" alt=\"one two three\"><p>Three words here</p></div>"))
        XCTAssertEqual(markupHeavy.wordCount, 3, "markup is not counted")
    }

    func testUntitledItemIsNamedByItsFirstSentence() {
        let item = FeedItem(guid: "u", content: .text("A short note about the frost. More text follows."))
        XCTAssertEqual(item.article(feedURL: feedURL, feedTitle: nil).title, "A short note about the frost.")
        XCTAssertEqual(FeedItem(guid: "e").article(feedURL: feedURL, feedTitle: nil).title, "Untitled")
    }

    func testAllArticlesOfAFeed() throws {
        let feed = try FeedParser.parse(data: FeedFixture.sample("lantern-post.rss"), url: feedURL)
        let articles = feed.articles(feedURL: feedURL)
        XCTAssertEqual(articles.count, 3)
        XCTAssertEqual(Set(articles.map(\.id)).count, 3)
        XCTAssertEqual(articles.map(\.source), Array(repeating: "The Lantern Post", count: 3))
    }

    func testTeaserWithItsFetchedPage() {
        let item = FeedItem(guid: "t1", link: "https://saltmarsh.example/t1", title: "Feed title", author: nil,
                            date: Date(timeIntervalSince1970: 1_709_280_000), content: .text("Short teaser."))
        XCTAssertTrue(item.isTeaser)
        let page = Article(title: "Page title", source: "Saltmarsh", author: "Page Author", authorBio: "Bio.",
                           date: Date(timeIntervalSince1970: 1_700_000_000.75), url: "https://saltmarsh.example/t1?amp",
                           sections: [ArticleSection(paragraphs: ["The whole article from the page, much longer than the teaser."])],
                           summary: [SummaryBullet(text: "Page bullet.")], summarySource: .author)
        let merged = item.article(feedURL: feedURL, feedTitle: "Saltmarsh Weekly", page: page)
        XCTAssertEqual(merged.id, item.articleID(feedURL: feedURL), "the item's identity")
        XCTAssertEqual(merged.title, "Feed title")
        XCTAssertEqual(merged.source, "Saltmarsh Weekly")
        XCTAssertEqual(merged.author, "Page Author")
        XCTAssertEqual(merged.authorBio, "Bio.")
        XCTAssertEqual(merged.date, item.date)
        XCTAssertEqual(merged.url, "https://saltmarsh.example/t1")
        XCTAssertEqual(merged.sections, page.sections)
        XCTAssertEqual(merged.summary, page.summary)
        XCTAssertEqual(merged.summarySource, .author)
        var undated = item
        undated.date = nil
        XCTAssertEqual(undated.article(feedURL: feedURL, feedTitle: nil, page: page).date, Date(timeIntervalSince1970: 1_700_000_000),
                       "whole seconds, as the article file keeps them")
        let empty = Article(title: "Nothing", sections: [])
        XCTAssertEqual(item.article(feedURL: feedURL, feedTitle: nil, page: empty), item.article(feedURL: feedURL, feedTitle: nil),
                       "an empty page keeps the teaser")
        // A stored teaser (read back from its file) is completed the same way.
        let stored = item.article(feedURL: feedURL, feedTitle: "Saltmarsh Weekly")
        XCTAssertEqual(stored.completed(with: page), merged)
        XCTAssertEqual(stored.completed(with: empty), stored)
        // An untitled item takes the page's title.
        var untitled = item
        untitled.title = nil
        XCTAssertEqual(untitled.article(feedURL: feedURL, feedTitle: nil, page: page).title, "Page title")
    }
}
