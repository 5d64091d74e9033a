import Foundation
#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

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

/// Finds, 16 positions at a time, where a needle's first byte is and its last byte is
/// `gap` bytes further: one bit per position, for a search to compare only there. Uses
/// SSE2 compares on x86-64 (Swift's portable SIMD types turn the mask into a loop over
/// the lanes there), a plain loop elsewhere.
struct PairProbe {
    /// Bytes from the first byte to the last (needle length - 1).
    let gap: Int
    #if arch(x86_64)
    private let first: __m128i
    private let last: __m128i
    #else
    private let first: UInt8
    private let last: UInt8
    #endif

    /// A probe for `needle` (not empty).
    init(_ needle: UnsafeBufferPointer<UInt8>) {
        gap = needle.count - 1
        #if arch(x86_64)
        first = _mm_set1_epi8(Int8(bitPattern: needle[0]))
        last = _mm_set1_epi8(Int8(bitPattern: needle[needle.count - 1]))
        #else
        first = needle[0]
        last = needle[needle.count - 1]
        #endif
    }

    /// Bit `j` is set when the first byte is at `base + at + j` and the last at
    /// `base + at + j + gap`, for j in 0..<16. Reads 16 + gap bytes from `base + at`.
    @inline(__always)
    func mask(_ base: UnsafeRawPointer, at: Int) -> UInt32 {
        #if arch(x86_64)
        let a = _mm_cmpeq_epi8(base.loadUnaligned(fromByteOffset: at, as: __m128i.self), first)
        let b = _mm_cmpeq_epi8(base.loadUnaligned(fromByteOffset: at + gap, as: __m128i.self), last)
        return UInt32(truncatingIfNeeded: _mm_movemask_epi8(_mm_and_si128(a, b)))
        #else
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        var bits: UInt32 = 0
        for j in 0..<16 where bytes[at + j] == first && bytes[at + j + gap] == last { bits |= 1 << j }
        return bits
        #endif
    }
}
