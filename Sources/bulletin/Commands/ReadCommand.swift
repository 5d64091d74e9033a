import ArgumentParser
import Articles
import Foundation
import ReaderUI
import Settings
import Storage

/// `bulletin [read] [PATH...]`: the interactive reader (the default subcommand).
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the interactive reader (the default when no subcommand is given).",
        discussion: """
            Opens PATH... (folders are searched recursively), or the bundled sample library. \
            Press ? in the reader for the keys. NO_COLOR=1 gives a monochrome UI. Needs a \
            terminal: for pipes use 'bulletin list' and 'bulletin show'. Keys, colours and \
            reader choices come from the settings file (see 'bulletin config --help'); an \
            invalid file stops the reader before it starts (exit status 2).
            """)

    @OptionGroup var library: LibraryOptions
    @OptionGroup var state: StateOptions
    @OptionGroup var config: ConfigOptions

    func run() throws {
        let loaded = try config.loadForReader()
        guard isatty(STDOUT_FILENO) != 0, isatty(STDIN_FILENO) != 0 else {
            throw CLIFailure("the reader needs a terminal; use 'bulletin list' or 'bulletin show ID' for pipes and scripts")
        }
        // A large library read without its index cache takes seconds: say so on the terminal
        // until the reader draws, then erase the line so it is not left behind at exit.
        let says = isatty(STDERR_FILENO) != 0
        if says { FileHandle.standardError.write(Data("bulletin: opening the library…".utf8)) }
        let opening = Result { try library.openLibrary(reportNotices: false, extra: loaded.folders) }
        if says { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let opened = try opening.get()
        let store = StateStore(directory: state.directory)
        let (options, folders) = (library, loaded.folders)
        var refresher = ReaderFeedRefresher(paths: FeedCommandSupport.paths) {
            try? options.openLibrary(reportNotices: false, extra: folders)
        }
        refresher.prune = FeedPruning.policy(loaded.settings)
        refresher.readingState = { FeedPruning.lookup(store) }
        let notice = library.opensSamples(extra: loaded.folders)
            ? "These are the bundled samples: subscribe to feeds with bulletin add URL, then press r" : nil
        let status = ReaderApp.run(library: opened, store: store, options: loaded.settings.readerOptions,
                                   warnings: loaded.warnings, refresher: refresher, notice: notice)
        if status != 0 { throw ExitCode(status) }
    }
}
