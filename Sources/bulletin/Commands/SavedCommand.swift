import ArgumentParser

/// `bulletin saved` (placeholder: being built).
struct SavedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "saved", abstract: "Not built yet.")
    func run() throws { throw CLIFailure("saved is not built yet") }
}
