import Foundation

// `bulletin-bench`: measures Bulletin on synthetic libraries (see BENCHMARKS.md).
// Run through `make bench`, which builds in release mode first.

let options = BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
measuresCPUTime = options.cpuClock
let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
let bulletin = binDirectory.appendingPathComponent("bulletin").path
let corpusTool = binDirectory.appendingPathComponent("bulletin-corpus").path
let work = options.workDirectory
try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

func log(_ message: String) {
    FileHandle.standardError.write(Data("bench: \(message)\n".utf8))
}

/// Generates (or reuses) a library of `count` articles.
func corpus(_ count: Int) -> URL {
    let dir = work.appendingPathComponent("library-\(count)")
    let marker = dir.appendingPathComponent(".complete")
    if !FileManager.default.fileExists(atPath: marker.path) {
        log("generating \(count) articles in \(dir.path)")
        try? FileManager.default.removeItem(at: dir)
        let result = ProcessTimer.run([corpusTool, "--count", String(count), "--out", dir.path, "--seed", "42"])
        guard result.status == 0 else { BenchOptions.fail("bulletin-corpus failed for \(count) articles") }
        _ = FileManager.default.createFile(atPath: marker.path, contents: Data())
    }
    return dir
}

if options.htmlOnly {
    var htmlReport = BenchReport(sizes: [])
    HTMLBench.run(into: &htmlReport)
    print(htmlReport.table())
    exit(0)
}

var report = BenchReport(sizes: options.sizes)
if options.only != nil { RunFolders.reportEarlier(in: work) }
if options.only == "feeds" {
    // `--only feeds`: just the feed refresh rows (see FeedRefreshBench).
    FeedRefreshBench.run(into: &report, bulletin: bulletin, work: work)
    DurableBatchBench.run(into: &report, work: work)
    print("Bulletin benchmark (feeds) — \(report.machine)\n")
    print(report.table())
    try? report.write(to: options.output)
    exit(0)
}
if options.only == "keys" {
    // `--only keys`: just the key replay on the largest size and the 5 MB article rows.
    InProcessBench.keyHandling(into: &report, library: corpus(options.sizes.max() ?? 1_000), work: work, count: options.keys)
    InProcessBench.bigArticle(into: &report, work: work, corpusTool: corpusTool)
    print("Bulletin benchmark (keys)" + (options.cpuClock ? " — in CPU time" : "") + "\n")
    print(report.table())
    try? report.write(to: options.output)
    exit(0)
}
if options.only == "batch" {
    // `--only batch`: just the durable batch rows (see DurableBatchBench).
    DurableBatchBench.run(into: &report, work: work)
    print("Bulletin benchmark (durable batch) — \(report.machine)\n")
    print(report.table())
    try? report.write(to: options.output)
    exit(0)
}
// Run folders of earlier runs go first, minutes before this run's timed creates (see RunFolders).
RunFolders.removeEarlier(in: work)
var listCold: [String: Double] = [:], listWarm: [String: Double] = [:]
var memCold: [String: Double] = [:], memWarm: [String: Double] = [:]
var screenCold: [String: Double] = [:], screenWarm: [String: Double] = [:]
var catFloor: [String: Double] = [:], ratio: [String: Double] = [:]
var statFloor: [String: Double] = [:], screenRatio: [String: Double] = [:]

for size in options.inProcessOnly ? [] : options.sizes {
    let library = corpus(size).path
    let key = String(size)
    let cache = work.appendingPathComponent("cache-\(size)")
    let env = ["BULLETIN_CACHE_DIR": cache.path, "BULLETIN_STATE_DIR": work.appendingPathComponent("state-\(size)").path]
    let runs = size >= 100_000 ? 3 : 5
    log("measuring \(size) articles")

    // The I/O floor: cat over the same files (page cache warm, as for our runs).
    let catAll = "find -L '\(library)' -type f -print0 | xargs -0 cat > /dev/null"
    _ = ProcessTimer.shell(catAll)  // warm the page cache
    catFloor[key] = median((0..<runs).map { _ in ProcessTimer.shell(catAll).seconds })
    // The stat floor: what a warm start cannot avoid, the size and time of every file.
    let statAll = "find '\(library)' -type f -printf '%s %T@\\n' > /dev/null"
    statFloor[key] = median((0..<runs).map { _ in ProcessTimer.shell(statAll).seconds })

    var cold: [ProcessSample] = [], warm: [ProcessSample] = []
    for _ in 0..<runs {
        try? FileManager.default.removeItem(at: cache)
        cold.append(ProcessTimer.run([bulletin, "list", library], environment: env))
        warm.append(ProcessTimer.run([bulletin, "list", library], environment: env))
    }
    listCold[key] = median(cold.map(\.seconds))
    listWarm[key] = median(warm.map(\.seconds))
    memCold[key] = Double(cold.map(\.peakMemoryBytes).max() ?? 0) / 1_048_576
    memWarm[key] = Double(warm.map(\.peakMemoryBytes).max() ?? 0) / 1_048_576
    ratio[key] = listCold[key]! / max(catFloor[key]!, 1e-9)

    var firstCold: [Double] = [], firstWarm: [Double] = []
    for _ in 0..<runs {
        try? FileManager.default.removeItem(at: cache)
        firstCold.append(ProcessTimer.run([bulletin, "screenshot", library, "--size", "100x30"], environment: env).seconds)
        firstWarm.append(ProcessTimer.run([bulletin, "screenshot", library, "--size", "100x30"], environment: env).seconds)
    }
    screenCold[key] = median(firstCold)
    screenWarm[key] = median(firstWarm)
    screenRatio[key] = screenWarm[key]! / max(statFloor[key]!, 1e-9)
}

report.add("cat over the same files (I/O floor)", "s", catFloor)
report.add("list, cold (no index cache)", "s", listCold, target: "< 3 s at 100k", met: listCold["100000"].map { $0 < 3 })
report.add("list, cold ÷ cat", "x", ratio, target: "≤ 1.5x at 100k", met: ratio["100000"].map { $0 <= 1.5 })
report.add("list, warm", "s", listWarm)
report.add("list, cold, peak memory", "MB", memCold, target: "< 300 MB", met: memCold.values.allSatisfy { $0 < 300 })
report.add("list, warm, peak memory", "MB", memWarm, target: "< 300 MB", met: memWarm.values.allSatisfy { $0 < 300 })
report.add("first screen, cold", "s", screenCold, target: "< 3 s at 100k", met: screenCold["100000"].map { $0 < 3 })
report.add("first screen, warm", "s", screenWarm, target: "< 0.5 s at 100k", met: screenWarm["100000"].map { $0 < 0.5 })
report.add("stat floor (find -printf '%s %T@' over the same files)", "s", statFloor)
report.add("first screen, warm ÷ stat floor", "x", screenRatio, target: "≤ 1.5x at 100k", met: screenRatio["100000"].map { $0 <= 1.5 })

InProcessBench.run(into: &report, library: corpus(options.sizes.max() ?? 1_000), work: work, keys: options.keys, corpusTool: corpusTool)
StateBench.run(into: &report, bulletin: bulletin, work: work, entries: options.stateEntries)
FeedBench.run(into: &report)
FeedRefreshBench.run(into: &report, bulletin: bulletin, work: work)
DurableBatchBench.run(into: &report, work: work)

print("Bulletin benchmark — \(report.machine)" + (options.cpuClock ? " — in-process rows in CPU time" : "") + "\n")
print(report.table())
do {
    try report.write(to: options.output)
    print("\nJSON: \(options.output.path)")
} catch {
    log("cannot write \(options.output.path): \(error)")
}
