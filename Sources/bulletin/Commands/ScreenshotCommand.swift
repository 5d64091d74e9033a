import ArgumentParser
import Articles
import Foundation
import ReaderUI
import Settings
import Storage

/// `bulletin screenshot [PATH...] --size 100x30 [--keys "j j Enter"]`
struct ScreenshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screenshot",
        abstract: "Render the reader without a terminal and print the screen as text.",
        discussion: """
            Replays KEYS (space-separated: single characters, words typed letter by letter, or \
            key names Enter, Esc, Tab, BTab, Space, Up, Down, Left, Right, PgUp, PgDn, Home, \
            End, BSpace, WheelUp, WheelDown) through the same keymap, reducer and views as the \
            reader, then prints the final screen. Reads the state folder but never writes it.
            """)

    @OptionGroup var library: LibraryOptions
    @OptionGroup var state: StateOptions
    @OptionGroup var config: ConfigOptions

    @Option(help: "Terminal size as COLUMNSxROWS.")
    var size = "100x30"

    @Option(help: "Keys to press before the screenshot, e.g. \"j j Enter\".")
    var keys = ""

    func validate() throws { _ = try dimensions() }

    func dimensions() throws -> (Int, Int) {
        let parts = size.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (1...1000).contains(w), (1...1000).contains(h) else {
            throw ValidationError("--size must be COLUMNSxROWS between 1x1 and 1000x1000, e.g. 100x30")
        }
        return (w, h)
    }

    func run() throws {
        let (width, height) = try dimensions()
        let loaded = try config.loadForReader()
        let opened = try library.openLibrary(reportNotices: false, extra: loaded.folders)
        // Read-only: the keys may mark articles read, but only in memory.
        let store = StateStore(directory: state.directory, mode: .readOnly)
        let session = ReaderSession.replaying(Key.parse(keys), library: opened, store: store, width: width, height: height,
                                              options: loaded.settings.readerOptions)
        // The catalog (100,000 items at most) is left for the system to reclaim at exit.
        ProcessLifetime.keep(session.state.context)
        Terminal.write(session.render().text + "\n")
    }
}
