import ArgumentParser
import Articles
import Foundation

/// The `bulletin` command: the interactive reader by default, plus subcommands for pipes.
struct BulletinCommand: ParsableCommand {
    static let version = BulletinVersion.current

    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "A calm, fast terminal reader for articles saved as text.",
        discussion: """
            With no subcommand, opens the interactive reader on PATH... (folders are searched \
            recursively), or on your library ($XDG_DATA_HOME/bulletin/articles, filled by \
            'bulletin add' and 'bulletin refresh') when no path is given, or on the bundled \
            samples while that library is empty.
            """,
        version: version,
        subcommands: [
            ReadCommand.self, ParseCommand.self, ListCommand.self, ShowCommand.self,
            SavedCommand.self, SaveCommand.self, UnsaveCommand.self, MarkReadCommand.self,
            MarkUnreadCommand.self, ExportSavedCommand.self, ScreenshotCommand.self, ConfigCommand.self,
            StressStateCommand.self,
            AddCommand.self, RemoveCommand.self, FeedsCommand.self, RefreshCommand.self, PruneCommand.self, FetchCommand.self,
            ImportCommand.self, ExportCommand.self,
        ],
        defaultSubcommand: ReadCommand.self
    )
}

/// Entry point: maps errors to one stderr line and the documented exit codes
/// (0 success, 1 failure, 2 usage).
@main
enum Main {
    static func main() {
        do {
            var command = try BulletinCommand.parseAsRoot()
            try command.run()
        } catch let failure as CLIFailure {
            Terminal.printError(failure.message)
            exit(1)
        } catch {
            let code = BulletinCommand.exitCode(for: error)
            if code == .validationFailure {
                let message = BulletinCommand.message(for: error)
                Terminal.printError("\(message) (see 'bulletin --help')")
                exit(2)
            }
            BulletinCommand.exit(withError: error)
        }
    }
}

/// A failure already phrased for a person: printed as one line, exit status 1.
struct CLIFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Small helpers for writing to the standard streams. Nothing unsafe for a terminal
/// (``UnsafeCharacters``) is written raw: a file name holding an escape sequence is shown
/// with the escape spelled out (`\u{1B}`).
enum Terminal {
    /// Writes `bulletin: message` as one line on stderr.
    static func printError(_ message: String) {
        let line = "bulletin: " + UnsafeCharacters.escaped(message.replacingOccurrences(of: "\n", with: " ")) + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Writes text to stdout without a trailing newline being added.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(UnsafeCharacters.escaped(text, keepingLineBreaks: true).utf8))
    }
}
