import ArgumentParser
import Articles
import Foundation
import Storage

/// `bulletin show ID|FILE [--width N]`
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one article as clean, word-wrapped text.",
        discussion: "ID is an article id from 'bulletin list' (looked up in the library and in saved favorites); FILE is a path to an article file.")

    @OptionGroup var reference: ArticleReferenceOptions

    @Option(help: "Wrap at this many columns (default: the terminal width, or 80).")
    var width: Int?

    @OptionGroup var state: StateOptions

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be at least 20") }
    }

    func run() throws {
        let directory = state.directory
        // The state folder is opened only when the id is not in the library.
        let resolved = try reference.lookup().find(reference.article) { id in
            StateStore(directory: directory, mode: .readOnly).savedArticle(id)?.article
        }
        Terminal.write(ArticleTextFormatter.format(resolved, width: width ?? TerminalSize.columns() ?? 80))
    }
}

/// The width of the terminal on stdout, if it is one.
enum TerminalSize {
    static func columns() -> Int? {
        if let env = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(env), n > 0 { return n }
        var size = winsize()
        guard isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
            return nil
        }
        return Int(size.ws_col)
    }
}
