/// One terminal cell: a character (grapheme cluster) with its display width and style.
///
/// A wide character (CJK, emoji) occupies its own cell with `width == 2` and the cell to
/// its right holds a continuation (`width == 0`) that is never drawn on its own.
public struct Cell: Hashable, Sendable {
    /// The character drawn in this cell (a space for blank cells and continuations).
    public var character: Character
    /// Display width: 1, 2 for a wide character, 0 for the right half of a wide character.
    public var width: UInt8
    /// How the cell looks.
    public var style: Style

    /// Creates a cell.
    public init(_ character: Character = " ", width: UInt8 = 1, style: Style = .plain) {
        self.character = character
        self.width = width
        self.style = style
    }

    /// A blank cell in `style`.
    public static func blank(_ style: Style = .plain) -> Cell { Cell(" ", width: 1, style: style) }

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}
