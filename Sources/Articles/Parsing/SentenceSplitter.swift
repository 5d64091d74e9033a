/// Splits a paragraph into sentences, well enough for a generated summary.
///
/// A sentence ends at `.`, `!`, `?` or `…` followed by a space and a capital letter, digit or
/// opening quote, or at `。！？`. A period after a common abbreviation (`Mr.`, `Dr.`, `e.g.`,
/// `M.`) or a single capital letter (an initial) does not end a sentence.
public enum SentenceSplitter {
    /// At most `limit` sentences from the start of `text`.
    ///
    /// Scans the UTF-8 bytes and decodes a scalar only where a sentence may end (after `.`
    /// `!` `?` `…`): the same sentences as ``sentencesByScalars(in:limit:)``, which made an
    /// array of every scalar of the paragraph and encoded each sentence again.
    public static func sentences(in text: String, limit: Int = .max) -> [String] {
        var text = text
        return text.withUTF8 { sentences(utf8: $0, limit: limit) }
    }

    static func sentences(utf8 bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> [String] {
        var result: [String] = []
        let n = bytes.count
        var start = 0
        var i = 0
        func add(_ range: Range<Int>) {
            let sentence = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).trimmingSpaces()
            if !sentence.isEmpty { result.append(sentence) }
        }
        while i < n && result.count < limit {
            let b = bytes[i]
            var boundary = -1
            // 。！？ (E3 80 82, EF BC 81, EF BC 9F) end a sentence by themselves.
            if i + 2 < n && ((b == 0xE3 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x82)
                || (b == 0xEF && bytes[i + 1] == 0xBC && (bytes[i + 2] == 0x81 || bytes[i + 2] == 0x9F)))
            {
                boundary = i + 3
            } else {
                // . ! ? or … (E2 80 A6): the byte just after it.
                var after = -1
                if b == 0x2E || b == 0x21 || b == 0x3F {
                    after = i + 1
                } else if b == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA6 {
                    after = i + 3
                }
                if after > 0 {
                    var j = after
                    // Closing quotes and brackets: " ” ’ » )
                    while j < n {
                        if bytes[j] == 0x22 || bytes[j] == 0x29 {
                            j += 1
                        } else if j + 2 < n && bytes[j] == 0xE2 && bytes[j + 1] == 0x80 && (bytes[j + 2] == 0x9D || bytes[j + 2] == 0x99) {
                            j += 3
                        } else if j + 1 < n && bytes[j] == 0xC2 && bytes[j + 1] == 0xBB {
                            j += 2
                        } else {
                            break
                        }
                    }
                    if j < n, bytes[j] == 0x20, j + 1 < n {
                        let next = scalar(bytes, at: j + 1)
                        let startsNew = next.properties.isUppercase || next.properties.numericType != nil
                            || next == "“" || next == "\"" || next == "«" || next == "‘"
                        if startsNew && !(b == 0x2E && isAbbreviation(bytes, before: i)) { boundary = j }
                    }
                }
            }
            if boundary > 0 {
                add(start..<boundary)
                start = boundary
                i = boundary
                continue
            }
            i += 1
        }
        if start < n && result.count < limit { add(start..<n) }
        return result
    }

    /// The scalar whose UTF-8 encoding starts at `index` (a lead byte of valid UTF-8).
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar {
        let lead = bytes[index]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length where index + k < bytes.count { value = value << 6 | UInt32(bytes[index + k] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Whether the word before the period at byte `index` is an abbreviation or an initial.
    static func isAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
        var j = index - 1
        while j >= 0, bytes[j] != 0x20 { j -= 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[(j + 1)..<index]), as: UTF8.self).lowercased()
        if word.isEmpty { return false }
        if word.unicodeScalars.count == 1 {
            // The scalar just before the period.
            var k = index - 1
            while k > 0 && bytes[k] & 0xC0 == 0x80 { k -= 1 }
            if scalar(bytes, at: k).properties.isUppercase { return true }
        }
        return abbreviations.contains(word)
    }

    /// ``sentences(in:limit:)`` scalar by scalar (the reference it is tested against).
    static func sentencesByScalars(in text: String, limit: Int = .max) -> [String] {
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
