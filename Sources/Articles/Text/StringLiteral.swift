import Foundation

/// Double-quoted string literals that JSON, YAML and TOML all read back to the same text.
public enum StringLiteral {
    /// `text` as a double-quoted literal: `"` and `\` escaped, `\n` `\r` `\t` as such, other C0
    /// controls, DEL, C1 controls and U+2028/U+2029 as `\uXXXX`; valid as a JSON string, a YAML
    /// double-quoted scalar and a TOML basic string, and never raw control text on a terminal.
    public static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        appendQuoted(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends ``quoted(_:)`` of `text` to `out` as UTF-8.
    public static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        // Most values need no escape: a scan of their bytes (no control byte, quote,
        // backslash or DEL, and no lead byte of a C1 control or U+2028/U+2029) saves the
        // scalar-by-scalar copy.
        var text = text
        let plain = text.withUTF8 { utf8 in
            guard !utf8.contains(where: needsEscape) else { return false }
            out.append(0x22)
            out.append(contentsOf: utf8)
            out.append(0x22)
            return true
        }
        if !plain { out.append(contentsOf: quotedByScalars(text).utf8) }
    }

    /// Whether a byte may need an escape: a control byte, quote, backslash or DEL, or the
    /// lead byte of a C1 control or of U+2028/U+2029.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xE2
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
