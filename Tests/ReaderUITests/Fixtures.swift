import Articles
import Foundation
import ReaderUI

/// Articles written for the reader's tests, built in memory so that the tests do not
/// depend on the parser.
enum Fixtures {
    static func date(_ text: String) -> Date {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.date(from: text)!
    }

    static let ferry = Article(
        title: "The night ferry to the islands runs again after forty years",
        source: "Harbour Weekly", author: "Ana Ruiz",
        authorBio: "Ana Ruiz writes about boats, ports and the people who work in them.",
        credit: "© Ana Ruiz/Harbour Weekly", date: date("2024-03-11"), url: "https://example.org/ferry",
        sections: [
            ArticleSection(paragraphs: [
                "At eleven in the evening the quay is quiet, apart from the ferry. Its engines have been running for an hour, warming the old hull for a crossing that nobody under fifty remembers.",
                "The service stopped in 1984, when the last operator went bankrupt. This spring a cooperative of islanders bought a retired ship and put it back on the route.",
            ]),
            ArticleSection(heading: "Who rides at night?", paragraphs: [
                "Nurses going home after a late shift, students, a baker with trays of bread for the morning, and a surprising number of tourists who want to see the harbour lights.",
                "The crossing takes ninety minutes. The café sells soup and tea; the lounge has reclining seats and a shelf of paperbacks that passengers swap.",
            ]),
            ArticleSection(heading: "Will it last?", paragraphs: [
                "The cooperative needs two hundred passengers a night to break even. In its first month it averaged two hundred and forty.",
            ]),
        ],
        summary: [
            SummaryBullet(text: "A night ferry to the islands is running again for the first time since 1984."),
            SummaryBullet(text: "Islanders formed a cooperative and bought a retired ship."),
            SummaryBullet(text: "It needs 200 passengers a night; its first month averaged 240."),
        ])

    static let market = Article(
        title: "À Castellane, le marché de nuit rallume la place",
        source: "Le Petit Provençal", author: "Hélène Fabre", date: date("2024-02-20"),
        sections: [ArticleSection(paragraphs: [
            "Chaque vendredi, dès dix-neuf heures, les étals s'installent sous les platanes : fromages, olives, pain cuit au feu de bois.",
            "« On vient pour manger, on reste pour parler », sourit Élodie, qui vend des tartes aux poireaux depuis trois ans.",
        ])])

    static let kissaten = Article(
        title: "喫茶店 after dark: Tokyo's coffee houses ☕ keep the lights on",
        source: "Slow Cities", author: "Kenji Mori", date: date("2024-01-05"),
        sections: [ArticleSection(paragraphs: [
            "東京の喫茶店は夜遅くまで開いている。静かな音楽と深煎りのコーヒーが、仕事帰りの人々を迎える。",
            "The owner, now eighty-one, still roasts the beans himself 🔥 every Monday morning.",
        ])],
        summary: [SummaryBullet(text: "Old-style coffee houses (喫茶店) survive by staying open late.")],
        summarySource: .generated)

    static let bees = Article(
        title: "Do city bees make better honey? A rooftop experiment",
        author: "Sam Okafor", date: date("2023-11-30"),
        sections: [ArticleSection(paragraphs: [
            "Twelve hives on six rooftops, one season, and a blind tasting panel of forty volunteers.",
        ])])

    static let lighthouse: Article = {
        var paragraphs: [String] = []
        for i in 1...40 {
            paragraphs.append("Entry \(i). The keeper wrote down the wind, the sea state and the ships that passed; on most days nothing else happened, and he said so in a careful, patient hand.")
        }
        return Article(
            title: "The lighthouse logbooks: 150 years of weather, written by hand",
            source: "Archive Notes", author: "Freya Lindgren", date: date("2023-10-01"),
            sections: [ArticleSection(paragraphs: Array(paragraphs[0..<20])),
                       ArticleSection(heading: "The storm of 1899", paragraphs: Array(paragraphs[20...]))],
            summary: [SummaryBullet(text: "A lighthouse's logbooks cover 150 years of daily weather.")])
    }()

    /// Every scalar a terminal could act on, in every field.
    static let hostile = Article(
        title: "Evil\u{1B}]0;pwned\u{07} title\u{1B}[31m red\u{202E}desrever",
        source: "\u{1B}]52;c;aGVsbG8=\u{07}Clipboard", author: "Mallory\u{9B}2J",
        sections: [ArticleSection(paragraphs: ["Body \u{1B}[2J\u{1B}[H cleared? \u{2066}isolate\u{2069} \u{7F}\u{08}end"])])

    static let all = [ferry, market, kissaten, bees, lighthouse]

    static func context(_ articles: [Article] = all) -> ReaderContext { ReaderContext(articles: articles) }

    static func session(width: Int = 80, height: Int = 24, articles: [Article] = all,
                        read: Set<ArticleID> = [], saved: Set<ArticleID> = [],
                        options: ReaderOptions = ReaderOptions()) -> ReaderSession {
        ReaderSession(state: ReaderState(context: context(articles), width: width, height: height, read: read, saved: saved,
                                         options: options))
    }
}
