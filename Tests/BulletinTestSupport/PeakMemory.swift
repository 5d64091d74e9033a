import Foundation

/// This process's peak resident memory on Linux, from /proc/self/status, for memory limits in tests.
public enum PeakMemory {
    /// Resets the peak (VmHWM) to the current resident size; false when the kernel refuses.
    @discardableResult
    public static func reset() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }

    /// The peak resident size in bytes since start or the last ``reset()`` (VmHWM), when known.
    public static func bytes() -> Int? { field("VmHWM:") }

    /// The current resident size in bytes (VmRSS), when known.
    public static func residentBytes() -> Int? { field("VmRSS:") }

    private static func field(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let digits = line.dropFirst(name.count).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }
}
