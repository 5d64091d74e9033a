import ArgumentParser

/// `bulletin _stress-state` (hidden; placeholder: used by the storage crash tests).
struct StressStateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "_stress-state", abstract: "Internal: storage stress child.", shouldDisplay: false)
    func run() throws { throw CLIFailure("_stress-state is not built yet") }
}
