import ArgumentParser

/// `bulletin read` (placeholder: being built).
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "read", abstract: "Not built yet.")
    func run() throws { throw CLIFailure("read is not built yet") }
}
