import Foundation

/// Where the settings file is: `--config FILE`, else `$BULLETIN_CONFIG`, else
/// `$XDG_CONFIG_HOME/bulletin/config.toml` (`~/.config` when unset or relative).
public struct ConfigLocation: Sendable {
    /// The file.
    public let url: URL
    /// Whether the user named it (`--config`, `BULLETIN_CONFIG`): then it must exist.
    public let isExplicit: Bool

    /// Resolves the location from `option` (`--config`) and `environment`.
    public init(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let option, !option.isEmpty {
            url = URL(fileURLWithPath: option)
            isExplicit = true
        } else if let named = environment["BULLETIN_CONFIG"], !named.isEmpty {
            url = URL(fileURLWithPath: named)
            isExplicit = true
        } else {
            var base = environment["XDG_CONFIG_HOME"] ?? ""
            if !base.hasPrefix("/") {
                base = (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.config"
            }
            url = URL(fileURLWithPath: base).appendingPathComponent("bulletin").appendingPathComponent("config.toml")
            isExplicit = false
        }
    }

    /// Reads the file (a missing default file gives the defaults).
    public func load() -> ConfigResult {
        ConfigLoader.load(url, displayName: url.path, mustExist: isExplicit)
    }
}
