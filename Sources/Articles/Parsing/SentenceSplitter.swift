/// Splits a paragraph into sentences, well enough for a generated summary.
///
/// A sentence ends at `.`, `!`, `?` or `…` followed by a space and a capital letter, digit or
/// opening quote, or at `。！？`. A period after a common abbreviation (`Mr.`, `Dr.`, `e.g.`,
/// `M.`) or a single capital letter (an initial) does not end a sentence.
public enum SentenceSplitter {
    /// At most `limit` sentences from the start of `text`.
    public static func sentences(in text: String, limit: Int = .max) -> [String] {
        var result: [String] = []
        let scalars = Array(text.unicodeScalars)
        var start = 0
        var i = 0
        let n = scalars.count
        while i < n && result.count < limit {
            let s = scalars[i]
            var boundary = -1
            if s == "。" || s == "！" || s == "？" {
                boundary = i + 1
            } else if s == "." || s == "!" || s == "?" || s == "…" {
                var j = i + 1
                while j < n, scalars[j] == "\"" || scalars[j] == "”" || scalars[j] == "’" || scalars[j] == "»" || scalars[j] == ")" {
                    j += 1
                }
                if j < n, scalars[j] == " ", j + 1 < n {
                    let next = scalars[j + 1]
                    let startsNew = next.properties.isUppercase || next.properties.numericType != nil
                        || next == "“" || next == "\"" || next == "«" || next == "‘"
                    if startsNew && !(s == "." && isAbbreviation(scalars, before: i)) { boundary = j }
                }
            }
            if boundary > 0 {
                append(scalars[start..<boundary], to: &result)
                start = boundary
                i = boundary
                continue
            }
            i += 1
        }
        if start < n && result.count < limit { append(scalars[start..<n], to: &result) }
        return result
    }

    /// Appends the sentence in `slice` without its spaces at the ends, if anything is left.
    /// The UTF-8 is encoded straight into one buffer (appending scalars to a String one by
    /// one was most of the cost of generating a summary).
    private static func append(_ slice: ArraySlice<Unicode.Scalar>, to result: inout [String]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(slice.count)
        for scalar in slice {
            UTF8.encode(scalar) { bytes.append($0) }
        }
        let sentence = String(decoding: bytes, as: UTF8.self).trimmingSpaces()
        if !sentence.isEmpty { result.append(sentence) }
    }

    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "u.s", "u.k",
        "no", "inc", "ltd", "co", "corp", "m", "mme", "mlle", "fig", "approx", "dept", "gen", "gov",
        "sen", "rep", "col", "lt", "sgt", "capt", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "p", "pp", "vol", "op", "cf", "al", "z.b", "bzw", "ca",
    ]

    /// Whether the word before the period at `index` is an abbreviation or an initial.
    static func isAbbreviation(_ scalars: [Unicode.Scalar], before index: Int) -> Bool {
        var j = index - 1
        while j >= 0, scalars[j] != " " { j -= 1 }
        let word = String(String.UnicodeScalarView(scalars[(j + 1)..<index])).lowercased()
        if word.isEmpty { return false }
        if word.unicodeScalars.count == 1, scalars[index - 1].properties.isUppercase { return true }
        return abbreviations.contains(word)
    }
}

extension String {
    /// The string without leading and trailing spaces (no Foundation needed).
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
