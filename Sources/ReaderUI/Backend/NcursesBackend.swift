import Articles
import CNcursesw
import Foundation

/// The only code that talks to ncurses: sets the terminal up, draws the rows of a
/// ``Screen`` that changed since the last frame, reads keys, and restores the terminal.
///
/// Signal handling lives here too (SIGINT, SIGTERM, SIGHUP are recorded, never acted on
/// inside the handler) because the flag and its reader must share one C translation.
final class NcursesBackend {
    private var previous: Screen?
    private let monochrome: Bool
    private let theme: Theme
    private var active = false

    /// Records SIGINT/SIGTERM/SIGHUP instead of dying (install before ``init(theme:monochrome:)``
    /// so ncurses keeps our handlers).
    static func trapSignals() { bulletin_trap_signals() }
    /// The signal received since the last call, or 0.
    static func takeSignal() -> Int32 { bulletin_take_signal() }
    /// Re-raises `signal` with its default action (exits with the conventional status).
    static func reraise(_ signal: Int32) { bulletin_reraise(signal) }
    /// Collects exited child processes (browsers).
    static func reapChildren() { bulletin_reap_children() }

    /// Initialises the terminal: locale, raw-ish input, 25 ms Esc delay, no cursor, mouse
    /// wheel, and the colours of `theme` unless `monochrome` (or the theme is monochrome).
    init(theme: Theme, monochrome: Bool) {
        self.theme = theme
        setlocale(LC_ALL, "")
        initscr()
        active = true
        cbreak()
        noecho()
        nonl()
        keypad(bulletin_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        wtimeout(bulletin_stdscr(), 100)
        mousemask(bulletin_button4_pressed() | bulletin_button5_pressed(), nil)
        mouseinterval(0)
        self.monochrome = monochrome || theme.isMonochrome || !has_colors()
        if !self.monochrome {
            start_color()
            use_default_colors()
            for role in ColorRole.allCases {
                let fg = theme.colors[role] ?? -1
                init_pair(Int16(role.rawValue) + 1, Int32(fg) < bulletin_colors() ? fg : -1, -1)
            }
        }
    }

    /// The terminal size in columns and rows.
    var size: (width: Int, height: Int) {
        (Int(getmaxx(bulletin_stdscr())), Int(getmaxy(bulletin_stdscr())))
    }

    /// Draws `screen`, rewriting only the rows that differ from the last frame.
    func draw(_ screen: Screen) {
        let window = bulletin_stdscr()
        let full = previous.map { $0.width != screen.width || $0.height != screen.height } ?? true
        if full { werase(window) }
        for row in 0..<screen.height {
            if !full, let previous, previous.row(row) == screen.row(row) { continue }
            drawRow(screen, row, window)
        }
        previous = screen
        wnoutrefresh(window)
        doupdate()
    }

    private func drawRow(_ screen: Screen, _ row: Int, _ window: UnsafeMutablePointer<WINDOW>?) {
        var column = 0
        for cell in screen.row(row) {
            defer { column += 1 }
            if cell.isContinuation { continue }
            var text: [wchar_t] = []
            for scalar in cell.character.unicodeScalars.prefix(4) { text.append(wchar_t(bitPattern: scalar.value)) }
            text.append(0)
            var c = cchar_t()
            let (attrs, pair) = attributes(cell.style)
            _ = bulletin_set_cchar(&c, text, attrs, pair)
            if row == screen.height - 1, column + Int(cell.width) >= screen.width {
                // The bottom-right cell cannot be written without scrolling: insert it.
                _ = mvwins_wch(window, Int32(row), Int32(column), &c)
            } else {
                _ = mvwadd_wch(window, Int32(row), Int32(column), &c)
            }
        }
    }

    /// The ncurses attributes and colour pair of `style`, as ``Theme/appearance(_:monochrome:)``
    /// resolves it (one pair per colour role, set up in `init`).
    private func attributes(_ style: Style) -> (attr_t, Int16) {
        let look = theme.appearance(style, monochrome: monochrome)
        var attrs = bulletin_a_normal()
        if look.attributes.contains(.bold) { attrs |= bulletin_a_bold() }
        if look.attributes.contains(.reverse) { attrs |= bulletin_a_reverse() }
        if look.attributes.contains(.underline) { attrs |= bulletin_a_underline() }
        if look.attributes.contains(.dim) { attrs |= bulletin_a_dim() }
        let pair: Int16 = look.foreground == nil ? 0 : Int16(style.color.rawValue) + 1
        return (attrs, pair)
    }

    /// Waits up to 100 ms for input; `nil` on timeout or an ignored event.
    func read() -> InputEvent? {
        var ch: wint_t = 0
        let result = wget_wch(bulletin_stdscr(), &ch)
        if result == KEY_CODE_YES {
            switch Int32(ch) {
            case KEY_RESIZE:
                previous = nil
                let (w, h) = size
                return .resize(width: w, height: h)
            case KEY_MOUSE:
                var event = MEVENT()
                guard getmouse(&event) == OK else { return nil }
                if event.bstate & bulletin_button4_pressed() != 0 { return .key(.wheelUp) }
                if bulletin_button5_pressed() != 0, event.bstate & bulletin_button5_pressed() != 0 { return .key(.wheelDown) }
                return nil
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_BTAB: return .key(.backTab)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            default: return nil
            }
        }
        guard result == OK else { return nil }
        switch ch {
        case 27: return .key(.escape)
        case 10, 13: return .key(.enter)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(Key.ctrl(Character(Unicode.Scalar(UInt8(ch) + 96))))
        default:
            guard let scalar = Unicode.Scalar(UInt32(ch)), !UnsafeCharacters.isUnsafe(scalar) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    /// Restores the terminal (idempotent).
    func shutdown() {
        guard active else { return }
        active = false
        endwin()
    }
}
