import ArgumentParser

/// `bulletin unsave` (placeholder: being built).
struct UnsaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unsave", abstract: "Not built yet.")
    func run() throws { throw CLIFailure("unsave is not built yet") }
}
