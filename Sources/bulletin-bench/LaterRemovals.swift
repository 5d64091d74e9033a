import Foundation

/// Folders of timed file-creating rows, removed only after the last such row has run.
///
/// ext4 without a journal skips every inode freed in the last minute (five more while its
/// inode-table block is dirty) when it allocates a new one (`recently_deleted`), so deleting
/// one row's 10,000 files makes the creates of the next row slow; each row writes into a
/// fresh, never-used folder and leaves its removal to ``removeAll()``, at the end of the bench.
enum LaterRemovals {
    nonisolated(unsafe) private static var folders: [URL] = []

    /// Remembers `folder` for ``removeAll()``.
    static func add(_ folder: URL) { folders.append(folder) }

    /// Removes every remembered folder.
    static func removeAll() {
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
        folders = []
    }
}
