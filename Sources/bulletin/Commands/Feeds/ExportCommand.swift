import ArgumentParser
import Fetching
import Foundation

/// `bulletin export`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the subscriptions as OPML 2.0 on stdout.",
        discussion: "Tags are written as category attributes.")

    func run() throws {
        Terminal.write(FeedFormats.writeOPML(try FeedCommandSupport.subscriptions()))
    }
}
