/// What the command line asked for.
enum CorpusCommand: Equatable {
    /// `--count N --out DIR [--seed N] [--files-per-folder N]`
    case library(count: Int, output: String, seed: UInt64, filesPerFolder: Int)
    /// `--big-article SIZE --out FILE [--seed N]`
    case bigArticle(bytes: Int, output: String, seed: UInt64)
    /// `--help`
    case help
}

/// A usage mistake, reported as one line followed by the usage text, with exit status 2.
struct UsageError: Error {
    let message: String
}

/// Parses `CommandLine.arguments` (without the program name) by hand: this target stays
/// free of swift-argument-parser.
enum Options {
    static let usage = """
        usage: bulletin-corpus --count N --out DIR [--seed N] [--files-per-folder N]
               bulletin-corpus --big-article SIZE --out FILE [--seed N]

        Writes a deterministic synthetic article library in Bulletin's plain-text format.
        The same seed always gives the same bytes.

          --count N              number of articles to write into DIR
          --out PATH             output folder (library) or file (big article)
          --seed N               generator seed (default 1)
          --files-per-folder N   articles per subfolder of DIR (default 1000; 0 = flat)
          --big-article SIZE     write one long article of about SIZE bytes to FILE;
                                 SIZE like 5MB, 500KB, 2MiB or a plain number of bytes
          -h, --help             show this help
        """

    static func parse(_ arguments: [String]) throws(UsageError) -> CorpusCommand {
        var count: Int?
        var output: String?
        var seed: UInt64 = 1
        var filesPerFolder = 1000
        var bigArticle: Int?
        var index = 0

        func value(for option: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count else { throw UsageError(message: "\(option) needs a value") }
            return arguments[index]
        }

        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "-h", "--help":
                return .help
            case "--count":
                let text = try value(for: argument)
                guard let number = Int(text), number > 0 else {
                    throw UsageError(message: "--count must be a positive whole number, not '\(text)'")
                }
                count = number
            case "--out":
                let text = try value(for: argument)
                guard !text.isEmpty else { throw UsageError(message: "--out must not be empty") }
                output = text
            case "--seed":
                let text = try value(for: argument)
                guard let number = UInt64(text) else {
                    throw UsageError(message: "--seed must be a whole number from 0 to \(UInt64.max), not '\(text)'")
                }
                seed = number
            case "--files-per-folder":
                let text = try value(for: argument)
                guard let number = Int(text), number >= 0 else {
                    throw UsageError(message: "--files-per-folder must be 0 or more, not '\(text)'")
                }
                filesPerFolder = number
            case "--big-article":
                let text = try value(for: argument)
                guard let bytes = parseSize(text), bytes > 0 else {
                    throw UsageError(message: "--big-article needs a size like 5MB, 500KB or 1048576, not '\(text)'")
                }
                bigArticle = bytes
            default:
                throw UsageError(message: "unknown argument '\(argument)'")
            }
            index += 1
        }

        guard let output else { throw UsageError(message: "--out is required") }
        if let bigArticle {
            guard count == nil else { throw UsageError(message: "use either --count or --big-article, not both") }
            return .bigArticle(bytes: bigArticle, output: output, seed: seed)
        }
        guard let count else { throw UsageError(message: "--count or --big-article is required") }
        return .library(count: count, output: output, seed: seed, filesPerFolder: filesPerFolder)
    }

    /// Bytes in a size such as `5MB` (decimal: 5,000,000), `2MiB` (binary: 2,097,152),
    /// `500KB`, `1GB`, `3M` (same as MB) or a plain number of bytes. Case does not matter.
    static func parseSize(_ text: String) -> Int? {
        let lowered = text.lowercased()
        let units: [(String, Double)] = [
            ("kib", 1024), ("mib", 1024 * 1024), ("gib", 1024 * 1024 * 1024),
            ("kb", 1000), ("mb", 1_000_000), ("gb", 1_000_000_000),
            ("k", 1000), ("m", 1_000_000), ("g", 1_000_000_000), ("b", 1),
        ]
        for (suffix, multiplier) in units where lowered.hasSuffix(suffix) {
            let number = lowered.dropLast(suffix.count).trimmingSpaces()
            guard let value = Double(number), value > 0, value * multiplier < 1e12 else { return nil }
            return Int(value * multiplier)
        }
        return Int(lowered)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
