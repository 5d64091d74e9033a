/// The JSON files in the state folder.
public enum StateFile: String, CaseIterable, Sendable {
    /// Read marks, read times and reading positions: `read-snapshot.jsonl` plus
    /// `read-journal.jsonl` (``ReadJournal``); `read.json` is the format before them,
    /// migrated automatically.
    case read = "read.json"
    /// `saved.json`: favorites with full article copies.
    case saved = "saved.json"

    /// The file name.
    public var name: String { rawValue }

    /// What the file holds, for messages ("read state", "favorites").
    public var contents: String {
        switch self {
        case .read: return "read state"
        case .saved: return "favorites"
        }
    }

    /// The newest format version this build reads and writes.
    public static let currentVersion = 1

    /// The lock file every writer holds (exclusive `flock`) while it re-reads, merges and
    /// writes the state files.
    public static let lockName = "state.lock"

    /// Prefix of temporary files (`.read.json.tmp-PID-N`); leftovers of a killed process
    /// are removed the next time the folder is opened.
    static var temporaryPrefixes: [String] {
        [StateFile.read.name, StateFile.saved.name, ReadJournal.snapshotName, ReadJournal.journalName]
            .map(DurableFile.temporaryPrefix(for:))
    }
}

/// Why a state file could not be used.
public enum StateFileProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// Zero bytes or only whitespace.
    case empty
    /// Not parseable as JSON (garbage, truncated).
    case invalidJSON
    /// Valid JSON but not the documented structure (`null`, wrong types, missing fields).
    case wrongShape(String)
    /// A `version` newer than ``StateFile/currentVersion``.
    case newerVersion(Int)

    public var description: String {
        switch self {
        case .empty: return "is empty"
        case .invalidJSON: return "is not valid JSON"
        case .wrongShape(let detail): return "has the wrong shape (\(detail))"
        case .newerVersion(let version):
            return "has version \(version), newer than this bulletin understands (\(StateFile.currentVersion))"
        }
    }
}
