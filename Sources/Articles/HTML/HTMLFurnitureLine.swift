/// Short paragraphs of a news page that are page furniture, not article text, whatever
/// element holds them: a bare timestamp ("10:42", "Updated 2 hours ago", "Published
/// 3 March 2025 09:15"), and a print-edition note ("A version of this article appears in
/// print on …").
///
/// Only for HTML blocks: the text parser keeps its own line classes unchanged.
enum HTMLFurnitureLine {
    /// Whether the paragraph is a timestamp or a print-edition note.
    static func matches(_ text: String) -> Bool {
        let count = text.utf8.count
        guard count <= 200 else { return false }
        let lower = text.lowercased()
        if isPrintNote(lower) { return true }
        guard count <= 80 else { return false }
        return isTimestamp(lower)
    }

    /// "A version of this article appears in print on …", "This article appeared in the print edition …".
    static func isPrintNote(_ lower: String) -> Bool {
        (FastText.contains(lower, "appears in print") || FastText.contains(lower, "appeared in print")
            || FastText.contains(lower, "print edition"))
            && (FastText.contains(lower, "article") || FastText.contains(lower, "story") || FastText.contains(lower, "version"))
    }

    /// Words that may open a timestamp line.
    static let labels = ["updated", "last updated", "published", "posted", "first published", "modified", "last modified"]

    /// A clock time ("10:42", "9.30am", "10:42 BST"), a relative time ("2 hours ago",
    /// "Updated 5 mins ago"), or a label followed by a date ("Published 3 March 2025").
    static func isTimestamp(_ lower: String) -> Bool {
        var rest = Substring(lower)
        var labelled = false
        for label in labels.sorted(by: { $0.count > $1.count }) where rest.hasPrefix(label) {
            rest = rest.dropFirst(label.count)
            labelled = true
            break
        }
        rest = rest.drop(while: { $0 == " " || $0 == ":" || $0 == "-" || $0 == "–" })
        guard !rest.isEmpty else { return labelled }
        if isClockTime(rest) || isRelativeTime(rest) { return true }
        if labelled, HTMLDate.parse(String(rest)) != nil || DateLineParser.parse(String(rest)) != nil { return true }
        return false
    }

    /// "10:42", "9.30am", "10:42 pm bst", "10:42 gmt+1".
    static func isClockTime(_ text: Substring) -> Bool {
        let words = text.split(separator: " ")
        guard let first = words.first, words.count <= 3 else { return false }
        var time = first
        var suffix = ""
        for meridiem in ["am", "pm", "a.m.", "p.m."] where time.hasSuffix(meridiem) && time.count > meridiem.count {
            time = time.dropLast(meridiem.count)
            suffix = meridiem
            break
        }
        let parts = time.split(separator: ":", omittingEmptySubsequences: false).count == 2
            ? time.split(separator: ":", omittingEmptySubsequences: false)
            : time.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts[0].allSatisfy(\.isASCIIDigitCharacter), parts[1].allSatisfy(\.isASCIIDigitCharacter),
              let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60
        else { return false }
        // Whatever follows is a meridiem or a short zone name ("bst", "et", "gmt+1").
        for word in words.dropFirst() {
            let isMeridiem = ["am", "pm", "a.m.", "p.m."].contains(String(word)) && suffix.isEmpty
            let isZone = word.count <= 6 && word.first?.isLetter == true
                && word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" }
            if !isMeridiem && !isZone { return false }
        }
        return true
    }

    /// "2 hours ago", "5 mins ago", "a day ago", "just now".
    static func isRelativeTime(_ text: Substring) -> Bool {
        if text == "just now" { return true }
        let words = text.split(separator: " ")
        guard words.count == 3, words[2] == "ago" else { return false }
        guard words[0] == "a" || words[0] == "an" || words[0].allSatisfy(\.isASCIIDigitCharacter) else { return false }
        let units = ["sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours",
                     "day", "days", "week", "weeks", "month", "months", "year", "years"]
        return units.contains(String(words[1]))
    }
}

extension Character {
    /// An ASCII digit, 0 to 9.
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
