/// Splits UTF-8 bytes into lines at LF, CRLF or a lone CR.
public enum LineSplitter {
    /// The byte ranges of the lines, without their line endings. A final line ending does
    /// not produce an extra empty line.
    public static func lines(_ bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(bytes.count / 40 + 1)
        var start = 0
        let n = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var i = 0
            while i < n {
                // Skip eight bytes at a time while none is a line end (or any byte below 0x0E).
                while i + 8 <= n, !UTF8Scan.hasByte(UTF8Scan.load(base, i), lessThan: 0x0E) { i += 8 }
                guard i < n else { break }
                let b = buffer[i]
                if b == 0x0A {
                    result.append(start..<i)
                    i += 1
                    start = i
                } else if b == 0x0D {
                    result.append(start..<i)
                    i += (i + 1 < n && buffer[i + 1] == 0x0A) ? 2 : 1
                    start = i
                } else {
                    i += 1
                }
            }
        }
        if start < n { result.append(start..<n) }
        return result
    }
}
