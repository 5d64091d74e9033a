/// ASCII case folding on bytes, and the one case-insensitive byte scanner the parsers use
/// (promotion phrases, source markers, HTML sniffing and `<meta charset>`).
///
/// Only `A`–`Z` fold; every other byte, ASCII or not, compares as itself. Needles are given
/// already in lowercase.
public enum ASCIICase {
    /// `b` with `A`–`Z` made `a`–`z`; every other byte unchanged (inlinable: the reader's
    /// find folds every byte of an article with it).
    @inlinable @inline(__always)
    public static func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    /// `bytes` (valid UTF-8) as a string with `A`–`Z` made `a`–`z`.
    static func lowercasedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            for i in 0..<bytes.count { out[i] = lower(bytes[i]) }
            return bytes.count
        }
    }

    /// Whether `needle` (lowercase) starts at `offset` in `bytes`, ignoring ASCII case; false
    /// when it would run past the end of `bytes`.
    @inline(__always)
    static func matches<Bytes: RandomAccessCollection<UInt8>, Needle: RandomAccessCollection<UInt8>>(
        _ needle: Needle, in bytes: Bytes, at offset: Int
    ) -> Bool where Bytes.Index == Int, Needle.Index == Int {
        guard offset >= bytes.startIndex, needle.count <= bytes.endIndex - offset else { return false }
        var k = offset
        for c in needle {
            guard lower(bytes[k]) == c else { return false }
            k += 1
        }
        return true
    }

    /// The offset just past the first occurrence of `needle` (lowercase) in `bytes`,
    /// ignoring ASCII case, or `nil`.
    static func firstMatchEnd<Bytes: RandomAccessCollection<UInt8>>(of needle: [UInt8], in bytes: Bytes) -> Int?
    where Bytes.Index == Int {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var i = bytes.startIndex
        while i + needle.count <= bytes.endIndex {
            if lower(bytes[i]) == first, matches(needle, in: bytes, at: i) { return i + needle.count }
            i += 1
        }
        return nil
    }
}
