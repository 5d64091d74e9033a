import Foundation

/// Command-line options of `bulletin-bench`.
struct BenchOptions {
    /// Library sizes to measure.
    var sizes = [1_000, 10_000, 100_000]
    /// Folder for the generated corpora (reused between runs when present).
    var workDirectory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("bulletin-bench")
    /// Where the JSON results go.
    var output = URL(fileURLWithPath: "bench-results/bench.json")
    /// Replayed keys for the key-handling measurement.
    var keys = 10_000
    /// Only the HTML extraction rows (no corpora, no processes).
    var htmlOnly = false
    /// In-process timings as CPU time instead of wall time.
    var cpuClock = false
    /// Skip the child-process timings (list, first screen, floors) and measure only in process.
    var inProcessOnly = false
    /// Read entries for the state measurement.
    var stateEntries = 1_000_000
    /// `feeds`: run only the feed refresh rows; `batch`: only the durable batch rows; `keys`:
    /// only the key replay and the 5 MB article rows.
    var only: String?

    static let usage = "usage: bulletin-bench [--sizes 1000,10000,100000] [--work DIR] [--out FILE.json] [--keys N] [--state-entries N] [--clock wall|cpu] [--in-process-only] [--html-only] [--only feeds|batch|keys]"

    static func parse(_ arguments: [String]) -> BenchOptions {
        var options = BenchOptions()
        var it = arguments.makeIterator()
        func value(_ flag: String) -> String {
            guard let v = it.next() else { fail("\(flag) needs a value") }
            return v
        }
        while let arg = it.next() {
            switch arg {
            case "--sizes":
                let sizes = value(arg).split(separator: ",").compactMap { Int($0) }
                if sizes.isEmpty { fail("--sizes takes numbers separated by commas") }
                options.sizes = sizes
            case "--work": options.workDirectory = URL(fileURLWithPath: value(arg))
            case "--out": options.output = URL(fileURLWithPath: value(arg))
            case "--keys": options.keys = Int(value(arg)) ?? { fail("--keys takes a number") }()
            case "--only": options.only = value(arg)
            case "--html-only": options.htmlOnly = true
            case "--clock":
                switch value(arg) {
                case "wall": options.cpuClock = false
                case "cpu": options.cpuClock = true
                default: fail("--clock takes wall or cpu")
                }
            case "--in-process-only": options.inProcessOnly = true
            case "--state-entries": options.stateEntries = Int(value(arg)).flatMap { $0 > 0 ? $0 : nil } ?? { fail("--state-entries takes a positive number") }()
            case "-h", "--help":
                print(usage)
                exit(0)
            default: fail("unknown argument \(arg)")
            }
        }
        return options
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("bulletin-bench: \(message)\n\(usage)\n".utf8))
        exit(2)
    }
}
