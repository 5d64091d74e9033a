/// A stable article identifier: 16 lowercase hex digits.
///
/// The id is the 64-bit FNV-1a hash of the article's *content*, so it does not change
/// when the library folder moves or the file is renamed. The hashed text is the title and
/// every section (heading and paragraphs) after cleanup, each lowercased scalar by scalar, with runs of
/// whitespace collapsed to one space, joined by newlines. Byline, bio, credit and summary
/// are left out so that fixing a bio or re-scraping a share widget keeps the id.
public struct ArticleID: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    CustomStringConvertible
{
    /// The hex digits.
    public let rawValue: String

    /// Wraps an existing id string.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Parses a user-typed id: 16 hex digits, case-insensitive. Returns `nil` otherwise.
    public init?(parsing text: String) {
        let lower = text.lowercased()
        guard lower.count == 16, lower.allSatisfy(\.isHexDigit) else { return nil }
        self.rawValue = lower
    }

    public var description: String { rawValue }

    public static func < (lhs: ArticleID, rhs: ArticleID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Derives the id from an article's title and sections as documented on the type.
    public static func derive(title: String, sections: [ArticleSection]) -> ArticleID {
        var hasher = FNV1a64()
        hasher.add(normalized: title)
        for section in sections {
            if let heading = section.heading { hasher.add(normalized: heading) }
            for paragraph in section.paragraphs { hasher.add(normalized: paragraph) }
        }
        return ArticleID(rawValue: hasher.hex)
    }

    /// The 64-bit number this id spells when it is exactly 16 lowercase hex digits, else `nil`.
    public var hexValue: UInt64? {
        var text = rawValue
        return text.withUTF8 { ArticleID.hexValue($0) }
    }

    /// Parses exactly 16 lowercase hex digits, `nil` for anything else.
    public static func hexValue(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard bytes.count == 16 else { return nil }
        var value: UInt64 = 0
        for b in bytes {
            let digit: UInt8
            switch b {
            case 0x30...0x39: digit = b - 0x30
            case 0x61...0x66: digit = b - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }
}

/// 64-bit FNV-1a over normalized text (lowercased, whitespace collapsed, newline-separated).
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    private var started = false

    mutating func add(byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01b3
    }

    /// Adds `text` lowercased scalar by scalar (Unicode full lowercase mapping), with runs of
    /// whitespace collapsed to one space and leading/trailing whitespace dropped. ASCII, the
    /// bulk of most articles, takes a byte fast path that gives the same bytes.
    mutating func add(normalized text: String) {
        if started { add(byte: 0x0A) }
        started = true
        value = UTF8Scan.withBytes(text) { bytes in FNV1a64.hashNormalized(bytes, from: self.value) }
    }

    /// FNV-1a of normalized UTF-8 bytes, continuing from `start` (all state in locals, so
    /// that the multiply chain stays in registers).
    ///
    /// The text is taken as runs of ASCII between non-ASCII scalars: the inside of a run (its
    /// end spaces set the pending space) goes through ``hashPlainASCII(_:from:)``, which
    /// normalises by table alone, unless it holds whitespace other than single spaces; each
    /// non-ASCII scalar is lowercased on its own. So a paragraph with a few curly quotes or
    /// accents is hashed once at table speed, not twice.
    static func hashNormalized(_ bytes: UnsafeBufferPointer<UInt8>, from start: UInt64) -> UInt64 {
        guard let base = bytes.baseAddress else { return start }
        let prime: UInt64 = 0x0000_0100_0000_01b3
        @inline(__always) func isASCIISpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        var value = start
        var pendingSpace = false
        var wroteAny = false
        var i = 0
        let n = bytes.count
        while i < n {
            var j = i
            while j + 8 <= n, UTF8Scan.load(base, j) & UTF8Scan.highBits == 0 { j += 8 }
            while j < n, base[j] < 0x80 { j += 1 }
            if j > i {
                // The ASCII run i..<j: whitespace at its ends, then its inside a..<b.
                var a = i, b = j
                while a < b, isASCIISpace(base[a]) { a += 1 }
                if a > i { pendingSpace = wroteAny }
                if a < b {
                    while isASCIISpace(base[b - 1]) { b -= 1 }
                    if pendingSpace { value = (value ^ 0x20) &* prime }
                    if let plain = hashPlainASCII(UnsafeBufferPointer(start: base + a, count: b - a), from: value) {
                        value = plain
                    } else {
                        value = hashASCIIExactly(UnsafeBufferPointer(start: base + a, count: b - a), from: value)
                    }
                    wroteAny = true
                    pendingSpace = b < j
                }
                i = j
                if i == n { break }
            }
            let (v, length) = UTF8Scan.decode(bytes, at: i)
            if UTF8Scan.isNonASCIIWhitespace(v) {
                pendingSpace = wroteAny
                i += length
                continue
            }
            if pendingSpace {
                value = (value ^ 0x20) &* prime
                pendingSpace = false
            }
            let scalar = Unicode.Scalar(v)!
            if !neverLowercases(v) && scalar.properties.changesWhenLowercased {
                for byte in scalar.properties.lowercaseMapping.utf8 { value = (value ^ UInt64(byte)) &* prime }
            } else {
                for k in i..<(i + length) { value = (value ^ UInt64(base[k])) &* prime }
            }
            i += length
            wroteAny = true
        }
        return value
    }

    /// The hash of ASCII text that starts and ends with a byte other than whitespace, with
    /// runs of whitespace collapsed to one space and letters lowercased, byte by byte.
    static func hashASCIIExactly(_ bytes: UnsafeBufferPointer<UInt8>, from start: UInt64) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01b3
        var value = start
        var pendingSpace = false
        for b in bytes {
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                pendingSpace = true
                continue
            }
            if pendingSpace {
                value = (value ^ 0x20) &* prime
                pendingSpace = false
            }
            value = (value ^ UInt64(ASCIICase.lower(b))) &* prime
        }
        return value
    }

    /// FNV-1a of normalized UTF-8 bytes scalar by scalar (the reference
    /// ``hashNormalized(_:from:)`` is tested against).
    static func hashNormalizedByScalar(_ bytes: UnsafeBufferPointer<UInt8>, from start: UInt64) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01b3
        var value = start
        var pendingSpace = false
        var wroteAny = false
        var i = 0
        let n = bytes.count
        while i < n {
            let (v, length) = UTF8Scan.decode(bytes, at: i)
            if v < 0x80 ? (v == 0x20 || (v >= 0x09 && v <= 0x0D)) : UTF8Scan.isNonASCIIWhitespace(v) {
                pendingSpace = wroteAny
                i += length
                continue
            }
            if pendingSpace {
                value = (value ^ 0x20) &* prime
                pendingSpace = false
            }
            for byte in Unicode.Scalar(v)!.properties.lowercaseMapping.utf8 { value = (value ^ UInt64(byte)) &* prime }
            i += length
            wroteAny = true
        }
        return value
    }

    /// The hash of text that normalization only lowercases (ASCII, single spaces between
    /// words, none at the ends, no other whitespace: most cleaned paragraphs), in one loop
    /// with no data-dependent branches; `nil` for any other text.
    @inline(__always)
    static func hashPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: UInt64) -> UInt64? {
        let prime: UInt64 = 0x0000_0100_0000_01b3
        return plainHashTable.withUnsafeBufferPointer { table -> UInt64? in
            var value = start
            var reject: UInt32 = 0
            var afterSpace: UInt32 = 0x200  // a leading space is rejected like a double one
            for b in bytes {
                let entry = UInt32(table[Int(b)])
                reject |= (entry & 0x100) | (afterSpace & entry)
                afterSpace = entry & 0x200
                value = (value ^ UInt64(entry & 0xFF)) &* prime
            }
            return reject | afterSpace == 0 ? value : nil
        }
    }

    /// For ``hashPlainASCII(_:from:)``, per byte: the lowercased byte in bits 0-7, 0x100 for a
    /// byte the fast path does not take (whitespace other than a space, non-ASCII), 0x200 for a space.
    static let plainHashTable: [UInt16] = (0...255).map { (b: Int) -> UInt16 in
        switch b {
        case 0x20: return 0x200 | 0x20
        case 0x09...0x0D, 0x80...: return 0x100
        case 0x41...0x5A: return UInt16(b | 0x20)
        default: return UInt16(b)
        }
    }

    /// Scalars known to have no lowercase mapping: punctuation, CJK, kana, hangul syllables.
    @inline(__always)
    static func neverLowercases(_ v: UInt32) -> Bool {
        (v >= 0x2010 && v <= 0x2027) || (v >= 0x3000 && v <= 0x9FFF) || (v >= 0xAC00 && v <= 0xD7A3)
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
