import ArgumentParser
import Articles
import Foundation
import Storage

/// `bulletin _stress-state` (hidden): the child process of the storage crash and
/// concurrency tests, and the storage benchmark.
///
/// - `--mode churn`: endless random changes (read with position, unread, save, unsave) on
///   `--articles` articles; after each change `flush()`, then one line
///   `ok read ID CHANGED_MS READ BLOCK LINE` or `ok saved ID CHANGED_MS SAVED` on stdout.
///   The parent kills it at random moments and checks every confirmed line is on disk.
/// - `--mode toggle`: `--rounds` rounds toggling read and saved on articles `PREFIX-0...`,
///   flushing every `--flush-every` changes (the rest goes through the background writer),
///   then `final ID READ SAVED` per article.
/// - `--mode hold`: installs the signal flush, marks `--articles` articles read with a one-hour
///   coalescing delay, prints `ready`, and waits for a signal (SIGTERM/SIGHUP/SIGINT must flush).
/// - `--mode exit`: the same changes, then returns without flushing (exit must flush).
/// - `--mode bench-fill`: fills the state folder with `--entries` read entries (if needed).
/// - `--mode bench`: opens the filled folder and prints ``StorageBenchmark`` (human line,
///   then a `key=value` line), so that the parent measures this process's peak memory.
struct StressStateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_stress-state", abstract: "Internal: storage stress child.", shouldDisplay: false)

    enum Mode: String, ExpressibleByArgument { case churn, toggle, hold, exit, bench, benchFill = "bench-fill" }

    @Option var mode: Mode = .churn
    @Option var seed: UInt64 = 1
    @Option var articles: Int = 40
    @Option(help: "churn: read entries to add first when the state is empty (makes writes longer).")
    var preload: Int = 0
    @Option var prefix: String = "a"
    @Option var rounds: Int = 50
    @Option(name: .customLong("flush-every")) var flushEvery: Int = 7
    @Option(name: .customLong("delay-ms")) var delayMilliseconds: Int = 5
    @Option var entries: Int = 100_000
    @Option(help: "churn: stop after this many changes (0: never).") var ops: Int = 0
    @OptionGroup var state: StateOptions

    func run() throws {
        switch mode {
        case .churn: try churn()
        case .toggle: try toggle()
        case .hold, .exit: try holdChanges()
        case .benchFill:
            try StorageBenchmark.fill(entries: entries, in: state.directory)
        case .bench:
            let result = try StorageBenchmark.run(entries: entries, in: state.directory)
            Self.emit(result.description + "\n" + result.machineReadable + "\n")
        }
    }

    /// One write(2) per line, so a kill never leaves half a confirmation.
    static func emit(_ line: String) {
        var bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }

    static func article(_ name: String, paragraphs: Int) -> Article {
        let words = "state durable merge flock rename fsync favorite reader article paragraph quiet morning"
        let body = (0..<paragraphs).map { "Paragraph \($0) of \(name): " + String(repeating: words + " ", count: 4) }
        return Article(
            title: "Stress article \(name)", source: "Stress", author: "Tester",
            sections: [ArticleSection(paragraphs: body)], summary: [SummaryBullet(text: "About \(name).")])
    }

    private func failIfError(_ store: StateStore) throws {
        if let error = store.lastError { throw CLIFailure(error) }
        if !store.warnings.isEmpty { throw CLIFailure("unexpected warning: " + store.warnings.joined(separator: " | ")) }
    }

    private func churn() throws {
        let store = StateStore(directory: state.directory, coalescingDelay: 0.005)
        try failIfError(store)
        if preload > 0 && store.readRecord(StorageBenchmark.id(0)) == nil {
            for i in 0..<preload { store.markRead(StorageBenchmark.id(i), position: ReadingPosition(block: i % 9, line: 0)) }
            store.flush()
            try failIfError(store)
        }
        let pool = (0..<articles).map { Self.article("c\($0)", paragraphs: 3 + $0 % 5) }
        var rng = SplitMix64(seed: seed)
        Self.emit("ready\n")
        var done = 0
        while ops == 0 || done < ops {
            let article = pool[Int(rng.next() % UInt64(pool.count))]
            let id = article.id
            switch rng.next() % 4 {
            case 0: store.markRead(id, position: ReadingPosition(block: Int(rng.next() % 50), line: Int(rng.next() % 9)))
            case 1: store.markUnread(id)
            case 2: store.save(article)
            default: store.unsave(id)
            }
            store.flush()
            try failIfError(store)
            if let record = store.readRecord(id) {
                let position = record.position ?? ReadingPosition(block: -1, line: -1)
                Self.emit("ok read \(id) \(record.changedAt.rawValue) \(record.isRead ? 1 : 0) \(position.block) \(position.line)\n")
            }
            if let record = store.savedRecord(id) {
                Self.emit("ok saved \(id) \(record.changedAt.rawValue) \(record.isSaved ? 1 : 0)\n")
            }
            done += 1
        }
    }

    private func holdChanges() throws {
        if mode == .hold { StateStore.installSignalFlush() }
        let store = StateStore(directory: state.directory, coalescingDelay: 3600)
        for i in 0..<articles { store.markRead(StorageBenchmark.id(i), position: ReadingPosition(block: i, line: 1)) }
        store.save(Self.article("held", paragraphs: 2))
        Self.emit("ready\n")
        if mode == .hold {
            while true { pause() }
        }
        // `exit`: leave with the changes pending; the store's exit hook must write them.
        _ = Unmanaged.passRetained(store)
    }

    private func toggle() throws {
        let store = StateStore(directory: state.directory, coalescingDelay: Double(delayMilliseconds) / 1000)
        try failIfError(store)
        let pool = (0..<articles).map { Self.article("\(prefix)-\($0)", paragraphs: 2) }
        var rng = SplitMix64(seed: seed)
        var count = 0
        for round in 0..<rounds {
            for (i, article) in pool.enumerated() {
                if store.isRead(article.id) { store.markUnread(article.id) } else { store.markRead(article.id) }
                if (round + i) % 3 != 0 {
                    if store.isSaved(article.id) { store.unsave(article.id) } else { store.save(article) }
                }
                count += 1
                if flushEvery > 0 && count % flushEvery == 0 { store.flush() }
                if rng.next() % 8 == 0 { usleep(UInt32(rng.next() % 2000)) }
            }
        }
        store.flush()
        try failIfError(store)
        var out = ""
        for article in pool {
            out += "final \(article.id) \(store.isRead(article.id) ? 1 : 0) \(store.isSaved(article.id) ? 1 : 0)\n"
        }
        Self.emit(out)
    }
}
