import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decides the character encoding of a page and turns its bytes into UTF-8 for libxml2.
///
/// The order: a byte order mark, then `<meta charset>` or an `http-equiv` Content-Type in
/// the first 4 KiB, then the charset from HTTP, else UTF-8. UTF-8 and unlabelled pages keep
/// their valid UTF-8 and read every other byte as Windows-1252 (as ``TextDecoder`` does);
/// pages labelled Latin-1 or Windows-1252 are read as Windows-1252; other labels are
/// converted by the C library's `iconv`. Bad bytes are replaced, never fatal: libxml2 is
/// always handed UTF-8.
enum HTMLEncoding {
    /// The page as UTF-8 bytes for libxml2.
    static func prepare(_ bytes: [UInt8], httpCharset: String?) -> [UInt8] {
        if let utf16 = TextDecoder.decodeUTF16WithBOM(bytes) { return utf16 }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return TextDecoder.repairUTF8(bytes, from: 3) }
        let label = declaredCharset(bytes) ?? httpCharset.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        guard let label, !label.isEmpty else { return TextDecoder.repairUTF8(bytes, from: 0) }
        // Valid UTF-8 with multi-byte characters is UTF-8 whatever the label says (a page
        // converted to UTF-8 that kept its old declaration); text in a legacy encoding is
        // practically never valid UTF-8.
        if !utf8Labels.contains(label), TextDecoder.firstInvalidUTF8(bytes, from: 0) == nil,
           bytes.contains(where: { $0 >= 0x80 })
        {
            return bytes
        }
        if utf8Labels.contains(label) || label.hasPrefix("utf-16") || label.hasPrefix("utf16") {
            // A page that says UTF-16 but has no byte order mark was almost always saved as UTF-8.
            return TextDecoder.repairUTF8(bytes, from: 0)
        }
        if windows1252Labels.contains(label) { return windows1252(bytes) }
        if let converted = convert(bytes, from: label) { return converted }
        return TextDecoder.repairUTF8(bytes, from: 0)
    }

    /// The bytes converted from `label` to UTF-8 with the C library's `iconv`, each invalid
    /// or cut-off sequence replaced by U+FFFD; `nil` when `iconv` does not know the label.
    static func convert(_ bytes: [UInt8], from label: String) -> [UInt8]? {
        guard label.utf8.count <= 40, label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) })
        else { return nil }
        let cd = iconv_open("UTF-8", label)
        guard let cd, cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        var chunk = [CChar](repeating: 0, count: 64 * 1024)
        var input = bytes.map { CChar(bitPattern: $0) }
        input.withUnsafeMutableBufferPointer { inBuffer in
            var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
            var inLeft = inBuffer.count
            while inLeft > 0 {
                let status = chunk.withUnsafeMutableBufferPointer { outBuffer -> (Int, Int32) in
                    var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                    var outLeft = outBuffer.count
                    let result = iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
                    let error = result == -1 ? errno : 0
                    out.append(contentsOf: UnsafeRawBufferPointer(start: outBuffer.baseAddress, count: outBuffer.count - outLeft))
                    return (result, error)
                }
                guard status.0 == -1 else { continue }
                switch status.1 {
                case E2BIG:
                    continue  // the output chunk is full: go on
                case EILSEQ:
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])  // one bad byte becomes U+FFFD
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                default:  // EINVAL: a sequence cut off at the end
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    inLeft = 0
                }
            }
        }
        return out
    }

    static let utf8Labels: Set<String> = ["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"]

    /// Labels that the WHATWG encoding standard reads as Windows-1252.
    static let windows1252Labels: Set<String> = [
        "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591", "latin1", "l1",
        "us-ascii", "ascii", "ansi_x3.4-1968", "cp819", "csisolatin1", "ibm819", "iso-ir-100", "iso_8859-1:1987",
    ]

    /// Every byte read as Windows-1252 (undefined bytes dropped), as UTF-8.
    static func windows1252(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
            } else if let scalar = Windows1252.scalar(for: b) {
                out.appendUTF8(scalar)
            }
        }
        return out
    }

    /// The charset named by a `<meta>` tag in the first 4 KiB, lowercased.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let limit = min(bytes.count, 4096)
        var i = 0
        func matches(_ literal: [UInt8], at k: Int) -> Bool { ASCIICase.matches(literal, in: bytes[..<limit], at: k) }
        let meta = Array("<meta".utf8), charset = Array("charset".utf8)
        while i < limit {
            guard bytes[i] == 0x3C, matches(meta, at: i) else { i += 1; continue }
            var k = i + 5
            // Within this tag, find `charset` then `=` and the value.
            while k < limit, bytes[k] != 0x3E {
                if matches(charset, at: k) {
                    var v = k + charset.count
                    while v < limit, bytes[v] == 0x20 || bytes[v] == 0x09 || bytes[v] == 0x0A || bytes[v] == 0x0D { v += 1 }
                    guard v < limit, bytes[v] == 0x3D else { k = v; continue }
                    v += 1
                    while v < limit, bytes[v] == 0x20 || bytes[v] == 0x22 || bytes[v] == 0x27 { v += 1 }
                    var value: [UInt8] = []
                    while v < limit, value.count < 40 {
                        let b = bytes[v]
                        if b == 0x22 || b == 0x27 || b == 0x3B || b == 0x3E || b == 0x20 || b == 0x2F && value.isEmpty { break }
                        if b < 0x21 || b > 0x7E { break }
                        value.append(ASCIICase.lower(b))
                        v += 1
                    }
                    if !value.isEmpty { return String(decoding: value, as: UTF8.self) }
                    k = v
                    continue
                }
                k += 1
            }
            i = k
        }
        return nil
    }
}
