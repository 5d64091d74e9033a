import Foundation

/// One measured quantity, per library size or alone.
struct BenchRow: Encodable {
    /// What was measured.
    var name: String
    /// Unit of the values ("s", "ms", "µs", "MB").
    var unit: String
    /// Value per library size (key: size as text) or under "-" for size-independent rows.
    var values: [String: Double]
    /// The goal, as text, if the issue sets one.
    var target: String?
    /// Whether every value meets the target (nil when there is none).
    var met: Bool?
}

/// Collects rows and prints them as one table plus a JSON file.
struct BenchReport {
    var sizes: [Int]
    var rows: [BenchRow] = []
    var machine: String = BenchReport.describeMachine()

    mutating func add(_ name: String, _ unit: String, _ values: [String: Double], target: String? = nil, met: Bool? = nil) {
        rows.append(BenchRow(name: name, unit: unit, values: values, target: target, met: met))
    }

    func table() -> String {
        let columns = sizes.map { "\($0)" } + ["-"]
        var header = "| measurement | unit | " + sizes.map { "\($0) articles" }.joined(separator: " | ") + " | single | target |"
        header += "\n|---|---|" + String(repeating: "---:|", count: sizes.count + 1) + "---|"
        var lines = [header]
        for row in rows {
            let cells = columns.map { key in row.values[key].map(BenchReport.format) ?? "" }
            var target = row.target ?? ""
            if let met = row.met { target += met ? " ✓" : " ✗ (missed)" }
            lines.append("| \(row.name) | \(row.unit) | " + cells.joined(separator: " | ") + " | \(target) |")
        }
        return lines.joined(separator: "\n")
    }

    func write(to url: URL) throws {
        struct Output: Encodable {
            var machine: String
            var date: String
            var sizes: [Int]
            var rows: [BenchRow]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(Output(machine: machine, date: Date().formatted(.iso8601), sizes: sizes, rows: rows))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    static func format(_ value: Double) -> String {
        switch value {
        case 0: return "0"
        case ..<0.01: return String(format: "%.4f", value)
        case ..<10: return String(format: "%.3f", value)
        case ..<1000: return String(format: "%.1f", value)
        default: return String(format: "%.0f", value)
        }
    }

    static func describeMachine() -> String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        var cpu = "unknown CPU"
        if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") })
        {
            cpu = line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? cpu
        }
        return "\(cores) cores, \(String(format: "%.0f", memory)) GiB, \(cpu)"
    }
}
