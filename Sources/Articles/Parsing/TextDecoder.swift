import Foundation

/// Turns the raw bytes of a file into valid UTF-8, or says why it is not article text.
///
/// - A UTF-8 byte order mark is dropped; UTF-16 with a byte order mark is converted.
/// - Valid UTF-8 is kept as is. Bytes that are not part of a valid UTF-8 sequence are read
///   as Windows-1252 (a superset of Latin-1 for printable text), one byte at a time, so
///   a Latin-1 file and a UTF-8 file with a few stray Latin-1 bytes both read correctly.
/// - NUL bytes, well-known binary signatures (PNG, JPEG, GIF, PDF, ZIP, gzip, ELF) or more
///   than 10% control bytes in the first 64 KiB mean the file is binary.
/// - Line endings are left alone (``LineSplitter`` handles LF, CRLF and CR).
public enum TextDecoder {
    /// Largest input accepted, in bytes.
    public static let maximumBytes = 64 * 1024 * 1024

    /// Decodes file bytes to UTF-8 bytes without a byte order mark.
    public static func decode(_ data: Data) throws -> [UInt8] {
        guard !data.isEmpty else { throw ArticleParseError.empty }
        guard data.count <= maximumBytes else { throw ArticleParseError.tooLarge(bytes: data.count) }
        return try decode(bytes: [UInt8](data))
    }

    /// As ``decode(_:)`` for bytes already in an array.
    static func decode(bytes: [UInt8]) throws -> [UInt8] {
        guard !bytes.isEmpty else { throw ArticleParseError.empty }
        guard bytes.count <= maximumBytes else { throw ArticleParseError.tooLarge(bytes: bytes.count) }
        if let utf16 = decodeUTF16WithBOM(bytes) { return utf16 }
        // The binary tests of ``looksBinary(_:)``, with the control count and the UTF-8
        // check made in one pass.
        if hasBinarySignature(bytes) || bytes.withUnsafeBufferPointer({ memchr($0.baseAddress!, 0, $0.count) != nil }) {
            throw ArticleParseError.binary
        }
        let scan = controlsAndFirstInvalidUTF8(bytes)
        // The pass counts every C0 byte and DEL, line breaks included: only when that bound
        // passes the limit are the control bytes proper counted.
        let sample = min(bytes.count, sampleBytes)
        if scan.controlBound * 10 > sample && controlCount(bytes, sample: sample) * 10 > sample {
            throw ArticleParseError.binary
        }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        // A byte order mark is a valid sequence, so the first invalid byte is past it.
        return repairUTF8(bytes, from: start, firstBad: scan.firstInvalid)
    }

    /// How many leading bytes the control-byte test of ``looksBinary(_:)`` looks at.
    static let sampleBytes = 64 * 1024

    static let signatures: [[UInt8]] = [
        [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], [0x47, 0x49, 0x46, 0x38],
        [0x25, 0x50, 0x44, 0x46, 0x2D], [0x50, 0x4B, 0x03, 0x04], [0x1F, 0x8B],
        [0x7F, 0x45, 0x4C, 0x46],
    ]

    /// Whether the bytes start with a well-known binary signature.
    static func hasBinarySignature(_ bytes: [UInt8]) -> Bool {
        for signature in signatures where bytes.count >= signature.count {
            if bytes[0..<signature.count].elementsEqual(signature) { return true }
        }
        return false
    }

    /// Whether `b` counts as a control byte for ``looksBinary(_:)``: tab, LF, VT, FF, CR and
    /// ESC are common in text (ESC in terminal captures), the other C0 bytes and DEL are not.
    @inline(__always)
    static func isControl(_ b: UInt8) -> Bool {
        if b < 0x20 { return !(b == 0x09 || b == 0x0A || b == 0x0B || b == 0x0C || b == 0x0D || b == 0x1B) }
        return b == 0x7F
    }

    /// The C0 bytes and DELs among eight ASCII bytes: a bound on their control bytes
    /// (``isControl(_:)``; the bound includes tab, line breaks and ESC), by lane arithmetic.
    @inline(__always)
    static func controlBound(ascii w: UInt64) -> Int {
        let c0 = ~UTF8Scan.lanes(ascii: w, atLeast: 0x20) & UTF8Scan.highBits
        return UTF8Scan.laneCount(c0 | UTF8Scan.lanes(ascii: w, atLeast: 0x7F))
    }

    /// The control bytes (``isControl(_:)``) among the first `sample` bytes, eight at a time:
    /// only words with a byte below 0x20 or a DEL are looked into.
    static func controlCount(_ bytes: [UInt8], sample: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var controls = 0
            var i = 0
            while i + 8 <= sample {
                let word = UTF8Scan.load(base, i)
                if UTF8Scan.hasByte(word, lessThan: 0x20) || UTF8Scan.hasByte(word, equalTo: 0x7F) {
                    for k in i..<(i + 8) where isControl(buffer[k]) { controls += 1 }
                }
                i += 8
            }
            for k in i..<sample where isControl(buffer[k]) { controls += 1 }
            return controls
        }
    }

    /// In one pass: a bound on the control bytes in the first ``sampleBytes`` (every C0
    /// byte and DEL), and the index of the first byte that does not start a valid UTF-8
    /// sequence (as ``firstInvalidUTF8(_:from:)`` from 0), ASCII eight bytes at a time.
    static func controlsAndFirstInvalidUTF8(_ bytes: [UInt8]) -> (controlBound: Int, firstInvalid: Int?) {
        bytes.withUnsafeBufferPointer { buffer -> (controlBound: Int, firstInvalid: Int?) in
            guard let base = buffer.baseAddress else { return (0, nil) }
            let n = buffer.count
            let sample = min(n, sampleBytes)
            var controls = 0
            var firstInvalid: Int?
            var i = 0
            while i < n {
                if firstInvalid != nil && i >= sample { break }
                if i + 8 <= n {
                    let w = UTF8Scan.load(base, i)
                    if w & UTF8Scan.highBits == 0 {
                        if i + 8 <= sample {
                            // Counted without a test first: a line break in one block of
                            // about twelve would make that test mispredict.
                            controls += controlBound(ascii: w)
                            i += 8
                            continue
                        }
                        if i >= sample {
                            i += 8
                            continue
                        }
                    }
                }
                let b = base[i]
                if b < 0x80 {
                    if i < sample && (b < 0x20 || b == 0x7F) { controls += 1 }
                    i += 1
                    continue
                }
                if firstInvalid != nil {
                    i += 1
                    continue
                }
                let length = validSequenceLength(bytes, at: i)
                if length == 0 {
                    firstInvalid = i
                    i += 1
                } else {
                    i += length
                }
            }
            return (controls, firstInvalid)
        }
    }

    /// Whether the bytes look like a binary file rather than text.
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.isEmpty { return false }
        if hasBinarySignature(bytes) { return true }
        if bytes.withUnsafeBufferPointer({ memchr($0.baseAddress!, 0, $0.count) != nil }) { return true }
        let sample = min(bytes.count, sampleBytes)
        return controlCount(bytes, sample: sample) * 10 > sample
    }

    /// Valid UTF-8 kept, every other byte read as Windows-1252.
    static func repairUTF8(_ bytes: [UInt8], from start: Int) -> [UInt8] {
        repairUTF8(bytes, from: start, firstBad: firstInvalidUTF8(bytes, from: start))
    }

    /// As ``repairUTF8(_:from:)`` when the first invalid byte at or after `start` is known.
    static func repairUTF8(_ bytes: [UInt8], from start: Int, firstBad: Int?) -> [UInt8] {
        guard let firstBad else {
            return start == 0 ? bytes : Array(bytes[start...])
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        out.append(contentsOf: bytes[start..<firstBad])
        var i = firstBad
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                out.append(b)
                i += 1
                continue
            }
            let length = validSequenceLength(bytes, at: i)
            if length > 0 {
                out.append(contentsOf: bytes[i..<(i + length)])
                i += length
            } else {
                if let scalar = Windows1252.scalar(for: b) { out.appendUTF8(scalar) }
                i += 1
            }
        }
        return out
    }

    /// Index of the first byte that does not start a valid UTF-8 sequence, or `nil`.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        let n = bytes.count
        while i < n {
            if bytes[i] < 0x80 {
                i += 1
                // Skip ASCII eight bytes at a time.
                bytes.withUnsafeBufferPointer { buffer in
                    guard let base = buffer.baseAddress else { return }
                    while i + 8 <= n, UTF8Scan.load(base, i) & UTF8Scan.highBits == 0 { i += 8 }
                }
                continue
            }
            let length = validSequenceLength(bytes, at: i)
            if length == 0 { return i }
            i += length
        }
        return nil
    }

    /// Length of the valid multi-byte UTF-8 sequence at `i`, or 0.
    @inline(__always)
    static func validSequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
        let n = bytes.count
        let b0 = bytes[i]
        @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            i + k < n && bytes[i + k] >= lo && bytes[i + k] <= hi
        }
        switch b0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0, 0xBF) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90, 0xBF) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    /// UTF-16 text that starts with a byte order mark, as UTF-8 bytes.
    static func decodeUTF16WithBOM(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 2 else { return nil }
        let little: Bool
        if bytes[0] == 0xFF && bytes[1] == 0xFE {
            little = true
        } else if bytes[0] == 0xFE && bytes[1] == 0xFF {
            little = false
        } else {
            return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(little ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}
