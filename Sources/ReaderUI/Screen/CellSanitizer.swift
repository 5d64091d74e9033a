/// The renderer's last line of defence: no scalar that a terminal could read as a
/// control (C0, DEL, C1, hence ESC/CSI/OSC introducers) or that reorders text (bidi
/// embeddings, overrides, isolates and marks) is ever placed in a cell, whatever the
/// parser let through.
public enum CellSanitizer {
    /// Whether `scalar` must never reach the terminal.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true  // C0, DEL, C1 (ESC, CSI, OSC, ST...)
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi
        case 0x2028, 0x2029, 0xFFF9...0xFFFB: return true  // separators, annotations
        default: return false
        }
    }

    /// `character` without unsafe scalars; tabs and line breaks become a space; `nil` when
    /// nothing drawable is left.
    public static func clean(_ character: Character) -> Character? {
        if character == "\t" || character == "\n" || character == "\r\n" { return " " }
        let scalars = character.unicodeScalars
        guard scalars.contains(where: isUnsafe) else { return character }
        var kept = String.UnicodeScalarView()
        for scalar in scalars where !isUnsafe(scalar) { kept.append(scalar) }
        guard !kept.isEmpty else { return nil }
        return String(kept).first
    }
}
