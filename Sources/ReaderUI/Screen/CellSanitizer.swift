import Articles

/// The renderer's last line of defence: no scalar that a terminal could read as a control
/// (C0, DEL, C1, hence ESC/CSI/OSC introducers) or that reorders text (bidi embeddings,
/// overrides, isolates and marks) is ever placed in a cell, whatever the parser let
/// through. The list is the parser's: ``UnsafeCharacters``.
public enum CellSanitizer {
    /// `character` without unsafe scalars; tabs and line breaks become a space; `nil` when
    /// nothing drawable is left.
    public static func clean(_ character: Character) -> Character? {
        if let ascii = character.asciiValue {  // CR LF counts as LF
            if ascii >= 0x20 && ascii != 0x7F { return character }
            return ascii == 0x09 || ascii == 0x0A ? " " : nil
        }
        let scalars = character.unicodeScalars
        guard scalars.contains(where: UnsafeCharacters.isUnsafe) else { return character }
        var kept = String.UnicodeScalarView()
        for scalar in scalars where !UnsafeCharacters.isUnsafe(scalar) { kept.append(scalar) }
        guard !kept.isEmpty else { return nil }
        return String(kept).first
    }
}
