import Foundation

/// A fresh folder under the system temp folder, removed with ``remove()``.
public struct TemporaryDirectory: Sendable {
    /// The folder.
    public let url: URL

    /// Creates a new empty folder named after `prefix`.
    public init(prefix: String = "bulletin-test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the folder.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes text to a file inside the folder (creating subfolders) and returns its URL.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> URL {
        try write(name, Data(text.utf8))
    }

    /// Writes bytes to a file inside the folder (creating subfolders) and returns its URL.
    @discardableResult
    public func write(_ name: String, _ data: Data) throws -> URL {
        let target = file(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target)
        return target
    }

    /// Deletes the folder and everything in it (restoring write permission first).
    public func remove() {
        _ = try? ProcessRunner.run(URL(fileURLWithPath: "/bin/chmod"), ["-R", "u+rwx", url.path])
        try? FileManager.default.removeItem(at: url)
    }
}
