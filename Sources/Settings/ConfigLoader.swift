import Foundation
import ReaderUI
import TOMLKit

/// Reads config.toml with TOMLKit into ``Settings``, checking every value's type and range;
/// positions come from TOMLKit for syntax errors and from ``SourceLocator`` for the rest.
public enum ConfigLoader {
    /// The tables of the file.
    public static let sections = ["keys", "theme", "reader", "library", "feeds"]

    /// Reads the file at `url`, shown as `displayName` in messages. A missing file gives the
    /// defaults unless `mustExist` (a file named with `--config` or `BULLETIN_CONFIG`).
    public static func load(_ url: URL, displayName: String? = nil, mustExist: Bool = false) -> ConfigResult {
        let name = displayName ?? url.path
        guard FileManager.default.fileExists(atPath: url.path) else {
            if !mustExist { return ConfigResult(settings: .defaults, errors: [], warnings: []) }
            return ConfigResult(settings: .defaults, errors: [ConfigDiagnostic(
                file: name, line: 1, column: 1, message: "no such file")], warnings: [])
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return ConfigResult(settings: .defaults, errors: [ConfigDiagnostic(
                file: name, line: 1, column: 1, message: "cannot read the file")], warnings: [])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return ConfigResult(settings: .defaults, errors: [ConfigDiagnostic(
                file: name, line: 1, column: 1, message: "not UTF-8 text")], warnings: [])
        }
        return load(text: text, file: name)
    }

    /// The first control character TOML forbids everywhere (all of C0 but tab and line
    /// breaks, and DEL), with its 1-based line and column. Such a document is refused
    /// before TOMLKit sees it: toml++ asserts on some of them inside keys.
    static func firstControlCharacter(_ text: String) -> (line: Int, column: Int, value: UInt32)? {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x0A {
                line += 1
                column = 1
                continue
            }
            if (v < 0x20 && v != 0x09 && v != 0x0D) || v == 0x7F { return (line, column, v) }
            column += 1
        }
        return nil
    }

    /// The first construct that toml++ (inside TOMLKit) asserts on instead of reporting,
    /// with its 1-based line and column and the message to give, found by one pass that
    /// knows strings, multi-line strings, comments and open arrays:
    /// - a `}` right after `[` or `,` (spaces, line breaks and comments between), never valid
    ///   TOML (`folders = [}`);
    /// - a table header (`[` or `[[` opening a line outside any value) whose name does not
    ///   start with an ASCII key character, a quote or `]` (`[[# x`, `[=`, `[` alone).
    static func syntaxTOMLKitCannotReport(_ text: String) -> (line: Int, column: Int, message: String)? {
        enum Mode { case normal, comment, basic, literal, multiBasic, multiLiteral }
        let scalars = Array(text.unicodeScalars)
        var mode = Mode.normal
        var last: Unicode.Scalar = "\n"  // the last significant scalar outside strings and comments
        var depth = 0  // arrays and inline tables open in the value being read
        var lineIsBlank = true  // nothing but spaces and tabs yet on this line
        var inHeader = false
        var line = 1
        var column = 0
        var i = 0
        func starts(_ s: String) -> Bool {
            let u = Array(s.unicodeScalars)
            return i + u.count <= scalars.count && Array(scalars[i..<(i + u.count)]) == u
        }
        // The horizontal whitespace toml++ skips between tokens: TOML's space and tab, and
        // (beyond TOML) a byte order mark and other Unicode spaces. Not `\r`: a `\r` right
        // after the bracket reaches toml++'s assertion too.
        func isHorizontal(_ c: Unicode.Scalar) -> Bool {
            switch c.value {
            case 0x20, 0x09, 0xA0, 0x1680, 0x180E, 0x2000...0x200B, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF: return true
            default: return false
            }
        }
        func isNameStart(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
                || c == "_" || c == "-" || c == "\"" || c == "'" || c == "]"
        }
        while i < scalars.count {
            let c = scalars[i]
            column += 1
            if c == "\n" {
                line += 1
                column = 0
                lineIsBlank = true
                inHeader = false
                if mode == .comment || mode == .basic || mode == .literal { mode = .normal }
                i += 1
                continue
            }
            let blank = isHorizontal(c) || c == "\r"
            let wasBlank = lineIsBlank
            if !blank { lineIsBlank = false }
            switch mode {
            case .normal:
                if c == "[" && wasBlank && depth == 0 {
                    var j = i + 1
                    if j < scalars.count, scalars[j] == "[" { j += 1 }
                    while j < scalars.count, isHorizontal(scalars[j]) { j += 1 }
                    if j >= scalars.count || !isNameStart(scalars[j]) {
                        return (line, column + (j - i), "expected a table name after '['")
                    }
                    inHeader = true
                    last = c
                } else if c == "#" {
                    mode = .comment
                } else if starts("\"\"\"") {
                    mode = .multiBasic; i += 3; column += 2; last = "\""; continue
                } else if starts("'''") {
                    mode = .multiLiteral; i += 3; column += 2; last = "'"; continue
                } else if c == "\"" {
                    mode = .basic; last = c
                } else if c == "'" {
                    mode = .literal; last = c
                } else if !blank {
                    if c == "}" && (last == "[" || last == ",") { return (line, column, "expected a value before '}'") }
                    if !inHeader {
                        if c == "[" || c == "{" { depth += 1 }
                        if (c == "]" || c == "}") && depth > 0 { depth -= 1 }
                    }
                    last = c
                }
            case .comment:
                break
            case .basic, .multiBasic:
                if c == "\\" { i += 2; column += 1; continue }
                if mode == .multiBasic ? starts("\"\"\"") : c == "\"" {
                    if mode == .multiBasic { i += 3; column += 2; mode = .normal; continue }
                    mode = .normal
                }
            case .literal, .multiLiteral:
                if mode == .multiLiteral ? starts("'''") : c == "'" {
                    if mode == .multiLiteral { i += 3; column += 2; mode = .normal; continue }
                    mode = .normal
                }
            }
            i += 1
        }
        return nil
    }

    /// Reads settings from `text`, naming `file` in messages.
    public static func load(text: String, file: String) -> ConfigResult {
        // A byte order mark opens the document for toml++ as for editors: the checks below
        // must see the first line as toml++ does (`BOM[# x]` asserted in toml++).
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text = String(text.unicodeScalars.dropFirst()) }
        if let control = firstControlCharacter(text) {
            return ConfigResult(settings: .defaults, errors: [ConfigDiagnostic(
                file: file, line: control.line, column: control.column,
                message: "control character U+\(String(format: "%04X", control.value)) is not allowed in TOML")], warnings: [])
        }
        if let refused = syntaxTOMLKitCannotReport(text) {
            return ConfigResult(settings: .defaults, errors: [ConfigDiagnostic(
                file: file, line: refused.line, column: refused.column, message: refused.message)], warnings: [])
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let message = error.description.trimmingCharacters(in: .whitespacesAndNewlines)
            return ConfigResult(settings: .defaults, errors: [ConfigDiagnostic(
                file: file, line: max(1, error.source.begin.line), column: max(1, error.source.begin.column),
                message: message)], warnings: [])
        } catch {
            return ConfigResult(settings: .defaults, errors: [ConfigDiagnostic(
                file: file, line: 1, column: 1, message: "\(error)")], warnings: [])
        }
        var reader = Reader(file: file, locator: SourceLocator(text))
        reader.read(root)
        let order: (ConfigDiagnostic, ConfigDiagnostic) -> Bool = { ($0.line, $0.column) < ($1.line, $1.column) }
        return ConfigResult(settings: reader.settings, errors: reader.errors.sorted(by: order),
                            warnings: reader.warnings.sorted(by: order))
    }
}

/// One pass over a parsed file.
private struct Reader {
    let file: String
    let locator: SourceLocator
    var settings = Settings()
    var errors: [ConfigDiagnostic] = []
    var warnings: [ConfigDiagnostic] = []

    init(file: String, locator: SourceLocator) {
        self.file = file
        self.locator = locator
    }

    mutating func error(_ at: SourceLocator.Position, _ message: String) {
        errors.append(ConfigDiagnostic(file: file, line: at.line, column: at.column, message: message))
    }

    mutating func warn(_ at: SourceLocator.Position, _ message: String) {
        warnings.append(ConfigDiagnostic(file: file, line: at.line, column: at.column, message: message))
    }

    mutating func read(_ root: TOMLTable) {
        for key in root.keys {
            guard let value = root[key] else { continue }
            guard ConfigLoader.sections.contains(key) else {
                let at = value.type == .table ? locator.header(key) : locator.key(key, in: nil)
                warn(at, "unknown table [\(key)], ignored\(suggestion(key, ConfigLoader.sections))")
                continue
            }
            guard let table = value.table else {
                error(locator.value(key, in: nil), "\(key): expected a table, found \(describe(value))")
                continue
            }
            switch key {
            case "keys": readKeys(table)
            case "theme": readTheme(table)
            case "reader": readReader(table)
            case "library": readLibrary(table)
            default: readFeeds(table)
            }
        }
    }

    // MARK: - [keys]

    mutating func readKeys(_ table: TOMLTable) {
        var overridden: [String] = []
        for name in table.keys {
            guard let value = table[name] else { continue }
            guard BindingTable.row(named: name) != nil else {
                warn(locator.key(name, in: "keys"), "unknown action \"\(name)\", ignored\(suggestion(name, BindingTable.names))")
                continue
            }
            guard let array = value.array else {
                error(locator.value(name, in: "keys"), "\(name): expected a list of keys, found \(describe(value))")
                continue
            }
            var keys: [Key] = []
            var valid = true
            for element in array {
                guard let text = element.string else {
                    error(locator.value(name, in: "keys"), "\(name): expected a key name, found \(describe(element))")
                    valid = false
                    continue
                }
                guard let key = Key.named(text) else {
                    error(locator.element(text, of: name, in: "keys"),
                          "\(name): unknown key \"\(text)\" (a character, Ctrl-x, or one of \(namedKeys))")
                    valid = false
                    continue
                }
                if [Key.control("c"), .control("z"), .control("s"), .control("q")].contains(key) {
                    error(locator.element(text, of: name, in: "keys"),
                          "\(name): \(key.name) cannot be bound: the terminal keeps it (interrupt, suspend, flow control)")
                    valid = false
                    continue
                }
                if !keys.contains(key) { keys.append(key) }
            }
            if valid {
                settings.keys[name] = keys
                overridden.append(name)
            }
        }
        // One error per key and set of actions, naming every mode where they clash.
        var modes: [[String]: [BindingMode]] = [:]
        var order: [(Key, [String])] = []
        for conflict in KeyMap.conflicts(settings.keys) {
            let id = [conflict.key.name] + conflict.names
            if modes[id] == nil { order.append((conflict.key, conflict.names)) }
            modes[id, default: []].append(conflict.mode)
        }
        for (key, names) in order {
            // Report at an action the file set (the defaults never conflict).
            let culprit = names.last { overridden.contains($0) } ?? names[0]
            let others = names.filter { $0 != culprit }
            let where_ = modes[[key.name] + names]!.map(\.rawValue)
            let modeText = where_.count == 1 ? where_[0] + " mode"
                : where_.dropLast().joined(separator: ", ") + " and " + where_.last! + " modes"
            error(locator.element(key.name, of: culprit, in: "keys"),
                  "\(culprit): key \"\(key.name)\" is bound to both \(culprit) and \(others.joined(separator: " and ")) in \(modeText)")
        }
    }

    var namedKeys: String {
        "Enter, Esc, Tab, Shift-Tab, Space, Backspace, Up, Down, Left, Right, PgUp, PgDn, Home, End, WheelUp, WheelDown"
    }

    // MARK: - [theme]

    mutating func readTheme(_ table: TOMLTable) {
        let elements = Theme.Element.allCases.map(\.rawValue)
        for key in table.keys {
            guard let value = table[key] else { continue }
            if key == "name" {
                if let name = choice(value, key, "theme", Theme.Name.self) { settings.theme.name = name }
                continue
            }
            guard let element = Theme.Element(rawValue: key) else {
                warn(locator.key(key, in: "theme"), "unknown theme setting \"\(key)\", ignored\(suggestion(key, ["name"] + elements))")
                continue
            }
            if let number = value.int {
                guard (0...255).contains(number) else {
                    error(locator.value(key, in: "theme"), "\(key): expected a colour from 0 to 255, found \(number)")
                    continue
                }
                settings.theme.colors[element] = Int16(number)
            } else if let name = value.string {
                guard let number = Theme.colorNumber(name) else {
                    error(locator.value(key, in: "theme"),
                          "\(key): unknown colour \"\(name)\" (\(Theme.colorNames.joined(separator: ", ")), default, or 0-255)")
                    continue
                }
                settings.theme.colors[element] = number
            } else {
                error(locator.value(key, in: "theme"), "\(key): expected a colour name or a number from 0 to 255, found \(describe(value))")
            }
        }
    }

    // MARK: - [reader]

    mutating func readReader(_ table: TOMLTable) {
        let known = ["measure", "preview-width", "mark-read-on-open", "sort", "date-format", "browser"]
        for key in table.keys {
            guard let value = table[key] else { continue }
            switch key {
            case "measure":
                if let n = integer(value, key, "reader", 20...500) { settings.reader.measure = n }
            case "preview-width":
                if let n = integer(value, key, "reader", 40...10_000) { settings.reader.previewWidth = n }
            case "mark-read-on-open":
                if let b = boolean(value, key, "reader") { settings.reader.markReadOnOpen = b }
            case "sort":
                if let s = choice(value, key, "reader", ListOrder.self) { settings.reader.sort = s }
            case "date-format":
                if let s = text(value, key, "reader") { settings.reader.dateFormat = s }
            case "browser":
                if let s = text(value, key, "reader") { settings.reader.browser = s }
            default:
                warn(locator.key(key, in: "reader"), "unknown reader setting \"\(key)\", ignored\(suggestion(key, known))")
            }
        }
    }

    // MARK: - [library]

    mutating func readLibrary(_ table: TOMLTable) {
        for key in table.keys {
            guard let value = table[key] else { continue }
            guard key == "folders" else {
                warn(locator.key(key, in: "library"), "unknown library setting \"\(key)\", ignored\(suggestion(key, ["folders"]))")
                continue
            }
            guard let array = value.array else {
                error(locator.value(key, in: "library"), "folders: expected a list of folders, found \(describe(value))")
                continue
            }
            var folders: [String] = []
            for element in array {
                guard let folder = element.string, !folder.isEmpty else {
                    error(locator.value(key, in: "library"), "folders: expected a folder name, found \(describe(element))")
                    continue
                }
                folders.append(folder)
            }
            settings.library.folders = folders
        }
    }

    // MARK: - [feeds]

    mutating func readFeeds(_ table: TOMLTable) {
        let known = ["concurrency", "per-host", "timeout", "user-agent", "full-article", "refresh-on-start", "keep-days", "keep-per-feed"]
        for key in table.keys {
            guard let value = table[key] else { continue }
            switch key {
            case "concurrency":
                if let n = integer(value, key, "feeds", 1...64) { settings.feeds.concurrency = n }
            case "per-host":
                if let n = integer(value, key, "feeds", 1...16) { settings.feeds.perHost = n }
            case "timeout":
                if let n = integer(value, key, "feeds", 1...3600) { settings.feeds.timeout = n }
            case "user-agent":
                if let s = text(value, key, "feeds") { settings.feeds.userAgent = s }
            case "full-article":
                if let c = choice(value, key, "feeds", FeedSettings.FullArticle.self) { settings.feeds.fullArticle = c }
            case "refresh-on-start":
                if let b = boolean(value, key, "feeds") { settings.feeds.refreshOnStart = b }
            case "keep-days":
                if let n = integer(value, key, "feeds", 0...36_500) { settings.feeds.keepDays = n }
            case "keep-per-feed":
                if let n = integer(value, key, "feeds", 0...1_000_000) { settings.feeds.keepPerFeed = n }
            default:
                warn(locator.key(key, in: "feeds"), "unknown feeds setting \"\(key)\", ignored\(suggestion(key, known))")
            }
        }
    }

    // MARK: - Values

    mutating func integer(_ value: TOMLValueConvertible, _ key: String, _ table: String, _ range: ClosedRange<Int>) -> Int? {
        guard let n = value.int else {
            error(locator.value(key, in: table), "\(key): expected an integer, found \(describe(value))")
            return nil
        }
        guard range.contains(n) else {
            error(locator.value(key, in: table), "\(key): expected an integer from \(range.lowerBound) to \(range.upperBound), found \(n)")
            return nil
        }
        return n
    }

    mutating func boolean(_ value: TOMLValueConvertible, _ key: String, _ table: String) -> Bool? {
        guard let b = value.bool else {
            error(locator.value(key, in: table), "\(key): expected true or false, found \(describe(value))")
            return nil
        }
        return b
    }

    mutating func text(_ value: TOMLValueConvertible, _ key: String, _ table: String) -> String? {
        guard let s = value.string else {
            error(locator.value(key, in: table), "\(key): expected a string, found \(describe(value))")
            return nil
        }
        guard !s.trimmingCharacters(in: .whitespaces).isEmpty else {
            error(locator.value(key, in: table), "\(key): expected a non-empty string")
            return nil
        }
        return s
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ value: TOMLValueConvertible, _ key: String, _ table: String,
                                                            _ type: T.Type) -> T? where T.RawValue == String {
        let names = T.allCases.map(\.rawValue)
        let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
        guard let s = value.string else {
            error(locator.value(key, in: table), "\(key): expected one of \(list), found \(describe(value))")
            return nil
        }
        guard let choice = T(rawValue: s) else {
            error(locator.value(key, in: table), "\(key): expected one of \(list), found \"\(s)\"")
            return nil
        }
        return choice
    }

    func suggestion(_ name: String, _ candidates: [String]) -> String {
        NearestName.to(name, in: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    /// "an integer", "a string", ... for messages.
    func describe(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .int: return "an integer"
        case .double: return "a floating-point number"
        case .string: return "a string"
        case .bool: return "a boolean"
        case .array: return "a list"
        case .table: return "a table"
        case .date: return "a date"
        case .time: return "a time"
        case .dateTime: return "a date-time"
        }
    }
}
