import ArgumentParser
import Foundation
import Settings

/// `--config FILE`, shared by the reader and the commands that read settings.
struct ConfigOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp(
        "Settings file (default: $BULLETIN_CONFIG or $XDG_CONFIG_HOME/bulletin/config.toml).", valueName: "file"))
    var file: String?

    /// Where the settings file is.
    var location: ConfigLocation { ConfigLocation(option: file) }

    /// Settings for the reader: on errors, prints each `file:line:col: message` on stderr
    /// and exits 2 (before any terminal set-up); warnings are printed and returned for the
    /// status bar.
    func loadForReader() throws -> (settings: Settings, warnings: [String], folders: [String]) {
        let location = self.location
        let result = location.load()
        ConfigOptions.report(result)
        if !result.isValid { throw ExitCode(2) }
        let folders = result.settings.library.resolvedFolders(configDirectory: location.url.deletingLastPathComponent())
        return (result.settings, result.warnings.map(\.description), folders)
    }

    /// The settings file's `[library]` folders, for commands that list a library: errors
    /// are printed and exit 2, warnings are printed.
    func libraryFolders() throws -> [String] { try loadForReader().folders }

    /// Prints errors and warnings on stderr, one per line.
    static func report(_ result: ConfigResult) {
        var text = ""
        for error in result.errors { text += error.description + "\n" }
        for warning in result.warnings {
            text += "\(warning.file):\(warning.line):\(warning.column): warning: \(warning.message)\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
