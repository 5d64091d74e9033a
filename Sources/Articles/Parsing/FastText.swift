import Foundation

/// Byte-level string helpers for the per-line hot path (Foundation's `contains` and
/// `range(of:)` go through CFString and are many times slower).
enum FastText {
    /// Whether `haystack` contains `needle`, comparing UTF-8 bytes.
    @inline(__always)
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard n.count <= h.count else { return false }
                guard n.count > 0 else { return true }
                let first = n[0]
                let last = h.count - n.count
                var i = 0
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < n.count && h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, by bytes when the text starts and ends
    /// (after ASCII spaces and tabs) in ASCII, else by Foundation.
    static func trimmingWhitespace(_ text: Substring) -> String {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var stop = utf8.endIndex
        while start < stop, utf8[start] == 0x20 || utf8[start] == 0x09 { start = utf8.index(after: start) }
        if start == stop { return "" }
        while true {
            let before = utf8.index(before: stop)
            guard utf8[before] == 0x20 || utf8[before] == 0x09 else { break }
            stop = before
        }
        guard utf8[start] < 0x80, utf8[utf8.index(before: stop)] < 0x80 else {
            return text.trimmingCharacters(in: .whitespaces)
        }
        return String(Substring(utf8[start..<stop]))
    }

    /// `text.split(separator: " ").count`, counting no further than `limit + 1`: by bytes for
    /// text whose scalars are all known to ``KnownLowercase`` (ASCII, Latin-1, punctuation,
    /// emoji, CJK: where every space byte is a `" "` character), else by `split`.
    static func wordCount(_ text: String, limit: Int) -> Int {
        UTF8Scan.withBytes(text) { bytes in
            guard KnownLowercase.isAllKnown(bytes) else { return text.split(separator: " ").count }
            var count = 0
            var inWord = false
            for b in bytes {
                if b == 0x20 {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                    if count > limit { return count }
                }
            }
            return count
        }
    }

    /// `scalar.properties.isAlphabetic` without the property look-up for ASCII (where only
    /// the letters are alphabetic).
    @inline(__always)
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) &- 0x61 < 26 }
        return scalar.properties.isAlphabetic
    }

    /// Whether `b` is an ASCII letter.
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    /// Whether `b` is an ASCII letter or digit.
    @inline(__always) static func isASCIIAlphanumeric(_ b: UInt8) -> Bool { isASCIILetter(b) || b &- 0x30 < 10 }

    /// `scalar.properties.isUppercase` without the property look-up for ASCII (where only
    /// `A`–`Z` are uppercase).
    @inline(__always)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value &- 0x41 < 26 }
        return scalar.properties.isUppercase
    }
}

/// A set of lowercase prefixes matched against UTF-8 bytes, bucketed by first byte.
struct PrefixSet: Sendable {
    private var buckets: [[[UInt8]]] = Array(repeating: [], count: 256)

    /// The longest prefix's byte count.
    let longest: Int

    init(_ prefixes: [String]) {
        for prefix in prefixes {
            let bytes = Array(prefix.utf8)
            if let first = bytes.first { buckets[Int(first)].append(bytes) }
        }
        longest = prefixes.map(\.utf8.count).max() ?? 0
    }

    /// The first prefix (in the order given) that `text` starts with, as its byte count.
    func match(_ text: String) -> Int? {
        UTF8Scan.withBytes(text) { match(bytes: $0) }
    }

    /// The first prefix (in the order given) that the UTF-8 bytes `t` start with, as its byte count.
    @inline(__always)
    func match(bytes t: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = t.first else { return nil }
        for candidate in buckets[Int(first)] where candidate.count <= t.count {
            var k = 1
            while k < candidate.count && t[k] == candidate[k] { k += 1 }
            if k == candidate.count { return k }
        }
        return nil
    }

    /// Whether `text` starts with one of the prefixes.
    func matches(_ text: String) -> Bool { match(text) != nil }
}

/// A set of phrases looked for anywhere in a text, in one pass over its UTF-8 bytes.
struct PhraseSet: Sendable {
    private var buckets: [[[UInt8]]] = Array(repeating: [], count: 256)
    /// Whether a phrase starts with the byte (a cheaper test than looking in its bucket).
    private var starts = [Bool](repeating: false, count: 256)

    init(_ phrases: [String]) {
        for phrase in phrases {
            let bytes = Array(phrase.utf8)
            if let first = bytes.first {
                buckets[Int(first)].append(bytes)
                starts[Int(first)] = true
            }
        }
    }

    /// Whether one of the phrases occurs in `LineClassifier.lowerKey(text)`: for ASCII text
    /// (where that key is the text in ASCII lowercase) by comparing bytes case-insensitively,
    /// without making the key.
    func occurs(inLowerKeyOf text: Substring) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return occurs(in: LineClassifier.lowerKey(text)) }
        if let found = text.utf8.withContiguousStorageIfAvailable({ occurs(inASCII: $0) }) { return found }
        return UTF8Scan.withBytes(String(text)) { occurs(inASCII: $0) }
    }

    /// Whether one of the phrases occurs in the ASCII bytes `t`, ignoring ASCII case (for
    /// ASCII, the same answer as looking in `LineClassifier.lowerKey` of the text).
    func occurs(inASCII t: UnsafeBufferPointer<UInt8>) -> Bool {
        starts.withUnsafeBufferPointer { starts in
            for i in 0..<t.count where starts[Int(ASCIICase.lower(t[i]))] {
                if occurs(inASCII: t, at: i) { return true }
            }
            return false
        }
    }

    /// Whether one of the phrases starts at `i` in the ASCII bytes `t`, ignoring ASCII case.
    private func occurs(inASCII t: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        for candidate in buckets[Int(ASCIICase.lower(t[i]))] where ASCIICase.matches(candidate, in: t, at: i) {
            return true
        }
        return false
    }

    /// Whether one of the phrases occurs in `text` (byte for byte).
    func occurs(in text: String) -> Bool {
        UTF8Scan.withBytes(text) { t in
            let n = t.count
            for i in 0..<n {
                for candidate in buckets[Int(t[i])] where candidate.count <= n - i {
                    var k = 1
                    while k < candidate.count && t[i + k] == candidate[k] { k += 1 }
                    if k == candidate.count { return true }
                }
            }
            return false
        }
    }
}

extension FastText {
    /// The text with every `’` replaced by `'`.
    static func straightenApostrophes(_ text: String) -> String {
        guard contains(text, "’") else { return text }
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 {
                out.append(0x27)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the text has a run of exactly four ASCII digits (a possible year).
    static func hasFourDigitRun(_ text: String) -> Bool { UTF8Scan.withBytes(text, hasFourDigitRun) }

    /// ``hasFourDigitRun(_:)`` on bytes.
    static func hasFourDigitRun(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        for b in bytes {
            if b &- 0x30 < 10 {
                run += 1
            } else {
                if run == 4 { return true }
                run = 0
            }
        }
        return run == 4
    }
}
