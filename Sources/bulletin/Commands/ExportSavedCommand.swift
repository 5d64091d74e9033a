import ArgumentParser

/// `bulletin export-saved` (placeholder: being built).
struct ExportSavedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export-saved", abstract: "Not built yet.")
    func run() throws { throw CLIFailure("export-saved is not built yet") }
}
