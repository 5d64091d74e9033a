import Articles
import BulletinTestSupport
import Foundation
import XCTest

@testable import Storage

/// A running `bulletin _stress-state` child whose stdout is collected as it comes.
final class StressChild: @unchecked Sendable {
    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSLock()
    private var outData = Data()
    private var errData = Data()
    private var outClosed = false
    private var errClosed = false

    init(_ arguments: [String]) throws {
        guard FileManager.default.isExecutableFile(atPath: Products.bulletin.path) else {
            throw XCTSkip("the bulletin binary is not built at \(Products.bulletin.path)")
        }
        process.executableURL = Products.bulletin
        process.arguments = ["_stress-state"] + arguments
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        output.fileHandleForReading.readabilityHandler = { [self] handle in
            let chunk = handle.availableData
            lock.withLock { if chunk.isEmpty { outClosed = true } else { outData.append(chunk) } }
            if chunk.isEmpty { handle.readabilityHandler = nil }
        }
        errors.fileHandleForReading.readabilityHandler = { [self] handle in
            let chunk = handle.availableData
            lock.withLock { if chunk.isEmpty { errClosed = true } else { errData.append(chunk) } }
            if chunk.isEmpty { handle.readabilityHandler = nil }
        }
        try process.run()
    }

    /// Sends SIGKILL and waits; returns whether it was still running (killed by it).
    func kill() -> Bool {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }

    /// Waits for the child to exit by itself; after `timeout` seconds kills it and fails.
    func wait(timeout: TimeInterval = 60, file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(2_000) }
        if process.isRunning {
            Glibc.kill(process.processIdentifier, SIGKILL)
            XCTFail("the child did not exit within \(timeout) s", file: file, line: line)
        }
        process.waitUntilExit()
    }

    /// Waits until stdout has a complete line equal to `text` (false after `timeout`).
    func waitForLine(_ text: String, timeout: TimeInterval = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if currentLines.contains(text) { return true }
            if !process.isRunning && lock.withLock({ outClosed }) { return currentLines.contains(text) }
            usleep(2_000)
        }
        return false
    }

    private var currentLines: [String] {
        let text = lock.withLock { String(decoding: outData, as: UTF8.self) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if !text.hasSuffix("\n"), !lines.isEmpty { lines.removeLast() }
        return lines
    }

    /// Waits (briefly) for both pipes to reach end of file after the child has exited.
    private func drain() {
        let deadline = Date().addingTimeInterval(10)
        while !lock.withLock({ outClosed && errClosed }) && Date() < deadline { usleep(1_000) }
    }

    /// Complete stdout lines (a line cut by the kill is dropped).
    var lines: [String] {
        drain()
        return currentLines
    }

    var stderr: String {
        drain()
        return lock.withLock { String(decoding: errData, as: UTF8.self) }
    }
}
