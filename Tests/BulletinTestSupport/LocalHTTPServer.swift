import Foundation

/// The python3 test server (Tests/Support/test_http_server.py) running on 127.0.0.1 for one test.
///
/// Start it with ``start(root:)`` and call ``stop()`` in tearDown. The server also exits on its
/// own when this process closes its stdin, so a crashed test run leaves no server behind.
/// Its routes are listed at the top of the script.
public final class LocalHTTPServer: @unchecked Sendable {
    /// The port the server listens on.
    public let port: Int
    /// The folder served under `/files/`.
    public let root: URL
    private let process: Process
    private let stdinPipe: Pipe
    private let requestsLog: URL
    private let lock = NSLock()
    private var stopped = false

    /// The script's path in the repository.
    public static var scriptURL: URL {
        Products.repositoryRoot.appendingPathComponent("Tests/Support/test_http_server.py")
    }

    private init(port: Int, root: URL, process: Process, stdinPipe: Pipe, requestsLog: URL) {
        self.requestsLog = requestsLog
        self.port = port
        self.root = root
        self.process = process
        self.stdinPipe = stdinPipe
    }

    deinit { stop() }

    /// Starts a server serving `root` under `/files/` and waits (at most `timeout` seconds) for its port.
    public static func start(root: URL, timeout: TimeInterval = 20) throws -> LocalHTTPServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let requestsLog = FileManager.default.temporaryDirectory
            .appendingPathComponent("bulletin-http-requests-\(UUID().uuidString.prefix(8)).jsonl")
        process.arguments = ["python3", scriptURL.path, "--root", root.path, "--requests-log", requestsLog.path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let port = readPort(from: output.fileHandleForReading, timeout: timeout)
        guard let port else {
            process.terminate()
            process.waitUntilExit()
            throw LocalHTTPServerError.noPort
        }
        return LocalHTTPServer(port: port, root: root, process: process, stdinPipe: input, requestsLog: requestsLog)
    }

    /// `http://127.0.0.1:<port>` followed by `path` (which starts with `/`).
    public func url(_ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)")!
    }

    /// The URL of a file under the root, served with ETag and Last-Modified.
    public func fileURL(_ relativePath: String) -> URL { url("/files/\(relativePath)") }

    /// A request the server saw: its path with query, and its headers as sent.
    public struct SeenRequest: Decodable, Sendable {
        /// The path and query of the request.
        public var path: String
        /// The request headers, by the name the client sent.
        public var headers: [String: String]

        /// A header by name, ignoring case.
        public func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    /// Every request the server saw so far, oldest first (the bookkeeping routes excluded).
    public func requests() throws -> [SeenRequest] {
        guard let data = FileManager.default.contents(atPath: requestsLog.path) else { return [] }
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).map { try decoder.decode(SeenRequest.self, from: Data($0)) }
    }

    /// The requests the server saw for paths starting with `prefix`, oldest first.
    public func requests(pathPrefix prefix: String) throws -> [SeenRequest] {
        try requests().filter { $0.path.hasPrefix(prefix) }
    }

    /// Stops the server and waits for it to exit; safe to call twice.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        try? stdinPipe.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: requestsLog)
    }

    /// Reads the `PORT <n>` line the server prints first.
    private static func readPort(from handle: FileHandle, timeout: TimeInterval) -> Int? {
        let result = LockedBox<Int?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var line = Data()
            while true {
                let byte = handle.readData(ofLength: 1)
                if byte.isEmpty || byte == Data("\n".utf8) { break }
                line.append(byte)
                if line.count > 100 { break }
            }
            let text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) { result.set(port) }
            done.signal()
        }
        _ = done.wait(timeout: .now() + timeout)
        return result.get()
    }
}

/// Why the test server could not start.
public enum LocalHTTPServerError: Error, CustomStringConvertible {
    /// The server printed no port (python3 missing, or the script failed).
    case noPort

    public var description: String { "the local test HTTP server did not start (is python3 installed?)" }
}

/// A value shared between threads behind a lock.
final class LockedBox<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func set(_ newValue: Value) { lock.lock(); value = newValue; lock.unlock() }
    func get() -> Value { lock.lock(); defer { lock.unlock() }; return value }
}
