/// Small helpers for walking valid UTF-8 bytes scalar by scalar without `String` views.
enum UTF8Scan {
    /// Decodes the scalar whose lead byte is at `i` (the bytes must be valid UTF-8).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                    | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    /// Unicode White_Space outside ASCII (the same scalars as `properties.isWhitespace`).
    @inline(__always)
    static func isNonASCIIWhitespace(_ v: UInt32) -> Bool {
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset`, first byte lowest.
    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    /// Whether some byte of `word` is below `n` (exact for `n` <= 0x80).
    @inline(__always)
    static func hasByte(_ word: UInt64, lessThan n: UInt8) -> Bool {
        (word &- ones &* UInt64(n)) & ~word & highBits != 0
    }

    /// Whether some byte of `word` equals `b`.
    @inline(__always)
    static func hasByte(_ word: UInt64, equalTo b: UInt8) -> Bool {
        hasByte(word ^ (ones &* UInt64(b)), lessThan: 1)
    }

    /// The number of lanes of `mask` with their high bit set (`mask` has no other bits set):
    /// one multiply that sums the lanes into the top byte, since the build targets x86-64
    /// without POPCNT, where `nonzeroBitCount` is a dozen instructions.
    @inline(__always)
    static func laneCount(_ mask: UInt64) -> Int {
        Int(truncatingIfNeeded: ((mask >> 7) &* ones) >> 56)
    }

    /// 0x80 in each lane of `word` that holds `b`, 0 in the others (exact: no borrow between lanes).
    @inline(__always)
    static func lanes(_ word: UInt64, equalTo b: UInt8) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let v = word ^ (ones &* UInt64(b))
        return ~(((v & low) &+ low) | v | low)
    }

    /// For eight ASCII bytes (every lane below 0x80), 0x80 in each lane that is at least `a`:
    /// `word + (0x80 - a)` sets a lane's high bit exactly then, and no sum carries into the
    /// next lane.
    @inline(__always)
    static func lanes(ascii word: UInt64, atLeast a: UInt8) -> UInt64 {
        (word &+ ones &* UInt64(0x80 - a)) & highBits
    }

    /// Runs `body` over the UTF-8 bytes of `text` without copying them when possible.
    @inline(__always)
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Number of Unicode scalars in `text` (its UTF-8 bytes that are not continuation bytes).
    @inline(__always)
    static func scalarCount(_ text: String) -> Int {
        withBytes(text) { buffer in
            // Continuation bytes (0b10xxxxxx) counted eight at a time: high bit set, next bit clear.
            let n = buffer.count
            var continuations = 0
            var i = 0
            if let base = buffer.baseAddress {
                while i + 8 <= n {
                    let word = load(base, i)
                    continuations &+= laneCount(word & ~(word << 1) & highBits)
                    i += 8
                }
            }
            while i < n {
                if buffer[i] & 0xC0 == 0x80 { continuations += 1 }
                i += 1
            }
            return n - continuations
        }
    }
}
