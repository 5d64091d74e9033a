import BulletinTestSupport
import Foundation
import XCTest

@testable import Articles

/// Extraction quality on the public development set in `../shared/data/readability-test-pages`
/// (beside the clone): titles, bylines and the body's word 4-gram F1 against `expected.html`.
final class HTMLQualityTests: XCTestCase {
    /// Thresholds committed to in QUALITY.md.
    static let titleThreshold = 0.95
    static let bylineThreshold = 0.80
    static let f1Threshold = 0.93

    /// `../shared` beside the clone, or the folder named by `$BULLETIN_SHARED_DIR`.
    static var pagesFolder: URL? {
        let shared = ProcessInfo.processInfo.environment["BULLETIN_SHARED_DIR"].map { URL(fileURLWithPath: $0) }
            ?? Products.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        let url = shared.appendingPathComponent("data/readability-test-pages")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    func testDevelopmentSetQuality() throws {
        guard let folder = Self.pagesFolder else {
            report("notice: ../shared/data/readability-test-pages not found; skipping the HTML quality test")
            throw XCTSkip("development set not available")
        }
        let verbose = ProcessInfo.processInfo.environment["BULLETIN_QUALITY_VERBOSE"] != nil
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var titles = (hit: 0, total: 0), bylines = (hit: 0, total: 0)
        var f1Sum = 0.0, pages = 0
        for name in names {
            let page = folder.appendingPathComponent(name)
            let source = page.appendingPathComponent("source.html")
            guard FileManager.default.fileExists(atPath: source.path) else { continue }
            let expectedHTML = try Data(contentsOf: page.appendingPathComponent("expected.html"))
            let metadataData = try Data(contentsOf: page.appendingPathComponent("expected-metadata.json"))
            let metadata = try JSONSerialization.jsonObject(with: metadataData) as? [String: Any] ?? [:]
            let article = try? HTMLArticleParser.parse(data: try Data(contentsOf: source))
            if let article { assertAllFieldsClean(article) }
            pages += 1

            if let title = metadata["title"] as? String, !HTMLText.clean(title).isEmpty {
                titles.total += 1
                if HTMLText.clean(title) == article?.title { titles.hit += 1 } else if verbose {
                    report("title \(name): expected «\(HTMLText.clean(title))» got «\(article?.title ?? "-")»")
                }
            }
            if let byline = metadata["byline"] as? String, !Self.normalizedByline(byline).isEmpty {
                bylines.total += 1
                if Self.bylinesMatch(byline, article?.author) { bylines.hit += 1 } else if verbose {
                    report("byline \(name): expected «\(byline)» got «\(article?.author ?? "-")»")
                }
            }
            let expectedWords = QualityText.words(QualityText.text(ofHTML: [UInt8](expectedHTML)))
            let gotWords = article.map { QualityText.words(QualityText.body($0)) } ?? []
            let f1 = QualityText.f1(expected: expectedWords, got: gotWords)
            f1Sum += f1
            if verbose && f1 < 0.9 { report(String(format: "f1 %@: %.3f (expected %d words, got %d)", name, f1, expectedWords.count, gotWords.count)) }
        }
        XCTAssertGreaterThan(pages, 100, "the development set should have over 100 pages")
        let titleRate = Double(titles.hit) / Double(max(titles.total, 1))
        let bylineRate = Double(bylines.hit) / Double(max(bylines.total, 1))
        let meanF1 = f1Sum / Double(max(pages, 1))
        report(String(format: "HTML quality over %d pages: title %.1f%% (%d/%d), byline %.1f%% (%d/%d), mean word 4-gram F1 %.4f",
                     pages, titleRate * 100, titles.hit, titles.total, bylineRate * 100, bylines.hit, bylines.total, meanF1))
        XCTAssertGreaterThanOrEqual(titleRate, Self.titleThreshold)
        XCTAssertGreaterThanOrEqual(bylineRate, Self.bylineThreshold)
        XCTAssertGreaterThanOrEqual(meanF1, Self.f1Threshold)
    }

    /// Lowercased, without a leading "by", spaces collapsed, outer punctuation trimmed.
    static func normalizedByline(_ text: String) -> String {
        var words = HTMLText.clean(text).lowercased().split(separator: " ").map(String.init)
        if words.first == "by" { words.removeFirst() }
        return words.joined(separator: " ").trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces))
    }

    /// The same byline, or one that holds the other (a name inside "Name, Role").
    static func bylinesMatch(_ expected: String, _ got: String?) -> Bool {
        guard let got else { return false }
        let a = normalizedByline(expected), b = normalizedByline(got)
        guard !a.isEmpty, !b.isEmpty else { return false }
        return a == b || a.contains(b) || b.contains(a)
    }
}

/// Writes a line to standard error (unbuffered, so it is never lost when the test process ends).
func report(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Text and word 4-gram F1 for the quality measures.
enum QualityText {
    /// The body an article shows: its own summary bullets, headings and paragraphs.
    static func body(_ article: Article) -> String {
        var parts: [String] = []
        if article.summarySource == .author { parts += article.summary.map(\.text) }
        for section in article.sections {
            if let heading = section.heading { parts.append(heading) }
            parts += section.paragraphs
        }
        return parts.joined(separator: "\n")
    }

    /// All the text of an HTML document, blocks separated by spaces.
    static func text(ofHTML bytes: [UInt8]) -> String {
        let tree = HTMLTree.parse(bytes)
        var out = ""
        for node in tree.nodes {
            if node.tag == .text { out += node.text } else if node.tag.isBlock { out += " " }
        }
        return out
    }

    /// Lowercased words: runs of letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// F1 of the multisets of word 4-grams (unigrams when a text has fewer than four words).
    static func f1(expected: [String], got: [String]) -> Double {
        let n = min(4, min(expected.count, got.count) == 0 ? 4 : min(expected.count, got.count, 4))
        func grams(_ words: [String]) -> [String: Int] {
            var counts: [String: Int] = [:]
            guard words.count >= n else { return counts }
            for i in 0...(words.count - n) { counts[words[i..<(i + n)].joined(separator: " "), default: 0] += 1 }
            return counts
        }
        let e = grams(expected), g = grams(got)
        let eTotal = e.values.reduce(0, +), gTotal = g.values.reduce(0, +)
        if eTotal == 0 && gTotal == 0 { return 1 }
        guard eTotal > 0, gTotal > 0 else { return 0 }
        var overlap = 0
        for (gram, count) in g { overlap += min(count, e[gram] ?? 0) }
        let precision = Double(overlap) / Double(gTotal), recall = Double(overlap) / Double(eTotal)
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
}
