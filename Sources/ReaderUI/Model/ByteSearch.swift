import Foundation

/// Case-insensitive substring search over UTF-8 bytes, for filtering large lists.
enum ByteSearch {
    /// Lowercased UTF-8 bytes of `text`, the form haystacks and needles are kept in.
    static func folded(_ text: String) -> [UInt8] { Array(text.lowercased().utf8) }

    /// Whether `needle` occurs in `haystack[range]` (first-byte scan, then compare).
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard range.count >= needle.count, let base = haystack.baseAddress else { return false }
        return needle.withUnsafeBufferPointer { n -> Bool in
            let first = n[0]
            let count = n.count
            var i = range.lowerBound
            let last = range.upperBound - count
            while i <= last {
                if base[i] == first, memcmp(base + i, n.baseAddress!, count) == 0 { return true }
                i += 1
            }
            return false
        }
    }
}
