import Articles
import CLibXML2
import Foundation

/// HTML extraction speed: parse plus extraction of generated news pages of about 100 KB,
/// per page (median, p99) and in pages per second on every core, against libxml2's parse
/// alone on the same pages (the floor).
enum HTMLBench {
    static func run(into report: inout BenchReport, pages count: Int = 40, rounds: Int = 10) {
        let pages = (0..<count).map { Data(HTMLPageGenerator.page(seed: UInt64($0) &+ 42)) }
        let averageKB = Double(pages.map(\.count).reduce(0, +)) / Double(pages.count) / 1024
        for page in pages { _ = try? HTMLArticleParser.parse(data: page) }  // warm up

        var perPage: [Double] = [], floor: [Double] = []
        for _ in 0..<rounds {
            for page in pages {
                perPage.append(measure { _ = try? HTMLArticleParser.parse(data: page) })
                floor.append(measure { libxml2Only(page) })
            }
        }
        let p50 = percentile(perPage, 50) * 1000, p99 = percentile(perPage, 99) * 1000
        let floor50 = percentile(floor, 50) * 1000
        report.add(String(format: "HTML page (%.0f KB): parse + extract, p50", averageKB), "ms", ["-": p50],
                   target: "≤ 2 ms", met: p50 <= 2)
        report.add(String(format: "HTML page (%.0f KB): parse + extract, p99", averageKB), "ms", ["-": p99])
        report.add("HTML page: libxml2 parse alone (floor), p50", "ms", ["-": floor50])
        report.add("HTML page: parse + extract ÷ libxml2 floor", "x", ["-": p50 / max(floor50, 1e-9)])

        // Pages per second with one worker per core.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let total = pages.count * rounds
        let seconds = measure {
            DispatchQueue.concurrentPerform(iterations: cores) { worker in
                var k = worker
                while k < total {
                    _ = try? HTMLArticleParser.parse(data: pages[k % pages.count])
                    k += cores
                }
            }
        }
        report.add("HTML pages per second, \(cores) cores", "pages/s", ["-": Double(total) / seconds])
    }

    /// libxml2's HTML parse of a page and nothing else.
    static func libxml2Only(_ page: Data) {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        page.withUnsafeBytes { raw in
            let base = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
            if let doc = htmlReadMemory(base, Int32(raw.count), nil, "UTF-8", options) { xmlFreeDoc(doc) }
        }
    }
}

/// Deterministic news pages of about 100 KB: a head with metadata and inline script, site
/// navigation, a cookie banner, an article of 20–30 paragraphs with subheadings, a figure,
/// a list and share widgets, a related-stories block, comments and a footer.
enum HTMLPageGenerator {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }
    }

    static let words = """
        harbour council morning ferry river bridge market street village weather winter summer station \
        library teacher students families workers island coast storm rain wind lighthouse keeper boats \
        fishermen bakery bread coffee trains tickets night service record budget plans years local people \
        residents officials report study scientists data city region town north south museum archive garden \
        volunteers project community school children football match season festival music theatre stage
        """.split(separator: " ").map(String.init)

    static func sentence(_ r: inout Random, words count: Int) -> String {
        var parts: [String] = []
        for k in 0..<count {
            var word = words[r.int(0...(words.count - 1))]
            if k == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
            parts.append(word)
            if k > 2 && k < count - 2 && r.int(0...9) == 0 { parts[parts.count - 1] += "," }
        }
        return parts.joined(separator: " ") + "."
    }

    static func paragraph(_ r: inout Random) -> String {
        (0..<r.int(3...6)).map { _ in sentence(&r, words: r.int(10...22)) }.joined(separator: " ")
    }

    static func page(seed: UInt64) -> [UInt8] {
        var r = Random(state: seed)
        let title = sentence(&r, words: 8).dropLast()
        var html = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(title) | The Daily Example</title>
            <meta property="og:title" content="\(title)"><meta property="og:site_name" content="The Daily Example">
            <meta name="author" content="Jo Writer"><meta property="article:published_time" content="2024-03-0\(r.int(1...9))T08:00:00Z">
            <link rel="canonical" href="https://daily.example/news/\(seed)"><style>body{font:16px serif}.nav{display:flex}</style>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"\(title)","author":{"@type":"Person","name":"Jo Writer"}}</script>
            <script>
            """
        for k in 0..<650 { html += "window.cfg\(k) = {id: \(k), slot: 'ad-\(k)', sizes: [[300, 250], [728, 90]], lazy: true};\n" }
        html += "</script></head><body><div id=\"cookie-banner\" class=\"cookie-consent\"><p>We use cookies to improve your experience.</p><button>Accept</button></div>"
        html += "<header class=\"site-header\"><nav class=\"nav\"><ul>"
        for k in 0..<40 { html += "<li class=\"nav-item\"><a href=\"/section/\(k)\">\(words[k % words.count].capitalized)</a></li>" }
        html += "</ul></nav></header><div class=\"page-wrap\"><main id=\"content\"><article class=\"article-body\">"
        html += "<h1 class=\"headline\">\(title)</h1><p class=\"byline\">By Jo Writer</p>"
        html += "<div class=\"share-tools\"><a href=\"#\">Share on Facebook</a><a href=\"#\">Share on X</a><a href=\"#\">Email</a></div>"
        html += "<figure><img src=\"/img/\(seed).jpg\" alt=\"\"><figcaption>\(sentence(&r, words: 9)) Photo: Sam Lens/Agency</figcaption></figure>"
        let paragraphs = r.int(20...30)
        for k in 0..<paragraphs {
            if k > 0 && k % 6 == 0 { html += "<h2>\(sentence(&r, words: 5).dropLast())</h2>" }
            if k == 10 {
                html += "<ul>" + (0..<4).map { _ in "<li>\(sentence(&r, words: 9))</li>" }.joined() + "</ul>"
            }
            if k == 14 {
                html += "<div class=\"ad-slot ad\" data-slot=\"mid\"><span>Advertisement</span></div>"
                html += "<div class=\"newsletter-signup\"><p>Sign up for our newsletter.</p><form><input type=\"email\"><button>Subscribe</button></form></div>"
            }
            html += "<p>\(paragraph(&r)) <a href=\"/story/\(k)\">\(words[k % words.count])</a> \(sentence(&r, words: 12))</p>"
        }
        html += "</article><section class=\"related-stories\"><h2>Related</h2><ul>"
        for k in 0..<20 { html += "<li><a href=\"/r/\(k)\">\(sentence(&r, words: 8))</a></li>" }
        html += "</ul></section><section id=\"comments\" class=\"comments\"><h2>Comments</h2>"
        for _ in 0..<40 { html += "<div class=\"comment\"><p class=\"comment-author\">reader</p><p>\(paragraph(&r))</p></div>" }
        html += "</section></main><aside class=\"sidebar\"><h3>Most read</h3><ol>"
        for k in 0..<10 { html += "<li><a href=\"/m/\(k)\">\(sentence(&r, words: 7))</a></li>" }
        html += "</ol></aside></div><footer class=\"site-footer\"><ul>"
        for k in 0..<30 { html += "<li><a href=\"/f/\(k)\">\(words[(k * 7) % words.count])</a></li>" }
        html += "</ul><p>© The Daily Example</p></footer><script>window.analytics && window.analytics.track('view');</script></body></html>"
        return Array(html.utf8)
    }
}
