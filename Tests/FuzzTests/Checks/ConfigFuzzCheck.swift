import Foundation
import Settings

/// config.toml: loading never traps (any bytes, as the reader loads them), and valid
/// settings written back by `bulletin config` (colours resolved) load again as settings
/// that `bulletin config` writes the same way: write → load → write gives the same text.
enum ConfigFuzzCheck {
    static func check(_ data: [UInt8]) throws {
        guard let text = String(validating: data, as: UTF8.self) else { return }
        let result = ConfigLoader.load(text: text, file: "config.toml")
        for diagnostic in result.errors + result.warnings { _ = diagnostic.description }
        guard result.isValid else { return }
        let written = ConfigPrinter.effective(result.settings)
        let again = ConfigLoader.load(text: written, file: "written.toml")
        try FuzzInvariants.require(again.isValid, "Bulletin cannot load the settings it wrote: \(again.errors.map(\.description))\n\(written.prefix(600))")
        try FuzzInvariants.require(ConfigPrinter.effective(again.settings) == written,
                                   "config → write → load → write changed the settings:\n\(written.prefix(600))")
    }
}
