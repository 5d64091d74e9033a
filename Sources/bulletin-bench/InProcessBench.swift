import Articles
import Foundation

/// Measurements made inside this process: key handling, layout of a big article, storage.
enum InProcessBench {
    static func run(into report: inout BenchReport, library: URL, work: URL, keys: Int, corpusTool: String) {
    }
}
