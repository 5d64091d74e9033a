import Foundation

/// Parses the `Retry-After` header of a 429 or 503 response into the time to wait for.
public enum RetryAfter {
    /// The longest wait honoured: a server asking for more is retried after this long anyway.
    public static let longestWait: TimeInterval = 7 * 24 * 3600

    /// The time after which a retry is allowed, from delay-seconds (`120`) or an HTTP date
    /// (`Wed, 21 Oct 2026 07:28:00 GMT`, or the obsolete RFC 850 and asctime forms); nil when
    /// the value is neither. The wait is clamped to ``longestWait``.
    public static func parse(_ value: String, now: Date = Date()) -> Date? {
        let text = value.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        if text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            // Delay-seconds; a value too long for Int is "a very long time".
            let seconds = Double(text).map { min($0, longestWait) } ?? longestWait
            return now.addingTimeInterval(seconds)
        }
        for format in httpDateFormats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) {
                return min(date, now.addingTimeInterval(longestWait))
            }
        }
        return nil
    }

    /// Formats a date the way HTTP writes it (IMF-fixdate), for messages and state files.
    public static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = httpDateFormats[0]
        return formatter.string(from: date)
    }

    /// IMF-fixdate, RFC 850 and asctime, in the order RFC 9110 lists them.
    private static let httpDateFormats = [
        "EEE, dd MMM yyyy HH:mm:ss 'GMT'",
        "EEEE, dd-MMM-yy HH:mm:ss 'GMT'",
        "EEE MMM d HH:mm:ss yyyy",
    ]
}
