import Articles

/// Text from feeds and servers made safe for one terminal line.
enum TerminalText {
    /// `text` without control characters, escape sequences or bidi controls, on one line.
    static func clean(_ text: String) -> String {
        TextSanitizer.sanitize(text).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
    }
}
