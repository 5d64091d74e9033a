import ArgumentParser
import Foundation
import ReaderUI
import Settings

/// `bulletin config [--default | --check | --path]`: the settings file, as Bulletin sees it.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the settings in effect, the default settings file, or check the file.",
        discussion: """
            With no option, prints the settings in effect (the defaults merged with the file) as \
            TOML. The file is $XDG_CONFIG_HOME/bulletin/config.toml (~/.config when unset), or \
            --config FILE, or $BULLETIN_CONFIG; a missing default file means the defaults. \
            'bulletin config --default > ~/.config/bulletin/config.toml' starts a file that \
            changes nothing. Errors are printed as FILE:LINE:COLUMN: MESSAGE with exit status 2. \
            Bulletin never writes the file.
            """)

    @OptionGroup var config: ConfigOptions

    @Flag(name: .customLong("default"), help: "Print the whole default file, with a comment on every setting.")
    var printDefault = false

    @Flag(help: "Check the file: exit 0 when it is valid, 2 (with FILE:LINE:COLUMN: errors) when not.")
    var check = false

    @Flag(help: "Print the settings file's location.")
    var path = false

    @Flag(name: .customLong("keys-table"), help: .hidden)
    var keysTable = false

    func validate() throws {
        if [printDefault, check, path, keysTable].filter({ $0 }).count > 1 {
            throw ValidationError("use at most one of --default, --check and --path")
        }
    }

    func run() throws {
        let location = config.location
        if path { return Terminal.write(location.url.path + "\n") }
        if printDefault { return Terminal.write(ConfigPrinter.defaultFile()) }
        let result = location.load()
        if keysTable {
            return Terminal.write(KeyHelp.markdownTable(result.settings.readerOptions.keyMap))
        }
        ConfigOptions.report(result)
        if !result.isValid { throw ExitCode(2) }
        if !check { Terminal.write(ConfigPrinter.effective(result.settings)) }
    }
}
