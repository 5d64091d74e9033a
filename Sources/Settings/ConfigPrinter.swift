import Articles
import ReaderUI

/// Writes settings as TOML: the effective settings for `bulletin config`, or the whole
/// default file with a comment on every setting for `bulletin config --default` (loading it
/// gives ``Settings/defaults``).
public enum ConfigPrinter {
    /// The default file: every setting at its default, each with a comment. Theme colours
    /// and the browser are commented out (they come from the theme and `$BROWSER`).
    public static func defaultFile() -> String {
        document(.defaults, commented: true)
    }

    /// `settings` as TOML, every value explicit (theme colours resolved).
    public static func effective(_ settings: Settings) -> String {
        document(settings, commented: false)
    }

    static func document(_ s: Settings, commented: Bool) -> String {
        var out: [String] = []
        func comment(_ text: String) { if commented { out.append("# " + text) } }
        func blank() { out.append("") }
        if commented {
            out += [
                "# Bulletin settings: $XDG_CONFIG_HOME/bulletin/config.toml (~/.config/bulletin/config.toml),",
                "# or the file named by --config FILE or $BULLETIN_CONFIG. Every value below is the default;",
                "# delete what you do not change. Bulletin reads this file and never writes it.",
                "# `bulletin config --check` validates it; `bulletin config` prints the settings in effect.",
                "",
            ]
        }

        out.append("[keys]")
        comment("Each action takes a list of keys, which replaces its default keys; [] unbinds it.")
        comment("Keys: a character (\"x\", \"?\"), Ctrl-x, or Enter, Esc, Tab, Shift-Tab, Space, Backspace,")
        comment("Up, Down, Left, Right, PgUp, PgDn, Home, End, WheelUp, WheelDown. One key cannot do two")
        comment("things in one mode (modes: list, article, find = article while a find is active, summary,")
        comment("prompt = typing a search, where characters are always typed, and help = the ? overlay).")
        for row in BindingTable.rows {
            comment("\(row.help) (\(row.modes.map(\.rawValue).joined(separator: ", ")))")
            out.append("\(row.name) = [\((s.keys[row.name] ?? []).map { StringLiteral.quoted($0.name) }.joined(separator: ", "))]")
        }
        blank()

        out.append("[theme]")
        comment("The palette: \"default\" (for dark and light terminals), \"light\" (for light backgrounds)")
        comment("or \"monochrome\" (no colour; attributes only). NO_COLOR=1 always means no colour.")
        out.append("name = \(StringLiteral.quoted(s.theme.name.rawValue))")
        comment("Colours of single elements, overriding the palette: black, red, green, yellow, blue,")
        comment("magenta, cyan, white, default (the terminal's own), or a number from 0 to 255.")
        comment("Shown here with the default palette's colours.")
        let theme = s.theme.theme
        for element in Theme.Element.allCases {
            let color = theme.color(of: element)
            let value = color < Theme.colorNames.count ? StringLiteral.quoted(Theme.colorName(color)) : String(color)
            let line = "\(element.rawValue) = \(value)"
            out.append(commented && s.theme.colors[element] == nil ? "# " + line : line)
        }
        blank()

        out.append("[reader]")
        comment("The widest column width of article and summary text.")
        out.append("measure = \(s.reader.measure)")
        comment("From this terminal width on, the list has a preview pane.")
        out.append("preview-width = \(s.reader.previewWidth)")
        comment("Whether opening an article marks it read (m toggles it either way).")
        out.append("mark-read-on-open = \(s.reader.markReadOnOpen)")
        comment("The order of the list: \"date\" (newest first), \"source\" or \"title\".")
        out.append("sort = \(StringLiteral.quoted(s.reader.sort.rawValue))")
        comment("The list's date column, a Unicode date pattern in UTC (e.g. \"d MMM\").")
        out.append("date-format = \(StringLiteral.quoted(s.reader.dateFormat))")
        comment("The command that opens links (%s is the url, else it is appended); unset: $BROWSER.")
        if let browser = s.reader.browser {
            out.append("browser = \(StringLiteral.quoted(browser))")
        } else {
            out.append("# browser = \"firefox %s\"")
        }
        blank()

        out.append("[library]")
        comment("Folders (or files) always opened besides the paths given on the command line;")
        comment("~/ is your home folder, relative paths are relative to this file's folder.")
        out.append("folders = [\(s.library.folders.map(StringLiteral.quoted).joined(separator: ", "))]")
        blank()

        out.append("[feeds]")
        comment("Feeds fetched at once.")
        out.append("concurrency = \(s.feeds.concurrency)")
        comment("Requests at once to one host.")
        out.append("per-host = \(s.feeds.perHost)")
        comment("Seconds before a request is given up.")
        out.append("timeout = \(s.feeds.timeout)")
        comment("The User-Agent header of every request.")
        out.append("user-agent = \(StringLiteral.quoted(s.feeds.userAgent))")
        comment("Default for new subscriptions: \"auto\" (fetch the page when the feed has only a summary),")
        comment("\"always\" or \"never\".")
        out.append("full-article = \(StringLiteral.quoted(s.feeds.fullArticle.rawValue))")
        comment("Refresh the feeds when the reader starts.")
        out.append("refresh-on-start = \(s.feeds.refreshOnStart)")
        comment("Days a read, unsaved feed article is kept before a refresh or prune removes it (0: forever).")
        out.append("keep-days = \(s.feeds.keepDays)")
        comment("Read, unsaved articles kept per feed, newest first; older ones are removed (0: no limit).")
        out.append("keep-per-feed = \(s.feeds.keepPerFeed)")
        return out.joined(separator: "\n") + "\n"
    }
}
