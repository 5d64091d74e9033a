import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Wall time and peak memory of one child process.
struct ProcessSample {
    var seconds: Double
    var peakMemoryBytes: Int
    var status: Int32
}

/// Runs commands with `posix_spawn` and reads their peak resident memory with `wait4`.
enum ProcessTimer {
    /// Runs `arguments[0]` (a path) with stdout sent to `output` and stderr to /dev/null.
    static func run(_ arguments: [String], environment: [String: String] = [:], output: String = "/dev/null") -> ProcessSample {
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let envStrings = env.map { "\($0.key)=\($0.value)" }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = envStrings.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard rc == 0 else {
            fatalError("bulletin-bench: cannot run \(arguments[0]): \(String(cString: strerror(rc)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return ProcessSample(seconds: seconds, peakMemoryBytes: Int(usage.ru_maxrss) * 1024, status: (status >> 8) & 0xff)
    }

    /// Runs a shell pipeline (for the `cat` floor).
    static func shell(_ script: String) -> ProcessSample {
        run(["/bin/sh", "-c", script])
    }
}

/// Time of a closure on this thread.
func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The median of some samples.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// A percentile (0...100) of some samples, nearest rank.
func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(max(rank, 0), sorted.count - 1)]
}
