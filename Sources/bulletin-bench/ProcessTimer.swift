import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Wall time and peak memory of one child process.
struct ProcessSample {
    var seconds: Double
    /// The child's own peak resident memory (VmHWM read as it exits), else `wait4`'s
    /// `ru_maxrss`, which on Linux starts from the bench's size at the spawn (an upper bound).
    var peakMemoryBytes: Int
    var status: Int32
}

/// Runs commands with `posix_spawn` and reads their peak resident memory.
///
/// `wait4`'s `ru_maxrss` is no use for that on Linux: `exec` records the memory the child
/// had before it (the bench's own, ~160 MB, shared by `posix_spawn`) as its starting peak.
/// So the child is held just before it exits (`ptrace` with `PTRACE_O_TRACEEXIT`, the parent
/// tracing its own child), its `VmHWM` (the peak of its own address space since `exec`) is
/// read from `/proc/<pid>/status`, and it is let go. Where tracing is refused the row falls
/// back to `ru_maxrss` and says so once on stderr.
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
        let traced = bench_ptrace(PTRACE_SEIZE, pid, nil, UnsafeMutableRawPointer(bitPattern: PTRACE_O_TRACEEXIT | PTRACE_O_TRACEEXEC)) == 0
        if !traced && !warnedUntraced {
            warnedUntraced = true
            FileHandle.standardError.write(Data("bench: cannot trace children (\(String(cString: strerror(errno)))); peak memory rows are upper bounds\n".utf8))
        }
        var status: Int32 = 0
        var usage = rusage()
        var peak: Int?
        while true {
            if wait4(pid, &status, __WALL, &usage) < 0 {
                if errno == EINTR { continue }
                break
            }
            guard status & 0xff == 0x7f else { break }  // exited or killed
            // Stopped: at the exit event read the peak; pass a signal on; other events
            // (exec, group stop) just continue.
            let signal = (status >> 8) & 0xff
            let event = status >> 16
            var deliver: Int32 = 0
            if event == PTRACE_EVENT_EXIT {
                peak = highWaterMark(pid)
            } else if event == 0 {
                deliver = signal
            }
            _ = bench_ptrace(PTRACE_CONT, pid, nil, UnsafeMutableRawPointer(bitPattern: Int(deliver)))
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ProcessSample(seconds: seconds, peakMemoryBytes: peak ?? Int(usage.ru_maxrss) * 1024, status: exitStatus)
    }

    nonisolated(unsafe) private static var warnedUntraced = false
    private static let PTRACE_CONT: Int32 = 7
    private static let PTRACE_SEIZE: Int32 = 0x4206
    private static let PTRACE_O_TRACEEXIT = 0x40
    /// An `exec` (as `sh -c` does for its last command) stops with an event instead of a SIGTRAP.
    private static let PTRACE_O_TRACEEXEC = 0x10
    private static let PTRACE_EVENT_EXIT: Int32 = 6

    /// `VmHWM` of a live process, in bytes.
    static func highWaterMark(_ pid: pid_t) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.dropFirst(6).filter(\.isNumber)).map { $0 * 1024 }
        }
        return nil
    }

    /// Runs a shell pipeline (for the `cat` floor).
    static func shell(_ script: String) -> ProcessSample {
        run(["/bin/sh", "-c", script])
    }
}

/// Whether in-process measurements count this process's CPU time (all threads) instead of
/// wall time: steadier when other work shares the cores (`--clock cpu`).
nonisolated(unsafe) var measuresCPUTime = false

/// Time of a closure on this thread (wall time, or CPU time with ``measuresCPUTime``).
func measure(_ body: () throws -> Void) rethrows -> Double {
    func now() -> UInt64 {
        guard measuresCPUTime else { return DispatchTime.now().uptimeNanoseconds }
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }
    let start = now()
    try body()
    return Double(now() - start) / 1e9
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

/// `ptrace(2)` with its four arguments (the C declaration is variadic, which Swift does not import).
@_silgen_name("ptrace")
private func bench_ptrace(_ request: Int32, _ pid: pid_t, _ address: UnsafeMutableRawPointer?, _ data: UnsafeMutableRawPointer?) -> Int
