import Articles
import Foundation
import ReaderUI
import Storage

/// Measurements made inside this process: key handling, layout of a big article, storage.
enum InProcessBench {
    static func run(into report: inout BenchReport, library: URL, work: URL, keys: Int, corpusTool: String) {
        keyHandling(into: &report, library: library, work: work, count: keys)
        bigArticle(into: &report, work: work, corpusTool: corpusTool)
        HTMLBench.run(into: &report)
    }

    /// Replays `count` keys through KeyMap → Reducer → View on the library and times each.
    static func keyHandling(into report: inout BenchReport, library: URL, work: URL, count: Int) {
        let lib = Library(paths: [library.path], cacheDirectory: work.appendingPathComponent("cache-keys"))
        let stateDir = work.appendingPathComponent("state-keys-\(getpid())")
        defer { try? FileManager.default.removeItem(at: stateDir) }
        let store = StateStore(directory: stateDir)
        var session = ReaderSession(library: lib, store: store, width: 120, height: 40)
        _ = session.render()

        // A realistic mix: mostly j/k, some jumps, filter cycling, and a search typed letter by letter.
        var script: [(String, [Key])] = []
        let search: [Key] = [.character("/")] + "harbour".map { Key.character($0) } + [.escape]
        while script.count < count {
            for _ in 0..<40 { script.append(("j", [.character("j")])) }
            for _ in 0..<20 { script.append(("k", [.character("k")])) }
            script.append(("G", [.character("G")]))
            script.append(("g", [.character("g")]))
            script.append(("Tab", [.tab]))
            script.append(("Tab", [.tab]))
            script.append(("Tab", [.tab]))
            script.append(("search", search))
        }
        script = Array(script.prefix(count))

        var byKind: [String: [Double]] = [:]
        var all: [Double] = []
        for (kind, keys) in script {
            for (n, key) in keys.enumerated() {
                let seconds = measure {
                    session.send(key)
                    _ = session.render()
                }
                byKind[kind, default: []].append(seconds)
                if kind == "search" {
                    let step = n == 0 ? "search: /" : n == 1 ? "search: 1st letter" : key == .escape ? "search: Esc" : "search: more letters"
                    byKind[step, default: []].append(seconds)
                }
                all.append(seconds)
            }
        }
        let size = String(lib.entries.count)
        func add(_ name: String, _ samples: [Double]) {
            let p99 = percentile(samples, 99) * 1000
            // Search keys have the tighter goal of issue 11; the others keep 2 ms.
            let limit = name.hasPrefix("search") ? 1.0 : 2.0
            report.add("key \(name): p50 (\(size) articles)", "ms",
                       ["-": percentile(samples, 50) * 1000], target: nil)
            report.add("key \(name): p99 (\(size) articles)", "ms", ["-": p99],
                       target: limit == 1 ? "≤ 1 ms" : "< 2 ms", met: limit == 1 ? p99 <= limit : p99 < limit)
        }
        report.add("keys replayed (reducer + view, 120x40)", "keys", ["-": Double(all.count)])
        add("any", all)
        for kind in ["j", "k", "G", "g", "Tab", "search", "search: /", "search: 1st letter", "search: more letters", "search: Esc"] { add(kind, byKind[kind] ?? []) }
    }

    /// Opens and lays out a 5 MB article, then lays it out again for another width.
    static func bigArticle(into report: inout BenchReport, work: URL, corpusTool: String) {
        let file = work.appendingPathComponent("big-5MB.txt")
        if !FileManager.default.fileExists(atPath: file.path) {
            _ = ProcessTimer.run([corpusTool, "--big-article", "5MB", "--out", file.path])
        }
        guard let data = try? Data(contentsOf: file) else { return }
        var opens: [Double] = [], relayouts: [Double] = []
        for _ in 0..<5 {
            var article: Article?
            var layout: ArticleLayout?
            opens.append(measure {
                article = try? ArticleParser.parse(data: data)
                if let article { layout = ArticleLayout(article: article, width: 100) }
            })
            if let article, let layout {
                // As the reader does on a resize: from the open layout (see Reducer.resize).
                relayouts.append(measure { _ = layout.resized(article, width: 72) })
            }
        }
        let open = median(opens) * 1000, relayout = median(relayouts) * 1000
        report.add("5 MB article: parse + lay out", "ms", ["-": open], target: "< 150 ms", met: open < 150)
        report.add("5 MB article: re-lay out after resize", "ms", ["-": relayout], target: "< 50 ms", met: relayout < 50)
        let floor = measure { _ = try? Data(contentsOf: file) } * 1000
        report.add("5 MB article: read the file (floor)", "ms", ["-": floor])
        findInBigArticle(into: &report, file: file, work: work)
    }

    /// Opens the 5 MB article in a headless reader at 120x40 and types a find (`/` and a
    /// word letter by letter, then Esc), timing each key through keymap, reducer and view.
    static func findInBigArticle(into report: inout BenchReport, file: URL, work: URL) {
        let lib = Library(paths: [file.path], cacheDirectory: nil)
        let stateDir = work.appendingPathComponent("state-find-\(getpid())")
        defer { try? FileManager.default.removeItem(at: stateDir) }
        guard !lib.entries.isEmpty else { return }
        let store = StateStore(directory: stateDir)
        var session = ReaderSession(library: lib, store: store, width: 120, height: 40)
        session.send(.enter)
        _ = session.render()
        var letters: [Double] = []
        var first: [Double] = []
        for word in ["market", "the", "harbour", "station", "zq"] {
            session.send(.character("/"))
            _ = session.render()
            for (n, letter) in word.enumerated() {
                let seconds = measure {
                    session.send(.character(letter))
                    _ = session.render()
                }
                letters.append(seconds)
                if n == 0 { first.append(seconds) }
            }
            session.send(.escape)
            _ = session.render()
        }
        let worst = (letters.max() ?? 0) * 1000
        report.add("find in 5 MB article: per letter, p50", "ms", ["-": percentile(letters, 50) * 1000])
        report.add("find in 5 MB article: first letter, median", "ms", ["-": median(first) * 1000])
        report.add("find in 5 MB article: per letter, max of \(letters.count)", "ms", ["-": worst],
                   target: "≤ 5 ms", met: worst <= 5)
    }
}
