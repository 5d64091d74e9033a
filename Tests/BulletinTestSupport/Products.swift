import Foundation

/// Where the built products (the `bulletin` binary and its helpers) are.
public enum Products {
    /// The folder holding the test bundle, which is also where SwiftPM puts executables.
    public static var directory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    /// The built `bulletin` executable.
    public static var bulletin: URL { directory.appendingPathComponent("bulletin") }

    /// The repository root (for Resources and fixtures).
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The bundled sample library.
    public static var sampleLibrary: URL { repositoryRoot.appendingPathComponent("Resources/Library") }

    /// `../shared/samples/000_20a258825bf46a1c.txt` when the shared folder is beside the repo
    /// (or beside the folder of worktrees that holds it).
    public static var sharedSample: URL? {
        let parent = repositoryRoot.deletingLastPathComponent()
        return [parent, parent.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("shared/samples/000_20a258825bf46a1c.txt") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
