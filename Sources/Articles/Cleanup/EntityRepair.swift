/// Decodes HTML character references, including the broken forms scrapers leave behind.
///
/// Proper references: `&amp;`, `&rsquo;`, `&#8217;`, `&#x2019;`, and the legacy names
/// browsers accept without a semicolon (`&amp`, `&nbsp`…). Double-encoded ones
/// (`&amp;#8217;`) are decoded once more.
///
/// Broken references, repaired to the character they name:
/// - a space after `&` or `#`: `&# 8211;`, `& #8211;` → `–`;
/// - a semicolon where the ampersand was: `;#8217;` → `’`;
/// - a bare `#8217;` for a general punctuation character (U+2010–U+205E).
///
/// When a repaired broken reference only repeats the punctuation just before it
/// (`giants’ ;#8217;part`), the repeat is dropped: `giants’ part`.
///
/// Numeric references 128–159 use the Windows-1252 characters (as browsers do); 0,
/// surrogates and values beyond U+10FFFF become U+FFFD. Control characters produced here
/// are removed afterwards by ``TextSanitizer``.
public enum EntityRepair {
    /// The text with every recognised reference decoded.
    public static func repair(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard mayContainReference(bytes[...]) else { return text }
        return String(decoding: repair(bytes[...]), as: UTF8.self)
    }

    /// Cheap test: only text with `&` or `#` can hold a reference (eight bytes at a time).
    @inline(__always)
    static func mayContainReference(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            let n = buffer.count
            var i = 0
            while i + 8 <= n {
                let w = UTF8Scan.load(base, i)
                if UTF8Scan.lanes(w, equalTo: 0x26) | UTF8Scan.lanes(w, equalTo: 0x23) != 0 { return true }
                i += 8
            }
            while i < n {
                if base[i] == 0x26 || base[i] == 0x23 { return true }
                i += 1
            }
            return false
        }
    }

    /// Decodes references in UTF-8 bytes.
    static func repair(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            // Copy the run of bytes up to the next `&`, `;` or `#` at once.
            let j = nextMarker(bytes, from: i)
            if j > i {
                out.append(contentsOf: bytes[i..<j])
                i = j
                continue
            }
            let b = bytes[i]
            if let m = match(bytes, at: i, previous: out.last) {
                if !(m.broken && repeatsPrevious(m.scalar, in: out)) { out.appendUTF8(m.scalar) }
                i = m.end
                continue
            }
            out.append(b)
            i += 1
        }
        return out
    }

    /// The index of the first `&`, `;` or `#` at or after `i` (eight bytes at a time), or the end.
    static func nextMarker(_ bytes: ArraySlice<UInt8>, from i: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return bytes.endIndex }
            let n = buffer.count
            var k = i - bytes.startIndex
            while k + 8 <= n {
                let w = UTF8Scan.load(base, k)
                let found = UTF8Scan.lanes(w, equalTo: 0x26) | UTF8Scan.lanes(w, equalTo: 0x3B) | UTF8Scan.lanes(w, equalTo: 0x23)
                if found != 0 { return bytes.startIndex + k + found.trailingZeroBitCount >> 3 }
                k += 8
            }
            while k < n, base[k] != 0x26, base[k] != 0x3B, base[k] != 0x23 { k += 1 }
            return bytes.startIndex + k
        }
    }

    struct Match {
        var scalar: Unicode.Scalar
        var end: Int
        var broken: Bool
    }

    static func match(_ bytes: ArraySlice<UInt8>, at i: Int, previous: UInt8?) -> Match? {
        let end = bytes.endIndex
        switch bytes[i] {
        case 0x26:  // &
            var k = i + 1
            guard k < end else { return nil }
            if startsWith(bytes, at: k, "amp;"), k + 4 < end, bytes[k + 4] == 0x23 || FastText.isASCIILetter(bytes[k + 4]),
               let inner = afterAmpersand(bytes, at: k + 4, broken: false)
            {
                return inner
            }
            var broken = false
            if bytes[k] == 0x20, k + 1 < end, bytes[k + 1] == 0x23 {
                k += 1
                broken = true
            }
            return afterAmpersand(bytes, at: k, broken: broken)
        case 0x3B:  // ;#8217;
            guard i + 1 < end, bytes[i + 1] == 0x23 else { return nil }
            guard var m = numeric(bytes, at: i + 2, requireSemicolon: true, minimumDigits: 2) else { return nil }
            m.broken = true
            return m
        default:  // bare #8217;
            if previous == 0x26 { return nil }
            guard var m = numeric(bytes, at: i + 1, requireSemicolon: true, minimumDigits: 4, allowSpaces: false),
                  (0x2010...0x205E).contains(m.scalar.value)
            else { return nil }
            m.broken = true
            return m
        }
    }

    /// Parses what follows `&`: `#…` or a name.
    static func afterAmpersand(_ bytes: ArraySlice<UInt8>, at k: Int, broken: Bool) -> Match? {
        let end = bytes.endIndex
        guard k < end else { return nil }
        if bytes[k] == 0x23 {
            guard var m = numeric(bytes, at: k + 1, requireSemicolon: false, minimumDigits: 1) else { return nil }
            m.broken = m.broken || broken
            return m
        }
        guard !broken else { return nil }
        var j = k
        while j < end, j - k < 32, FastText.isASCIIAlphanumeric(bytes[j]) { j += 1 }
        guard j > k else { return nil }
        let name = String(decoding: bytes[k..<j], as: UTF8.self)
        if j < end, bytes[j] == 0x3B {
            guard let scalar = HTMLEntityTable.scalar(named: name) else { return nil }
            return Match(scalar: scalar, end: j + 1, broken: false)
        }
        if HTMLEntityTable.legacyWithoutSemicolon.contains(name), j == end || bytes[j] != 0x3D,
           let scalar = HTMLEntityTable.scalar(named: name)
        {
            return Match(scalar: scalar, end: j, broken: false)
        }
        return nil
    }

    /// Parses digits after `#` (decimal, or hex after `x`), with an optional `;`.
    static func numeric(
        _ bytes: ArraySlice<UInt8>, at start: Int, requireSemicolon: Bool, minimumDigits: Int,
        allowSpaces: Bool = true
    ) -> Match? {
        let end = bytes.endIndex
        var k = start
        var broken = false
        if allowSpaces {
            while k < end, k - start < 2, bytes[k] == 0x20 {
                k += 1
                broken = true
            }
        }
        guard k < end else { return nil }
        var value: UInt32 = 0
        var digits = 0
        if bytes[k] == 0x78 || bytes[k] == 0x58 {  // x
            k += 1
            while k < end, digits < 6, let d = hexValue(bytes[k]) {
                value = value * 16 + d
                digits += 1
                k += 1
            }
            guard digits >= 1 else { return nil }
        } else {
            while k < end, digits < 7, bytes[k] >= 0x30, bytes[k] <= 0x39 {
                value = value * 10 + UInt32(bytes[k] - 0x30)
                digits += 1
                k += 1
            }
            guard digits >= minimumDigits else { return nil }
        }
        if k < end, bytes[k] == 0x3B {
            k += 1
        } else if requireSemicolon {
            return nil
        } else if k < end, bytes[k] >= 0x30, bytes[k] <= 0x39 {
            return nil  // too many digits: not a reference
        }
        return Match(scalar: scalar(forCodePoint: value), end: k, broken: broken)
    }

    /// The character a numeric reference names, as browsers read it.
    static func scalar(forCodePoint value: UInt32) -> Unicode.Scalar {
        if value >= 0x80 && value <= 0x9F {
            return Windows1252.scalar(for: UInt8(value)) ?? "\u{FFFD}"
        }
        if value == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Whether `scalar` is punctuation equal to the last non-space character already written.
    static func repeatsPrevious(_ scalar: Unicode.Scalar, in out: [UInt8]) -> Bool {
        let props = scalar.properties
        guard !props.isAlphabetic, props.numericType == nil, !props.isWhitespace else { return false }
        var j = out.count - 1
        while j >= 0, out[j] == 0x20 { j -= 1 }
        guard j >= 0 else { return false }
        var encoded: [UInt8] = []
        encoded.appendUTF8(scalar)
        let startOfLast = j - encoded.count + 1
        guard startOfLast >= 0 else { return false }
        return out[startOfLast...j].elementsEqual(encoded)
    }

    @inline(__always) static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    static func startsWith(_ bytes: ArraySlice<UInt8>, at k: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard k + count <= bytes.endIndex else { return false }
        let base = literal.utf8Start
        for offset in 0..<count where bytes[k + offset] != base[offset] { return false }
        return true
    }
}
