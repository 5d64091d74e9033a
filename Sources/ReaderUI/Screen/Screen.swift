import Articles

/// A grid of cells that a view renders into and a backend draws.
///
/// Text is placed by display width (``DisplayWidth``): a wide character that would not fit
/// before the right edge is not drawn, and overwriting either half of a wide character
/// blanks the other half, so a row can never be corrupted. Every character passes through
/// ``CellSanitizer`` first.
public struct Screen: Hashable, Sendable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Cells, row by row.
    public private(set) var cells: [Cell]

    /// A blank screen.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(), count: self.width * self.height)
    }

    /// The cell at `row`, `column`.
    public subscript(row: Int, column: Int) -> Cell { cells[row * width + column] }

    /// The cells of one row.
    public func row(_ row: Int) -> ArraySlice<Cell> { cells[(row * width)..<((row + 1) * width)] }

    /// Fills a rectangle (clipped to the screen) with blanks in `style`.
    public mutating func fill(row: Int, column: Int = 0, width: Int? = nil, height: Int = 1, style: Style = .plain) {
        let w = width ?? (self.width - column)
        for r in max(0, row)..<min(self.height, row + height) {
            for c in max(0, column)..<min(self.width, column + w) { set(r, c, .blank(style)) }
        }
    }

    /// Writes `text` at `row`, `column` in `style`, stopping before `column + limit` (or the
    /// right edge). Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, row: Int, column: Int, limit: Int? = nil, style: Style = .plain) -> Int {
        guard row >= 0, row < height, column < width else { return 0 }
        let end = min(width, limit.map { column + max(0, $0) } ?? width)
        var c = max(0, column)
        // Runs of printable ASCII (most of a title or an article line): one byte, one cell,
        // without splitting them into grapheme clusters; other text character by character.
        let utf8 = text.utf8
        var offset = 0  // bytes of `text` written or skipped
        while c < end {
            let (runEnd, runBytes) = putPrintableASCII(text, fromByte: offset, row: row, column: c, end: end, style: style)
            c = runEnd
            offset += runBytes
            guard offset < utf8.count, c < end else { break }
            // One character that is not a lone printable ASCII byte.
            let at = utf8.index(utf8.startIndex, offsetBy: offset)
            let next = text.index(after: at)
            offset += utf8.distance(from: at, to: next)
            guard let ch = CellSanitizer.clean(text[at]) else { continue }
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if c + w > end { break }
            set(row, c, Cell(ch, width: UInt8(w), style: style))
            if w == 2 { set(row, c + 1, Cell(" ", width: 0, style: style)) }
            c += w
        }
        return c - max(0, column)
    }

    /// Writes `text` cut to at most `width` columns (ending with `…` when cut), exactly as
    /// `put(TextFit.truncate(text, to: width), ...)` does, but without making the cut string
    /// when `text` is printable ASCII (most list titles). Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, truncatedTo width: Int, style: Style = .plain) -> Int {
        guard width > 0 else { return 0 }
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            return put(TextFit.truncate(text, to: width), row: row, column: column, style: style)
        }
        if utf8.count <= width { return put(text, row: row, column: column, style: style) }
        let used = put(text, row: row, column: column, limit: width - 1, style: style)
        return used + put("…", row: row, column: column + used, style: style)
    }

    /// Writes the printable ASCII characters of `text` that start at byte `fromByte` (a
    /// character boundary), each one byte and one cell, from `column`, stopping before `end`.
    /// A printable ASCII byte followed by a non-ASCII byte is left out (a combining mark may
    /// join it into one character), so the bytes taken always end on a character boundary.
    /// Returns the column after the last cell written and the number of bytes taken.
    private mutating func putPrintableASCII(_ text: some StringProtocol, fromByte: Int, row: Int, column: Int, end: Int,
                                            style: Style) -> (column: Int, bytes: Int) {
        let done = text.utf8.withContiguousStorageIfAvailable { bytes -> (column: Int, bytes: Int) in
            var c = column
            var i = fromByte
            let count = bytes.count
            while i < count, c < end {
                let byte = bytes[i]
                guard byte >= 0x20, byte <= 0x7E, i + 1 == count || bytes[i + 1] < 0x80 else { break }
                set(row, c, Cell(Screen.asciiCharacters[Int(byte)], width: 1, style: style))
                c += 1
                i += 1
            }
            return (c, i - fromByte)
        }
        return done ?? (column, 0)
    }

    /// The `Character` of every ASCII byte, made once.
    private static let asciiCharacters: [Character] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }

    /// Changes the style of existing cells in a range of one row (for highlights).
    public mutating func restyle(row: Int, column: Int, width: Int, style: Style) {
        guard row >= 0, row < height else { return }
        for c in max(0, column)..<min(self.width, column + width) { cells[row * self.width + c].style = style }
    }

    private mutating func set(_ row: Int, _ column: Int, _ cell: Cell) {
        let i = row * width + column
        let old = cells[i]
        if old.width == 2, column + 1 < width {
            if cells[i + 1].isContinuation { cells[i + 1] = .blank(cells[i + 1].style) }
        }
        if old.isContinuation, column > 0, cells[i - 1].width == 2 {
            cells[i - 1] = .blank(cells[i - 1].style)
        }
        cells[i] = cell
    }

    /// The text of one row (continuations skipped, trailing spaces trimmed).
    public func text(ofRow r: Int) -> String {
        var line = ""
        for cell in row(r) where !cell.isContinuation { line.append(cell.character) }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// The whole screen as text, one line per row, trailing spaces trimmed.
    public var text: String {
        (0..<height).map(text(ofRow:)).joined(separator: "\n")
    }
}
