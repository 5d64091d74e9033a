import Foundation

/// A wall-clock instant in whole milliseconds since 1970 (UTC): the unit of every time in
/// the state files, so that what is in memory compares exactly like what is on disk.
public struct StateTime: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var rawValue: Int64

    /// Wraps a millisecond count.
    public init(rawValue: Int64) { self.rawValue = rawValue }

    /// The instant of `date`, rounded to the nearest millisecond (so that converting a
    /// ``date`` back gives the same time despite floating-point error).
    public init(_ date: Date) {
        rawValue = Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The same instant as a `Date`.
    public var date: Date { Date(timeIntervalSince1970: TimeInterval(rawValue) / 1000) }

    /// The time one millisecond later.
    public var next: StateTime { StateTime(rawValue: rawValue + 1) }

    public static func < (lhs: StateTime, rhs: StateTime) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `2024-05-01T10:00:00.123Z`: ISO 8601, UTC, always with milliseconds.
    public var description: String { String(decoding: iso8601Bytes, as: UTF8.self) }

    /// ``description`` as ASCII bytes (no allocation of a `String` per entry when writing).
    var iso8601Bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(24)
        appendISO8601(to: &out)
        return out
    }

    /// Appends ``description`` to `out`.
    func appendISO8601(to out: inout [UInt8]) {
        let (seconds, millis) = rawValue.floorDivided(by: 1000)
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func digits(_ value: Int, _ count: Int) {
            let start = out.count
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
            var v = value
            var i = start + count - 1
            while i >= start {
                out[i] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                i -= 1
            }
        }
        digits(Int(parts.tm_year) + 1900, 4); out.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, 2); out.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), 2); out.append(UInt8(ascii: "T"))
        digits(Int(parts.tm_hour), 2); out.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), 2); out.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), 2); out.append(UInt8(ascii: "."))
        digits(Int(millis), 3); out.append(UInt8(ascii: "Z"))
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction]Z` (UTC only; the fraction may have 0 to 9
    /// digits and is truncated to milliseconds). Returns `nil` for anything else.
    public init?(iso8601 text: String) {
        var text = text
        guard let time = text.withUTF8({ Self.parse($0) }) else { return nil }
        self = time
    }

    /// ``init(iso8601:)`` on UTF-8 bytes.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> StateTime? {
        let count = bytes.count - 1  // without the Z
        guard count >= 19, bytes[count] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let b = bytes[i]
                guard b >= 48 && b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return value
        }
        func sep(_ i: Int, _ c: UInt8) -> Bool { bytes[i] == c }
        guard sep(4, 0x2D), sep(7, 0x2D), sep(10, 0x54) || sep(10, 0x74), sep(13, 0x3A), sep(16, 0x3A),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var millis = 0
        if count > 19 {
            guard sep(19, 0x2E), count > 20, count <= 29, let fraction = number(20..<count) else { return nil }
            var scaled = fraction
            var digits = count - 20
            while digits > 3 { scaled /= 10; digits -= 1 }
            while digits < 3 { scaled *= 10; digits += 1 }
            millis = scaled
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        return StateTime(rawValue: Int64(timegm(&parts)) * 1000 + Int64(millis))
    }
}

extension Int64 {
    /// Quotient and remainder rounding towards negative infinity (so times before 1970 format).
    fileprivate func floorDivided(by divisor: Int64) -> (Int64, Int64) {
        var q = self / divisor
        var r = self % divisor
        if r < 0 { q -= 1; r += divisor }
        return (q, r)
    }
}

/// The store's clock: wall-clock milliseconds, but never earlier than a given floor, so
/// that of two changes to one article made one after the other the later one always wins a
/// merge, even within one millisecond or when the wall clock steps back.
public enum StateClock {
    /// The current time, or `after + 1 ms` when that is later.
    public static func now(after floor: StateTime? = nil) -> StateTime {
        let wall = StateTime(Date())
        guard let floor, floor >= wall else { return wall }
        return floor.next
    }
}
