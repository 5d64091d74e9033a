import ArgumentParser

/// `bulletin mark-read` (placeholder: being built).
struct MarkReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mark-read", abstract: "Not built yet.")
    func run() throws { throw CLIFailure("mark-read is not built yet") }
}
