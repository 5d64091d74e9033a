import ArgumentParser

/// `bulletin mark-unread` (placeholder: being built).
struct MarkUnreadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mark-unread", abstract: "Not built yet.")
    func run() throws { throw CLIFailure("mark-unread is not built yet") }
}
