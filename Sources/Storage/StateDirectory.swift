import Foundation

/// Finding and creating the state folder.
public enum StateDirectory {
    /// `$BULLETIN_STATE_DIR`, else `$XDG_DATA_HOME/bulletin` (when absolute), else
    /// `$HOME/.local/share/bulletin`. (`--state-dir` on the command line comes first.)
    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dir = environment["BULLETIN_STATE_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir, isDirectory: true)
        }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("bulletin", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/share/bulletin", isDirectory: true)
    }

    /// Creates `folder` with mode 0700 when missing (parents with the default mode). An
    /// existing folder keeps its mode.
    static func prepare(_ folder: URL) throws(StorageIOError) {
        let path = folder.path
        var info = stat()
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { return }
            throw StorageIOError("use state folder", path, code: ENOTDIR)
        }
        var current = ""
        for component in folder.deletingLastPathComponent().path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o777) != 0 && errno != EEXIST {
                throw StorageIOError("create state folder", path, code: errno)
            }
        }
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw StorageIOError("create state folder", path, code: errno)
        }
        _ = chmod(path, 0o700)
    }
}
