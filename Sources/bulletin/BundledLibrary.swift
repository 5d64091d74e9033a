import Foundation

/// Finds the sample library that ships with Bulletin.
enum BundledLibrary {
    /// Looks, in order, at `$BULLETIN_SAMPLES`, `<bin>/../share/bulletin/Library` (an installed
    /// copy, see `make install`), and the source tree this binary was built from.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        var candidates: [URL] = []
        if let override = environment["BULLETIN_SAMPLES"], !override.isEmpty {
            candidates.append(URL(fileURLWithPath: override))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let binDirectory = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
            ?? executable.deletingLastPathComponent()
        candidates.append(binDirectory.appendingPathComponent("../share/bulletin/Library").standardized)
        // Sources/bulletin/BundledLibrary.swift -> repository root -> Resources/Library
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(sourceRoot.appendingPathComponent("Resources/Library"))
        var isDirectory: ObjCBool = false
        return candidates.first {
            FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }
}
