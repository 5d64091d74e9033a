/// Terminal display width of text: 0 for combining marks and format characters, 2 for
/// East Asian wide and fullwidth characters and emoji presentation, 1 otherwise.
///
/// A pure table (no locale), so headless rendering and tests agree with each other; it
/// follows the same Unicode data that glibc's `wcwidth` and tmux use.
public enum DisplayWidth {
    /// Width of one scalar in terminal cells.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 || (0x7F..<0xA0).contains(v) ? 0 : 1 }
        // Fast answers for ideographs, hangul syllables and general punctuation.
        if (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xAC00 && v <= 0xD7A3) { return 2 }
        if v >= 0x2010 && v <= 0x2027 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if v == 0x200B || (0x1160...0x11FF).contains(v) || (0xFE00...0xFE0F).contains(v) { return 0 }
        if isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Width of a string in terminal cells: the sum of its characters' widths (grapheme
    /// clusters, as the screen's cells hold them), so a flag or a joined emoji counts 2, not
    /// 4 or 6. Printable ASCII is counted byte by byte.
    public static func of(_ text: some StringProtocol) -> Int {
        var width = 0
        for byte in text.utf8 {
            if byte >= 0x80 { return clusterWidth(text) }
            if byte >= 0x20 && byte != 0x7F { width += 1 }
        }
        return width
    }

    private static func clusterWidth(_ text: some StringProtocol) -> Int {
        var width = 0
        for character in text { width += of(character) }
        return width
    }

    /// Width of a character (grapheme cluster): the widest of its scalars, so that an emoji
    /// with a variation selector or skin tone is still 2.
    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars { width = max(width, of(scalar)) }
        return width
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
