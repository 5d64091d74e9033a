import Foundation

/// Opens a url in `$BROWSER`, spawned directly with an argument list (never a shell), in
/// its own process group with stdin/stdout/stderr on /dev/null so it cannot draw over the
/// reader.
///
/// `$BROWSER` may be a colon-separated list (the first entry is used); an entry is split on
/// spaces into the program and its arguments, and `%s` is replaced by the url (else the url
/// is appended). Only links that ``LinkPolicy`` accepts (http and https) are ever opened.
public enum BrowserLauncher {
    /// The argument list for `url`, or `nil` when `$BROWSER` is unset or empty.
    public static func arguments(for url: String, browser: String?) -> [String]? {
        guard let browser,
              let entry = browser.split(separator: ":").map({ $0.trimmingCharacters(in: .whitespaces) }).first(where: { !$0.isEmpty })
        else { return nil }
        var words = entry.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return nil }
        if words.contains(where: { $0.contains("%s") }) {
            words = words.map { $0.replacingOccurrences(of: "%s", with: url) }
        } else {
            words.append(url)
        }
        return words
    }

    /// Starts the browser; returns a message for the status bar.
    public static func open(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let refusal = LinkPolicy.refusal(for: url) { return refusal }
        guard let argv = arguments(for: url, browser: environment["BROWSER"]) else {
            return "Set $BROWSER to open links (link: \(url))"
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        cArgs.append(nil)
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, environ)
        return status == 0 ? "Opened in \(argv[0])" : "Cannot start \(argv[0]): \(String(cString: strerror(status)))"
    }
}
