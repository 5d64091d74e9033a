import Articles
import Foundation

/// Dates as feeds write them: RFC 822/1123 (RSS), RFC 3339 and ISO 8601 (Atom, JSON Feed,
/// `dc:date`), including the usual malformed forms.
///
/// RFC 822 dates are read token by token, in any order: an optional weekday, the day, the
/// month name (English, three letters or full), a 4- or 2-digit year (2-digit years below 50
/// are 20xx), `HH:MM[:SS]`, and a zone: `GMT`, `UT`, `UTC`, `Z`, the US zones (`EST`, `PDT`…),
/// military letters, or a numeric offset (`+0100`, `-05:00`, or `0100` without a sign).
/// A missing zone is UTC. Seconds are kept whole (fractions dropped), so a date survives the
/// ISO 8601 text of the article file unchanged.
///
/// The parsing is by hand rather than with `DateFormatter` because the malformed forms need
/// several patterns each, and a 10,000-item feed would pay for every failed attempt.
public enum FeedDate {
    /// The date in `text`, or `nil` when it is not a date.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] <= 0x20 { start += 1 }
        while end > start, bytes[end - 1] <= 0x20 { end -= 1 }
        guard end - start >= 4 else { return nil }
        let slice = bytes[start..<end]
        if end - start >= 10, isDigit(slice[start]), slice[start + 4] == 0x2D {
            return parseISO(slice)
        }
        return parseRFC822(slice)
    }

    // MARK: ISO 8601 / RFC 3339

    /// `YYYY-MM-DD`, optionally `T` or space and `HH:MM[:SS[.fff]]`, then `Z`, `±HH:MM`,
    /// `±HHMM`, `±HH` or nothing (UTC).
    static func parseISO(_ b: ArraySlice<UInt8>) -> Date? {
        var i = b.startIndex
        guard let year = number(b, &i, digits: 4), expect(b, &i, 0x2D),
            let month = number(b, &i, digits: 2), expect(b, &i, 0x2D),
            let day = number(b, &i, digits: 2)
        else { return nil }
        var hour = 0, minute = 0, second = 0, offset = 0
        if i < b.endIndex, b[i] == 0x54 || b[i] == 0x74 || b[i] == 0x20 {
            i += 1
            guard let h = number(b, &i, digits: 2), expect(b, &i, 0x3A), let m = number(b, &i, digits: 2) else {
                return nil
            }
            hour = h
            minute = m
            if expect(b, &i, 0x3A) {
                guard let s = number(b, &i, digits: 2) else { return nil }
                second = s
                if i < b.endIndex, b[i] == 0x2E || b[i] == 0x2C {
                    i += 1
                    while i < b.endIndex, isDigit(b[i]) { i += 1 }
                }
            }
            while i < b.endIndex, b[i] == 0x20 { i += 1 }
            if i < b.endIndex {
                if b[i] == 0x5A || b[i] == 0x7A {
                    i += 1
                } else if b[i] == 0x2B || b[i] == 0x2D {
                    let sign = b[i] == 0x2D ? -1 : 1
                    i += 1
                    guard let oh = number(b, &i, digits: 2) else { return nil }
                    _ = expect(b, &i, 0x3A)
                    let om = number(b, &i, digits: 2) ?? 0
                    offset = sign * (oh * 3600 + om * 60)
                } else {
                    return nil
                }
            }
        }
        guard i == b.endIndex else { return nil }
        return make(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    // MARK: RFC 822

    static func parseRFC822(_ b: ArraySlice<UInt8>) -> Date? {
        var day: Int?, month: Int?, year: Int?
        var time: (Int, Int, Int)?
        var offset: Int?
        var i = b.startIndex
        while i < b.endIndex {
            let c = b[i]
            if c == 0x20 || c == 0x2C || c == 0x09 || c == 0x2E && time == nil {
                i += 1
                continue
            }
            if c == 0x2B || (c == 0x2D && time != nil) {  // a signed offset
                let sign = c == 0x2D ? -1 : 1
                i += 1
                guard let value = offsetValue(b, &i) else { return nil }
                offset = sign * value
                continue
            }
            if c == 0x2D {  // "01-Jan-2024"
                i += 1
                continue
            }
            if isDigit(c) {
                var j = i
                while j < b.endIndex, isDigit(b[j]) { j += 1 }
                if j < b.endIndex, b[j] == 0x3A, time == nil {  // HH:MM[:SS]
                    guard let h = number(b, &i, digits: j - i), expect(b, &i, 0x3A),
                        let m = number(b, &i, digits: 2)
                    else { return nil }
                    var s = 0
                    if expect(b, &i, 0x3A) {
                        guard let value = number(b, &i, digits: 2) else { return nil }
                        s = value
                        if i < b.endIndex, b[i] == 0x2E {
                            i += 1
                            while i < b.endIndex, isDigit(b[i]) { i += 1 }
                        }
                    }
                    time = (h, m, s)
                    continue
                }
                let count = j - i
                guard let value = number(b, &i, digits: count) else { return nil }
                if count == 4, year == nil, time == nil {
                    year = value
                } else if count == 4, time != nil, offset == nil {
                    offset = (value / 100) * 3600 + (value % 100) * 60  // "0100" without a sign
                } else if count <= 2, day == nil {
                    day = value
                } else if count <= 2, year == nil {
                    year = value < 50 ? 2000 + value : 1900 + value
                } else if count == 4, year == nil {
                    year = value
                } else {
                    return nil
                }
                continue
            }
            if isLetter(c) {
                var j = i
                while j < b.endIndex, isLetter(b[j]) { j += 1 }
                let word = String(decoding: b[i..<j], as: UTF8.self).lowercased()
                i = j
                if let m = monthNumber(word) {
                    month = m
                } else if let zone = zoneOffset(word) {
                    offset = zone
                } else if !isWeekday(word) && word != "at" {
                    return nil
                }
                continue
            }
            return nil
        }
        guard let day, let month, let year else { return nil }
        let (h, m, s) = time ?? (0, 0, 0)
        return make(year: year, month: month, day: day, hour: h, minute: m, second: s, offset: offset ?? 0)
    }

    /// `HHMM` or `HH:MM` (or `HH`) after a sign, in seconds.
    static func offsetValue(_ b: ArraySlice<UInt8>, _ i: inout Int) -> Int? {
        var j = i
        while j < b.endIndex, isDigit(b[j]) { j += 1 }
        let count = j - i
        guard count == 4 || count == 2 || count == 1 || count == 3, let value = number(b, &i, digits: count) else {
            return nil
        }
        if count <= 2 {
            let minutes = expect(b, &i, 0x3A) ? (number(b, &i, digits: 2) ?? 0) : 0
            return value * 3600 + minutes * 60
        }
        return (value / 100) * 3600 + (value % 100) * 60
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func monthNumber(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        let head = String(word.prefix(3))
        guard let index = months.firstIndex(of: head) else { return nil }
        let full = fullMonths[index]
        return word.count == 3 || full.hasPrefix(word) || (head == "sep" && word == "sept") ? index + 1 : nil
    }

    static let fullMonths = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december"]
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    static func isWeekday(_ word: String) -> Bool {
        guard word.count >= 3 else { return false }
        return weekdays.contains { $0.hasPrefix(word) }
    }

    /// Zone names in seconds east of UTC.
    static func zoneOffset(_ word: String) -> Int? {
        switch word {
        case "gmt", "ut", "utc", "z", "wet": return 0
        case "est": return -5 * 3600
        case "edt": return -4 * 3600
        case "cst": return -6 * 3600
        case "cdt": return -5 * 3600
        case "mst": return -7 * 3600
        case "mdt": return -6 * 3600
        case "pst": return -8 * 3600
        case "pdt": return -7 * 3600
        case "akst": return -9 * 3600
        case "akdt": return -8 * 3600
        case "hst": return -10 * 3600
        case "bst", "cet", "wat": return 3600
        case "cest", "eet": return 2 * 3600
        case "eest", "msk": return 3 * 3600
        case "ist": return 5 * 3600 + 1800
        case "jst", "kst": return 9 * 3600
        case "aest": return 10 * 3600
        case "aedt": return 11 * 3600
        default:
            // RFC 822 military zones are ambiguous in practice (RFC 1123 says treat as 0).
            return word.count == 1 && word != "t" ? 0 : nil
        }
    }

    // MARK: Support

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    static func expect(_ b: ArraySlice<UInt8>, _ i: inout Int, _ byte: UInt8) -> Bool {
        guard i < b.endIndex, b[i] == byte else { return false }
        i += 1
        return true
    }

    /// Exactly `digits` decimal digits at `i`.
    static func number(_ b: ArraySlice<UInt8>, _ i: inout Int, digits: Int) -> Int? {
        guard digits > 0, digits <= 9, i + digits <= b.endIndex else { return nil }
        var value = 0
        for k in i..<(i + digits) {
            guard isDigit(b[k]) else { return nil }
            value = value * 10 + Int(b[k] - 0x30)
        }
        i += digits
        return value
    }

    /// The instant of a civil UTC time minus `offset` seconds; `nil` when a field is out of range.
    static func make(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour), (0...59).contains(minute),
            (0...60).contains(second), (1...9999).contains(year), abs(offset) < 24 * 3600
        else { return nil }
        let days = CivilDate.days(year: year, month: month, day: day)
        let seconds = days * 86400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
