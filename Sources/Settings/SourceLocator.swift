import Foundation

/// Finds where a table header, a key or a value sits in the text of a TOML file, for the
/// line and column of a message (TOMLKit gives positions for syntax errors only). It reads
/// `[table]` headers and `key = value` lines; a key it cannot find (dotted keys, inline
/// tables) is reported at its table's header, or at 1:1.
struct SourceLocator {
    /// A position, 1-based.
    struct Position: Hashable {
        var line: Int
        var column: Int
    }

    private struct Entry {
        var table: String?
        var key: String
        var keyPosition: Position
        var valuePosition: Position
        var valueOffset: Int  // in `characters`
    }

    private let characters: [Character]
    private var headers: [String: Position] = [:]
    private var entries: [Entry] = []

    init(_ source: String) {
        let text = source.replacingOccurrences(of: "\r\n", with: "\n")
        characters = Array(text)
        var table: String?
        var offset = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let chars = Array(line)
            defer { offset += chars.count + 1 }
            let indent = chars.prefix { $0 == " " || $0 == "\t" }.count
            guard indent < chars.count else { continue }
            let rest = String(chars[indent...])
            if rest.hasPrefix("["), !rest.hasPrefix("[["), let close = rest.firstIndex(of: "]") {
                let name = rest[rest.index(after: rest.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                table = SourceLocator.unquote(name)
                if headers[table!] == nil { headers[table!] = Position(line: index + 1, column: indent + 2) }
                continue
            }
            guard let equals = SourceLocator.equalsSign(in: chars, from: indent) else { continue }
            let key = SourceLocator.unquote(String(chars[indent..<equals]).trimmingCharacters(in: .whitespaces))
            var value = equals + 1
            while value < chars.count, chars[value] == " " || chars[value] == "\t" { value += 1 }
            entries.append(Entry(table: table, key: key, keyPosition: Position(line: index + 1, column: indent + 1),
                                 valuePosition: Position(line: index + 1, column: value + 1), valueOffset: offset + value))
        }
    }

    /// The `=` of a `key = value` line (outside quotes), if the line has one.
    private static func equalsSign(in chars: [Character], from start: Int) -> Int? {
        var quote: Character?
        for i in start..<chars.count {
            let c = chars[i]
            if let q = quote { if c == q { quote = nil }; continue }
            if c == "\"" || c == "'" { quote = c; continue }
            if c == "#" { return nil }
            if c == "=" { return i }
        }
        return nil
    }

    private static func unquote(_ text: String) -> String {
        if text.count >= 2, let f = text.first, f == "\"" || f == "'", text.last == f {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    /// The header of `table`.
    func header(_ table: String) -> Position {
        headers[table] ?? Position(line: 1, column: 1)
    }

    /// The key `key` of `table` (`nil`: top level).
    func key(_ key: String, in table: String?) -> Position {
        entry(key, table)?.keyPosition ?? table.map(header) ?? Position(line: 1, column: 1)
    }

    /// The value of `key` in `table`.
    func value(_ key: String, in table: String?) -> Position {
        entry(key, table)?.valuePosition ?? table.map(header) ?? Position(line: 1, column: 1)
    }

    /// The string `literal` inside the value of `key` (e.g. one key name in a list), else
    /// the value.
    func element(_ literal: String, of key: String, in table: String?) -> Position {
        guard let entry = entry(key, table) else { return value(key, in: table) }
        for quote in ["\"", "'"] {
            let needle = Array(quote + literal + quote)
            var i = entry.valueOffset
            var depth = 0
            while i + needle.count <= characters.count {
                if characters[i] == "[" { depth += 1 }
                if characters[i] == "]" { depth -= 1; if depth <= 0 { break } }
                if Array(characters[i..<(i + needle.count)]) == needle { return position(ofOffset: i) }
                i += 1
            }
        }
        return entry.valuePosition
    }

    private func entry(_ key: String, _ table: String?) -> Entry? {
        entries.first { $0.key == key && $0.table == table }
    }

    private func position(ofOffset offset: Int) -> Position {
        var line = 1, column = 1
        for c in characters[..<offset] {
            if c == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return Position(line: line, column: column)
    }
}
