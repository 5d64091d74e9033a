import Foundation

/// Reads a publication date from a short line.
///
/// Accepted: `2024-03-03` (optionally with a time), `2024/03/03`, `03.03.2024`,
/// `3 March 2024`, `3rd March 2024`, `March 3, 2024`, `Mar. 3 2024`, `Tuesday, March 3, 2024`,
/// `3 mars 2024`, `1er mars 2024`, `3. März 2024`, `3 de marzo de 2024`, each with optional
/// words around it such as `Published`, `Updated:`, `Posted on`, `Publié le`, `Mis à jour le`,
/// a weekday, or a time (`at 10:15 am`, `10h15`, `UTC`). Any other word means the line is
/// not a dateline. The date is midnight UTC of that day; ambiguous `03/04/2024` is refused.
public enum DateLineParser {
    /// The date a dateline gives, or `nil` when the line is not just a date.
    public static func parse(_ line: String) -> Date? {
        guard line.utf8.count <= 100 else { return nil }
        let tokens = tokenize(line)
        var year: Int?, month: Int?, day: Int?
        var i = 0
        var previousWasNumber = false
        while i < tokens.count {
            let token = tokens[i]
            defer { i += 1 }
            switch token {
            case .separator:
                continue
            case .number(let n, let digits):
                defer { previousWasNumber = true }
                let complete = year != nil && month != nil && day != nil
                if complete { continue }  // a time or a second date
                if digits == 4 {
                    guard (1900...2100).contains(n), year == nil else { return nil }
                    if month == nil, day == nil, let (m, d) = numericTail(tokens, at: i + 1, first: 12, second: 31) {
                        year = n
                        month = m
                        day = d
                        i += 4
                        continue
                    }
                    year = n
                } else if digits <= 2 {
                    if month == nil, day == nil, year == nil,
                       let (m, y) = numericTail(tokens, at: i + 1, first: 12, second: 2100, dotOnly: true),
                       y >= 1900, (1...31).contains(n)
                    {
                        day = n
                        month = m
                        year = y
                        i += 4
                        continue
                    }
                    guard day == nil, (1...31).contains(n) else {
                        if day != nil { continue }  // a time before the year
                        return nil
                    }
                    day = n
                } else {
                    return nil
                }
            case .word(let w):
                defer { previousWasNumber = false }
                if let m = months[w] {
                    if month == nil { month = m }
                    continue
                }
                if previousWasNumber && ordinalSuffixes.contains(w) { continue }
                if fillers.contains(w) || weekdays.contains(w) { continue }
                return nil
            }
        }
        guard let year, let month, let day else { return nil }
        return makeDate(year: year, month: month, day: day)
    }

    /// Midnight UTC of a valid day, or `nil` (no 31 February).
    public static func makeDate(year: Int, month: Int, day: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        // Well after the Julian–Gregorian switch Foundation's Gregorian calendar is the
        // proleptic one: the day is counted without it.
        if (1600...9999).contains(year) {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let length = month == 2 ? (leap ? 29 : 28) : (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31)
            guard day <= length else { return nil }
            return Date(timeIntervalSince1970: Double(CivilDate.days(year: year, month: month, day: day)) * 86_400)
        }
        return calendarDate(year: year, month: month, day: day)
    }

    /// ``makeDate(year:month:day:)`` by Foundation's Gregorian calendar in UTC, for any year.
    static func calendarDate(year: Int, month: Int, day: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) else { return nil }
        let check = calendar.dateComponents([.year, .month, .day], from: date)
        guard check.year == year, check.month == month, check.day == day else { return nil }
        return date
    }

    /// `-MM-DD` / `/MM/DD` / `.MM.YYYY` after a number: the two numbers, if in range.
    static func numericTail(
        _ tokens: [Token], at i: Int, first: Int, second: Int, dotOnly: Bool = false
    ) -> (Int, Int)? {
        guard i + 3 < tokens.count,
              case .separator(let s1) = tokens[i], case .number(let a, let da) = tokens[i + 1],
              case .separator(let s2) = tokens[i + 2], case .number(let b, _) = tokens[i + 3],
              s1 == s2, da <= 2, (1...first).contains(a), b >= 1, b <= second
        else { return nil }
        if dotOnly { return s1 == "." ? (a, b) : nil }
        return s1 == "-" || s1 == "/" ? (a, b) : nil
    }

    enum Token: Equatable {
        case word(String)
        case number(Int, digits: Int)
        case separator(Character)
    }

    static func tokenize(_ line: String) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        var number = 0
        var digits = 0
        func flush() {
            if !word.isEmpty { tokens.append(.word(word.lowercased())); word = "" }
            if digits > 0 { tokens.append(.number(digits > 9 ? Int.max : number, digits: digits)); number = 0; digits = 0 }
        }
        for scalar in line.unicodeScalars {
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                if !word.isEmpty { flush() }
                if digits < 10 { number = number * 10 + Int(scalar.value - 0x30) }
                digits += 1
            } else if FastText.isAlphabetic(scalar) {
                if digits > 0 { flush() }
                word.unicodeScalars.append(scalar)
            } else {
                flush()
                if scalar == "-" || scalar == "/" || scalar == "." {
                    tokens.append(.separator(Character(scalar)))
                }
            }
        }
        flush()
        return tokens
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [[String]] = [
            ["january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene"],
            ["february", "feb", "février", "fevrier", "févr", "fevr", "fév", "februar", "febrero"],
            ["march", "mar", "mars", "märz", "marz", "marzo"],
            ["april", "apr", "avril", "avr", "abril", "abr"],
            ["may", "mai", "mayo"],
            ["june", "jun", "juin", "juni", "junio"],
            ["july", "jul", "juillet", "juil", "juli", "julio"],
            ["august", "aug", "août", "aout", "agosto", "ago"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre"],
            ["october", "oct", "octobre", "oktober", "octubre", "okt"],
            ["november", "nov", "novembre", "noviembre"],
            ["december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic"],
        ]
        for (index, list) in names.enumerated() {
            for name in list { table[name] = index + 1 }
        }
        return table
    }()

    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    ]

    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "e", "o", "º"]

    static let fillers: Set<String> = [
        "published", "publication", "updated", "update", "last", "modified", "posted", "date",
        "dated", "on", "at", "first", "originally", "created", "written", "the", "of", "time",
        "publié", "publiée", "publie", "mis", "à", "jour", "le", "la", "du", "de", "el",
        "veröffentlicht", "aktualisiert", "am", "um", "uhr", "publicado", "actualizado",
        "h", "pm", "utc", "gmt", "cet", "cest", "est", "edt", "pst", "pdt", "bst", "et", "pt",
        "z", "t", "a", "las", "min", "ago", "stand",
    ]
}
