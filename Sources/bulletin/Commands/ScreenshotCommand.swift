import ArgumentParser

/// `bulletin screenshot` (placeholder: being built).
struct ScreenshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "screenshot", abstract: "Not built yet.")
    func run() throws { throw CLIFailure("screenshot is not built yet") }
}
