import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Feed refresh rows of `make bench`: one 10,000-item RSS feed served on 127.0.0.1 by the test
/// server (Tests/Support/test_http_server.py), refreshed cold (empty state) and warm (304),
/// beside newsboat's `-x reload` on the same feed when newsboat is installed; the first screen
/// after the refresh; and peak memory while refusing a gzip bomb.
enum FeedRefreshBench {
    static func run(into report: inout BenchReport, bulletin: String, work: URL, items: Int = 10_000, runs: Int = 3) {
        let root = work.appendingPathComponent("feeds")
        let www = root.appendingPathComponent("www")
        try? FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        let feedFile = www.appendingPathComponent("feed.xml")
        if !FileManager.default.fileExists(atPath: feedFile.path) {
            _ = FileManager.default.createFile(atPath: feedFile.path, contents: Data(feed(items: items).utf8))
        }
        guard let server = LoopbackServer.start(root: www) else {
            log("feeds: cannot start the local HTTP server (python3); feed rows skipped")
            return
        }
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/files/feed.xml"

        // Homes of this run in a fresh, never-used folder, kept after the run and removed when
        // the next run starts (``RunFolders``): ext4 scans recently deleted inodes on every
        // create, so deleting 10,000 files shortly before a cold refresh would slow its creates.
        let homes = root.appendingPathComponent(RunFolders.name(RunFolders.feedRunPrefix))
        RunFolders.waitOutRecentDeletions()
        var cold: [ProcessSample] = [], warm: [ProcessSample] = [], screen: [Double] = []
        for run in 0..<runs {
            let home = homes.appendingPathComponent("home-\(run)")
            let env = environment(home)
            _ = ProcessTimer.run([bulletin, "add", url, "--full-article", "never"], environment: env)
            // Untimed: the cold run's one flush (syncfs) should not also write out what earlier
            // steps left dirty; newsboat's cold run below gets the same.
            sync()
            cold.append(ProcessTimer.run([bulletin, "refresh"], environment: env))
            warm.append(ProcessTimer.run([bulletin, "refresh"], environment: env))
            screen.append(ProcessTimer.run([bulletin, "screenshot", "--size", "100x30"], environment: env).seconds)
        }
        if cold.contains(where: { $0.status != 0 }) || warm.contains(where: { $0.status != 0 }) {
            log("feeds: a bulletin refresh failed; its times are not meaningful")
        }
        let coldSeconds = median(cold.map(\.seconds))
        let warmSeconds = median(warm.map(\.seconds))
        report.add("feed refresh, cold, \(items) items (bulletin refresh)", "s", ["-": coldSeconds])
        report.add("feed refresh, warm, 304 (bulletin refresh)", "s", ["-": warmSeconds])
        report.add("feed refresh, cold, peak memory", "MB", ["-": Double(cold.map(\.peakMemoryBytes).max() ?? 0) / 1_048_576])
        report.add("first screen after the refresh (\(items) feed articles)", "s", ["-": median(screen)])

        if let newsboat = which("newsboat") {
            var nbCold: [Double] = [], nbWarm: [Double] = []
            for run in 0..<runs {
                let home = homes.appendingPathComponent("newsboat-\(run)")
                try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
                let urls = home.appendingPathComponent("urls")
                let cache = home.appendingPathComponent("cache.db")
                _ = FileManager.default.createFile(atPath: urls.path, contents: Data((url + "\n").utf8))
                let config = home.appendingPathComponent("config")
                _ = FileManager.default.createFile(atPath: config.path, contents: Data())
                let command = [newsboat, "-x", "reload", "-u", urls.path, "-c", cache.path, "-C", config.path]
                let env = ["HOME": home.path, "XDG_CONFIG_HOME": home.path, "XDG_DATA_HOME": home.path]
                sync()
                nbCold.append(ProcessTimer.run(command, environment: env).seconds)
                nbWarm.append(ProcessTimer.run(command, environment: env).seconds)
            }
            let nbColdSeconds = median(nbCold)
            let nbWarmSeconds = median(nbWarm)
            report.add("feed refresh, cold (newsboat -x reload)", "s", ["-": nbColdSeconds])
            report.add("feed refresh, warm (newsboat -x reload)", "s", ["-": nbWarmSeconds])
            let coldRatio = coldSeconds / max(nbColdSeconds, 1e-9)
            let warmRatio = warmSeconds / max(nbWarmSeconds, 1e-9)
            report.add("feed refresh, cold ÷ newsboat", "x", ["-": coldRatio], target: "≤ 0.2x", met: coldRatio <= 0.2)
            report.add("feed refresh, warm ÷ newsboat", "x", ["-": warmRatio], target: "≤ 0.5x", met: warmRatio <= 0.5)
        } else {
            log("feeds: newsboat is not installed (apt-get install -y newsboat); no comparison rows")
        }

        // The gzip bomb: 400 MiB of zeros in a ~400 KB gzip, refused at the 10 MiB cap.
        let bombHome = homes.appendingPathComponent("bomb")
        let bombEnv = environment(bombHome)
        let config = bombHome.appendingPathComponent("config/bulletin")
        try? FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let toml = "[[feed]]\nname = \"Bomb\"\nurl = \"http://127.0.0.1:\(server.port)/bomb?mb=400\"\nfull-article = \"never\"\n"
        _ = FileManager.default.createFile(atPath: config.appendingPathComponent("feeds.toml").path, contents: Data(toml.utf8))
        let bomb = ProcessTimer.run([bulletin, "refresh"], environment: bombEnv)
        let bombMB = Double(bomb.peakMemoryBytes) / 1_048_576
        report.add("gzip bomb (400 MiB) refused, peak memory", "MB", ["-": bombMB], target: "< 200 MB", met: bombMB < 200 && bomb.status == 1)
    }

    static func environment(_ home: URL) -> [String: String] {
        ["HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
         "XDG_DATA_HOME": home.appendingPathComponent("data").path,
         "XDG_CACHE_HOME": home.appendingPathComponent("cache").path, "BULLETIN_STATE_DIR": ""]
    }

    /// An RSS 2.0 feed of `items` items of about 90 words each, links on 127.0.0.1 only.
    static func feed(items: Int) -> String {
        let words = ["harbour", "council", "lantern", "ferry", "winter", "island", "market", "bread", "river", "station",
                     "garden", "library", "evening", "storm", "bridge", "orchard", "valley", "school", "music", "train"]
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Bench Feed</title>"
        out += "<link>http://127.0.0.1/</link><description>generated</description>\n"
        for i in 0..<items {
            var text = ""
            for w in 0..<90 { text += words[(i * 7 + w * 3) % words.count] + (w % 12 == 11 ? ". " : " ") }
            let day = 1 + i % 28
            out += "<item><title>Story \(i): the \(words[i % 20]) and the \(words[(i / 20) % 20])</title>"
            out += "<link>http://127.0.0.1/items/\(i)</link><guid isPermaLink=\"false\">bench-\(i)</guid>"
            out += "<pubDate>Mon, \(String(format: "%02d", day)) Jan 2024 10:00:00 GMT</pubDate>"
            out += "<description>\(text)</description></item>\n"
        }
        return out + "</channel></rss>\n"
    }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

/// The python3 test server on 127.0.0.1, for the bench (stops when its stdin closes).
final class LoopbackServer {
    let port: Int
    private let process: Process
    private let input: Pipe

    private init(port: Int, process: Process, input: Pipe) {
        self.port = port
        self.process = process
        self.input = input
    }

    static func start(root: URL) -> LoopbackServer? {
        // Sources/bulletin-bench/FeedBench.swift -> repository root.
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/Support/test_http_server.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--root", root.path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        var line = Data()
        while line.count < 100 {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        // `PORT <n>` (newer servers add more fields after it, such as `BLACKHOLE <n>`).
        let fields = text.split(separator: " ")
        guard fields.count >= 2, fields[0] == "PORT", let port = Int(fields[1]) else {
            process.terminate()
            return nil
        }
        return LoopbackServer(port: port, process: process, input: input)
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
