// bulletin-corpus: deterministic synthetic article libraries for benchmarks and stress tests.
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("bulletin-corpus: \(message)\n".utf8))
    exit(status)
}

let command: CorpusCommand
do {
    command = try Options.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("bulletin-corpus: \(error.message)\n\n\(Options.usage)\n".utf8))
    exit(2)
}

let started = DispatchTime.now().uptimeNanoseconds
let summary: WriteSummary
let destination: String
do {
    switch command {
    case .help:
        print(Options.usage)
        exit(0)
    case .library(let count, let output, let seed, let filesPerFolder):
        destination = output
        summary = try CorpusWriter.writeLibrary(count: count, directory: output, seed: seed, filesPerFolder: filesPerFolder)
    case .bigArticle(let bytes, let output, let seed):
        destination = output
        summary = try CorpusWriter.writeBigArticle(bytes: bytes, path: output, seed: seed)
    }
} catch {
    fail(error.message, status: 1)
}
let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
let megabytes = Double(summary.bytes) / 1_000_000
print(
    "bulletin-corpus: wrote \(summary.files) \(summary.files == 1 ? "file" : "files"), "
        + "\(summary.bytes) bytes (\(String(format: "%.1f", megabytes)) MB) in \(String(format: "%.2f", seconds)) s to \(destination)")
