import Articles

/// Article ids as 64-bit keys: the in-memory tables of read state use them instead of
/// strings, so that a million entries load in a fraction of the time and memory.
extension ArticleID {
    /// The 64-bit value of an id of 16 lowercase hex digits, `nil` for anything else.
    public var stateKey: UInt64? {
        var text = rawValue
        return text.withUTF8 { ArticleID.stateKey(hex: $0) }
    }

    /// The id whose ``stateKey`` is `key` (16 lowercase hex digits).
    public init(stateKey key: UInt64) {
        let digits: [UInt8] = (0..<16).map { i in
            let nibble = UInt8((key >> (60 - 4 * UInt64(i))) & 0xF)
            return nibble < 10 ? 48 + nibble : 87 + nibble
        }
        self.init(rawValue: String(decoding: digits, as: UTF8.self))
    }

    /// Parses exactly 16 lowercase hex digits.
    static func stateKey(hex bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard bytes.count == 16 else { return nil }
        var value: UInt64 = 0
        for b in bytes {
            let digit: UInt8
            switch b {
            case 48...57: digit = b - 48
            case 97...102: digit = b - 87
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }
}
