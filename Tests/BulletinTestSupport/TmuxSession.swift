import Foundation

/// A headless tmux server running one command in a pane, for end-to-end tests.
///
/// Each session has its own socket; ``kill()`` (also called on deinit) stops the server.
public final class TmuxSession: @unchecked Sendable {
    /// The socket name (`tmux -L`).
    public let socket: String
    private var killed = false

    /// Whether tmux is installed.
    public static var isAvailable: Bool { executable != nil }

    static var executable: URL? {
        for dir in ["/usr/bin", "/usr/local/bin", "/bin"] {
            let url = URL(fileURLWithPath: dir).appendingPathComponent("tmux")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Starts `command` (run by `/bin/sh -c` inside tmux) in a `width`x`height` pane with
    /// `environment` exported. The pane stays after the command exits.
    public init(command: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        socket = "bulletin-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        var exports = ["LANG=C.UTF-8", "TERM=tmux-256color"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { exports.append("\(key)=\(Self.quote(value))") }
        let unset = environment["NO_COLOR"] == nil ? "unset NO_COLOR; " : ""
        let shell = unset + "export " + exports.joined(separator: " ") + "; exec " + command.map(Self.quote).joined(separator: " ")
        // Not through `Process`: Foundation on Linux notices a child's exit through a socket
        // the child inherits, and the tmux server forked by `new-session` keeps it open, so
        // `Process` would wait for the server to end. posix_spawn + waitpid does not.
        try Self.spawnAndWait(["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "t",
                               "-x", String(width), "-y", String(height), shell])
        try tmux(["set-option", "-t", "t", "remain-on-exit", "on"])
    }

    deinit { kill() }

    /// Runs a tmux subcommand on this session's socket and returns its stdout.
    @discardableResult
    public func tmux(_ arguments: [String]) throws -> String {
        guard let tmux = Self.executable else { throw TmuxError.notInstalled }
        let result = try ProcessRunner.run(tmux, ["-L", socket] + arguments, timeout: 20)
        if result.status != 0 { throw TmuxError.failed(arguments.joined(separator: " "), result.stderr) }
        return result.stdout
    }

    /// Sends tmux key names (`j`, `Enter`, `Down`, `NPage`, `Escape`, ...).
    public func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "t"] + keys) }

    /// Types literal text.
    public func type(_ text: String) throws { try tmux(["send-keys", "-t", "t", "-l", text]) }

    /// The visible screen as text.
    public func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "t"]) }

    /// The visible screen with colour and attribute escapes.
    public func screenWithAttributes() throws -> String { try tmux(["capture-pane", "-p", "-e", "-t", "t"]) }

    /// Resizes the window (the app gets KEY_RESIZE).
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "t", "-x", String(width), "-y", String(height)])
    }

    /// A tmux format value, e.g. `#{pane_dead}`.
    public func display(_ format: String) throws -> String {
        try tmux(["display", "-p", "-t", "t", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the program in the pane has exited.
    public var isDead: Bool { (try? display("#{pane_dead}")) == "1" }

    /// Waits until the screen contains `text` (polling every 0.1 s up to `timeout`),
    /// returning the screen; throws with the last screen when it never appears.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitUntil(timeout: timeout, "\"\(text)\"") { $0.contains(text) }
    }

    /// Waits until `predicate` holds for the screen.
    @discardableResult
    public func waitUntil(timeout: TimeInterval = 10, _ what: String, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = (try? screen()) ?? ""
            if predicate(last) { return last }
            usleep(100_000)
        } while Date() < deadline
        throw TmuxError.timedOut(what, last)
    }

    /// Waits for the pane's program to exit and returns its status.
    public func waitForExit(timeout: TimeInterval = 10) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if isDead, let status = Int((try? display("#{pane_dead_status}")) ?? "") { return status }
            usleep(100_000)
        }
        throw TmuxError.timedOut("exit", (try? screen()) ?? "")
    }

    /// Stops the tmux server.
    public func kill() {
        guard !killed else { return }
        killed = true
        _ = try? tmux(["kill-server"])
    }

    /// Runs tmux with `arguments` (stdio on /dev/null) and waits for the client to exit.
    static func spawnAndWait(_ arguments: [String]) throws {
        guard let tmux = executable else { throw TmuxError.notInstalled }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = [tmux.path] + arguments
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        cArgs.append(nil)
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux.path, &actions, nil, cArgs, environ)
        guard spawned == 0 else { throw TmuxError.failed("new-session", String(cString: strerror(spawned))) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else { throw TmuxError.failed("new-session", "exit status \(status)") }
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Failures of ``TmuxSession``.
public enum TmuxError: Error, CustomStringConvertible {
    case notInstalled
    case failed(String, String)
    case timedOut(String, String)

    public var description: String {
        switch self {
        case .notInstalled: return "tmux is not installed"
        case .failed(let command, let stderr): return "tmux \(command) failed: \(stderr)"
        case .timedOut(let what, let screen): return "timed out waiting for \(what); screen was:\n\(screen)"
        }
    }
}
