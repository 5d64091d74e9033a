import ArgumentParser

/// `bulletin save` (placeholder: being built).
struct SaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "save", abstract: "Not built yet.")
    func run() throws { throw CLIFailure("save is not built yet") }
}
