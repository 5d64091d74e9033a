import Articles

/// Article ids as 64-bit keys: the in-memory tables of read state use them instead of
/// strings, so that a million entries load in a fraction of the time and memory.
extension ArticleID {
    /// The 64-bit value of an id of 16 lowercase hex digits, `nil` for anything else.
    public var stateKey: UInt64? { hexValue }

    /// The id whose ``stateKey`` is `key` (16 lowercase hex digits).
    public init(stateKey key: UInt64) {
        let digits: [UInt8] = (0..<16).map { i in
            let nibble = UInt8((key >> (60 - 4 * UInt64(i))) & 0xF)
            return nibble < 10 ? 48 + nibble : 87 + nibble
        }
        self.init(rawValue: String(decoding: digits, as: UTF8.self))
    }
}
