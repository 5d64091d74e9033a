/// One logical line of an article after cleanup: a classified line, or several wrapped
/// lines joined into one paragraph or list item.
struct TextUnit {
    /// What the unit is (see ``LineKind``).
    var kind: LineKind
    /// The clean text (for bullets, the text with the marker).
    var text: String
    /// A blank line (or the start of the file) comes before it.
    var blankBefore: Bool
    /// A blank line (or the end of the file) comes after it.
    var blankAfter: Bool = true
    /// The raw line began with whitespace.
    var indented: Bool
    /// Length in scalars of the last physical line joined into the unit, when it was
    /// measured: ``UnitBuilder`` measures it only in text with a wrap width, the one place
    /// it is read.
    var lastLineLength: Int?
    /// Physical lines joined into the unit.
    var lineCount = 1
    /// Removed from the article body (metadata, noise, or used elsewhere).
    var dropped = false

    /// Text of a `.text` unit, a heading's text, or a bullet's text.
    var content: String {
        switch kind {
        case .heading(_, let text): return text
        case .bullet(let text, _): return text
        default: return text
        }
    }
}
