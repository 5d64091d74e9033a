import Foundation

/// Double-quoted string literals that JSON, YAML and TOML all read back to the same text.
public enum StringLiteral {
    /// `text` as a double-quoted literal: `"` and `\` escaped, `\n` `\r` `\t` as such, other C0
    /// controls, DEL, C1 controls and U+2028/U+2029 as `\uXXXX`; valid as a JSON string, a YAML
    /// double-quoted scalar and a TOML basic string, and never raw control text on a terminal.
    public static func quoted(_ text: String) -> String {
        // Most values need no escape: a scan of their bytes (no control byte, quote,
        // backslash or DEL, and no lead byte of a C1 control or U+2028/U+2029) saves the
        // scalar-by-scalar copy.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) {
            return "\"" + text + "\""
        }
        return quotedByScalars(text)
    }

    /// ``quoted(_:)`` scalar by scalar, escaping what must be.
    static func quotedByScalars(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029
                {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
