import Articles
import BulletinTestSupport
import Foundation
import XCTest

@testable import Storage

/// A running `bulletin _stress-state` child whose stdout is collected in the background.
final class StressChild: @unchecked Sendable {
    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private let group = DispatchGroup()
    private var outData = Data()
    private var errData = Data()

    init(_ arguments: [String]) throws {
        guard FileManager.default.isExecutableFile(atPath: Products.bulletin.path) else {
            throw XCTSkip("the bulletin binary is not built at \(Products.bulletin.path)")
        }
        process.executableURL = Products.bulletin
        process.arguments = ["_stress-state"] + arguments
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        group.enter()
        DispatchQueue.global().async { [self] in
            outData = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async { [self] in
            errData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
    }

    /// Sends SIGKILL and waits; returns whether it was still running (killed by it).
    func kill() -> Bool {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }

    /// Waits for the child to exit by itself.
    func wait() { process.waitUntilExit() }

    /// Complete stdout lines (a line cut by the kill is dropped).
    var lines: [String] {
        group.wait()
        let text = String(decoding: outData, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if !text.hasSuffix("\n"), !lines.isEmpty { lines.removeLast() }
        return lines
    }

    var stderr: String {
        group.wait()
        return String(decoding: errData, as: UTF8.self)
    }
}
