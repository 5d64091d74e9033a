import ReaderUI

/// A screen as the terminal would be asked to draw it under a theme: the text, then for
/// every row the runs of cells that share an appearance (attributes and colour), e.g.
/// `row 0: 0-79 reverse fg=4`. Plain runs (no attribute, terminal colour) are left out.
enum StyleDump {
    static func dump(_ screen: Screen, theme: Theme, monochrome: Bool = false) -> String {
        var out = screen.text + "\n--- styles (\(theme.name.rawValue)\(monochrome ? ", NO_COLOR" : "")) ---\n"
        for row in 0..<screen.height {
            var runs: [String] = []
            var start = 0
            var current = theme.appearance(screen[row, 0].style, monochrome: monochrome)
            func close(_ end: Int) {
                guard !current.attributes.isEmpty || current.foreground != nil else { return }
                runs.append("\(start)-\(end) " + describe(current))
            }
            for column in 1..<screen.width {
                let look = theme.appearance(screen[row, column].style, monochrome: monochrome)
                if look != current {
                    close(column - 1)
                    start = column
                    current = look
                }
            }
            close(screen.width - 1)
            if !runs.isEmpty { out += "row \(row): " + runs.joined(separator: ", ") + "\n" }
        }
        return out
    }

    static func describe(_ look: Theme.Appearance) -> String {
        var words: [String] = []
        if look.attributes.contains(.bold) { words.append("bold") }
        if look.attributes.contains(.reverse) { words.append("reverse") }
        if look.attributes.contains(.underline) { words.append("underline") }
        if look.attributes.contains(.dim) { words.append("dim") }
        if let fg = look.foreground { words.append("fg=\(fg)") }
        return words.joined(separator: " ")
    }
}
