import Foundation

/// Read state with a million entries, measured in child processes (`bulletin _stress-state
/// --mode bench-fill`, then `--mode bench`), so that peak memory is the reader's own.
enum StateBench {
    static func run(into report: inout BenchReport, bulletin: String, work: URL, entries: Int) {
        let dir = work.appendingPathComponent("state-journal-\(entries)")
        let env = ["BULLETIN_STATE_DIR": dir.path]
        let fill = ProcessTimer.run([bulletin, "_stress-state", "--mode", "bench-fill", "--entries", String(entries)], environment: env)
        let outputPath = work.appendingPathComponent("state-bench-\(getpid()).txt").path
        defer { unlink(outputPath) }
        let sample = ProcessTimer.run(
            [bulletin, "_stress-state", "--mode", "bench", "--entries", String(entries)], environment: env, output: outputPath)
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard fill.status == 0, sample.status == 0, let line = text.split(separator: "\n").last(where: { $0.hasPrefix("entries=") }) else {
            report.add("read state (benchmark failed, status \(fill.status)/\(sample.status))", "-", [:])
            return
        }
        var values: [String: Double] = [:]
        for pair in line.split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let value = Double(parts[1]) { values[String(parts[0])] = value }
        }
        let label = entries >= 1_000_000 ? "\(entries / 1_000_000)M" : "\(entries / 1000)k"
        let p50 = (values["disk_p50"] ?? 0) * 1000, p99 = (values["disk_p99"] ?? 0) * 1000
        let floor = (values["floor"] ?? 0) * 1000
        let load = (values["load"] ?? 0) * 1000
        let total = ((values["snapshot"] ?? 0) + (values["journal"] ?? 0)) / 1_048_576
        let peak = Double(sample.peakMemoryBytes) / 1_048_576
        report.add("state change on disk, \(label) read entries: p50", "ms", ["-": p50], target: "≤ 20 ms", met: p50 <= 20)
        report.add("state change on disk, \(label) read entries: p99", "ms", ["-": p99], target: "≤ 20 ms", met: p99 <= 20)
        report.add("state change on disk, \(label): max", "ms", ["-": (values["disk_max"] ?? 0) * 1000])
        report.add("append + fsync of one line (floor)", "ms", ["-": floor])
        report.add("state change ÷ floor (p50)", "x", ["-": p50 / max(floor, 1e-6)])
        report.add("state change, \(label): UI thread, max", "ms", ["-": (values["ui_max"] ?? 0) * 1000], target: "< 1 ms",
                   met: (values["ui_max"] ?? 1) * 1000 < 1)
        report.add("state load, \(label) read entries", "ms", ["-": load], target: "≤ 300 ms", met: load <= 300)
        report.add("state snapshot + journal, \(label) read entries", "MB", ["-": total], target: "≤ 60 MB", met: total <= 60)
        report.add("state peak memory (load + changes), \(label)", "MB", ["-": peak], target: "≤ 250 MB", met: peak <= 250)
    }
}
