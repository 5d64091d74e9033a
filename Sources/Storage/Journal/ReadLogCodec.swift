import Articles
import Foundation

/// Which of the two read-state files a ``ReadLog`` is.
public enum ReadLogKind: String, Sendable {
    /// `read-snapshot.jsonl`: the compacted state, one line per article, sorted by id.
    case snapshot = "read-snapshot"
    /// `read-journal.jsonl`: changes since the snapshot, one line per change, in order.
    case journal = "read-journal"
}

/// A decoded read-state file: its header and its records in file order.
public struct ReadLog: Sendable {
    /// `snapshot` or `journal`.
    public var kind: ReadLogKind
    /// The format version of the header.
    public var version: Int
    /// Which compaction this file belongs to: a journal applies to the snapshot of the same
    /// generation; a journal older than the snapshot is already folded into it.
    public var generation: Int
    /// `(article key, record)` in file order (a journal may name an article more than once:
    /// the later change wins by the merge rule).
    public var records: [(key: UInt64, record: ReadRecord)] = []
    /// 1-based numbers of complete lines that are not a valid record.
    public var damagedLines: [Int] = []
    /// Whether the file ends with a line cut short (no newline): ignored, as after a crash
    /// in the middle of an append.
    public var tornTail = false
    /// Bytes up to the end of the last complete line (where the next append goes).
    public var completeLength = 0
}

/// The JSON Lines format of read state (see README "Reading state"). The first line is a
/// header object, each further line one record as a JSON array:
///
/// ```
/// {"bulletin":"read-journal","generation":3,"version":1}
/// ["0a1b2c3d4e5f6789",1714557602120,2116,3,1]
/// ["0a1b2c3d4e5f6789",1714557602120,0]
/// ["1111222233334444",1714636800000]
/// ```
///
/// A record is `[id, changedAt]` for an article marked unread; `[id, changedAt, readAgo]` for
/// a read article, where `readAgo` is `changedAt - readAt` in milliseconds (0 when the
/// article was just marked read); `[id, changedAt, readAgo, block, line]` with the reading
/// position. Times are milliseconds since 1970 UTC. The arrays keep a million entries under
/// 50 MB; any JSON spelling of them (spaces, a reformatted line) is read too.
public enum ReadLogCodec {
    /// The newest header version this build reads and writes.
    public static let currentVersion = 1

    /// Decodes a whole file. Damaged record lines are listed in ``ReadLog/damagedLines``; a
    /// missing, unreadable or newer header is a ``StateFileProblem``.
    public static func decode(_ data: Data, kind: ReadLogKind, allowNewer: Bool = false) throws(StateFileProblem) -> ReadLog {
        var log: ReadLog?
        var problem: StateFileProblem?
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            do {
                var decoder = try Decoder(header: bytes, kind: kind, allowNewer: allowNewer)
                var records: [(key: UInt64, record: ReadRecord)] = []
                _ = decoder.feed(UnsafeBufferPointer(rebasing: bytes[decoder.log.completeLength...]), final: true) {
                    records.append(($0, $1))
                }
                decoder.log.records = records
                log = decoder.log
            } catch let error as StateFileProblem {
                problem = error
            } catch {
                problem = .invalidJSON
            }
        }
        if let problem { throw problem }
        return log!
    }

    /// Incremental decoding: the header first, then any number of byte chunks.
    struct Decoder {
        var log: ReadLog
        private var lineNumber = 1

        /// Reads the header line at the start of `bytes`.
        init(header bytes: UnsafeBufferPointer<UInt8>, kind: ReadLogKind, allowNewer: Bool = false) throws(StateFileProblem) {
            guard let end = bytes.firstIndex(of: 0x0A) else {
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { throw .empty }
                throw .invalidJSON
            }
            let (version, generation) = try ReadLogCodec.header(UnsafeBufferPointer(rebasing: bytes[..<end]), kind: kind, allowNewer: allowNewer)
            log = ReadLog(kind: kind, version: version, generation: generation, completeLength: end + 1)
        }

        /// Continues after `length` bytes already read (a journal read again from the offset
        /// its reader had reached), without a header.
        init(continuing kind: ReadLogKind, generation: Int, at length: Int) {
            log = ReadLog(kind: kind, version: ReadLogCodec.currentVersion, generation: generation, completeLength: length)
            lineNumber = 0
        }

        /// Decodes the complete lines of `bytes` (which continue right after what was fed
        /// before), passing each record to `sink`, and returns how many bytes were used; the
        /// rest is an incomplete line to feed again with more bytes. With `final`, an
        /// incomplete last line is the torn tail.
        mutating func feed(
            _ bytes: UnsafeBufferPointer<UInt8>, final: Bool, sink: (UInt64, ReadRecord) -> Void
        ) -> Int {
            var start = 0
            guard let base = bytes.baseAddress else { return 0 }
            while start < bytes.count {
                guard let found = memchr(base + start, 0x0A, bytes.count - start) else { break }
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                lineNumber += 1
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if let record = ReadLogCodec.record(line) {
                    sink(record.key, record.record)
                } else if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    log.damagedLines.append(lineNumber)
                }
                start = end + 1
            }
            log.completeLength += start
            if final && start < bytes.count { log.tornTail = true }
            return start
        }
    }

    /// Parses and checks a header line.
    static func header(
        _ line: UnsafeBufferPointer<UInt8>, kind: ReadLogKind, allowNewer: Bool = false
    ) throws(StateFileProblem) -> (version: Int, generation: Int) {
        struct Header: Decodable {
            var bulletin: String
            var generation: Int
            var version: Int
        }
        guard (try? JSONSerialization.jsonObject(with: Data(line), options: [])) != nil else { throw .invalidJSON }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: Data(line)) } catch {
            throw .wrongShape("header: expected {\"bulletin\": \"\(kind.rawValue)\", \"generation\": N, \"version\": N}")
        }
        guard header.bulletin == kind.rawValue else {
            throw .wrongShape("header: \"bulletin\" is not \"\(kind.rawValue)\"")
        }
        guard header.version >= 1 else { throw .wrongShape("header: version must be at least 1") }
        if header.version > currentVersion && !allowNewer { throw .newerVersion(header.version) }
        guard header.generation >= 0 else { throw .wrongShape("header: generation must be at least 0") }
        let (version, generation) = (header.version, header.generation)
        return (version, generation)
    }

    /// The header line (with its newline).
    static func headerLine(_ kind: ReadLogKind, generation: Int) -> [UInt8] {
        Array("{\"bulletin\":\"\(kind.rawValue)\",\"generation\":\(generation),\"version\":\(currentVersion)}\n".utf8)
    }

    /// Appends one record line (with its newline) to `out`.
    static func append(_ key: UInt64, _ record: ReadRecord, to out: inout [UInt8]) {
        out.append(contentsOf: [0x5B, 0x22])  // ["
        for i in 0..<16 {
            let nibble = UInt8((key >> (60 - 4 * UInt64(i))) & 0xF)
            out.append(nibble < 10 ? 48 + nibble : 87 + nibble)
        }
        out.append(contentsOf: [0x22, 0x2C])  // ",
        appendInteger(record.changedAt.rawValue, to: &out)
        if record.isRead {
            out.append(0x2C)
            appendInteger(record.changedAt.rawValue - (record.readAt ?? record.changedAt).rawValue, to: &out)
            if let position = record.position {
                out.append(0x2C)
                appendInteger(Int64(position.block), to: &out)
                out.append(0x2C)
                appendInteger(Int64(position.line), to: &out)
            }
        }
        out.append(contentsOf: [0x5D, 0x0A])  // ]\n
    }

    private static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(48 + magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }

    /// One record line, or `nil` when it is not a valid record. The exact spelling this
    /// codec writes is parsed directly; any other JSON spelling goes through `JSONSerialization`.
    static func record(_ line: UnsafeBufferPointer<UInt8>) -> (key: UInt64, record: ReadRecord)? {
        if let fast = fastRecord(line) { return fast }
        struct Loose: Decodable {
            var id: String
            var integers: [Int64] = []
            init(from decoder: Swift.Decoder) throws {
                var c = try decoder.unkeyedContainer()
                id = try c.decode(String.self)
                while !c.isAtEnd { integers.append(try c.decode(Int64.self)) }
            }
        }
        guard line.count <= 4096, let loose = try? JSONDecoder().decode(Loose.self, from: Data(line)),
            loose.integers.count <= 4
        else { return nil }
        var text = loose.id
        guard let key = text.withUTF8({ ArticleID.hexValue($0) }) else { return nil }
        let integers = loose.integers
        return make(key, integers)
    }

    /// `["<16 hex>",<int>(,<int>(,<int>,<int>)?)?]` exactly (no allocation per line).
    private static func fastRecord(_ line: UnsafeBufferPointer<UInt8>) -> (key: UInt64, record: ReadRecord)? {
        guard line.count >= 23, line[0] == 0x5B, line[1] == 0x22, line[18] == 0x22, line[19] == 0x2C,
            line[line.count - 1] == 0x5D,
            let key = ArticleID.hexValue(UnsafeBufferPointer(rebasing: line[2..<18]))
        else { return nil }
        var numbers: (Int64, Int64, Int64, Int64) = (0, 0, 0, 0)
        var count = 0
        var i = 20
        let end = line.count - 1
        while true {
            var negative = false
            if i < end && line[i] == 0x2D { negative = true; i += 1 }
            let digitsStart = i
            var value: Int64 = 0
            while i < end, line[i] >= 48, line[i] <= 57 {
                guard i - digitsStart < 18 else { return nil }
                value = value * 10 + Int64(line[i] - 48)
                i += 1
            }
            let digits = i - digitsStart
            if digits == 0 || (digits > 1 && line[digitsStart] == 48) { return nil }
            if negative { value = -value }
            switch count {
            case 0: numbers.0 = value
            case 1: numbers.1 = value
            case 2: numbers.2 = value
            default: numbers.3 = value
            }
            count += 1
            if i == end { break }
            guard line[i] == 0x2C, count < 4 else { return nil }
            i += 1
        }
        return make(key, numbers, count)
    }

    private static func make(_ key: UInt64, _ n: [Int64]) -> (key: UInt64, record: ReadRecord)? {
        guard n.count <= 4 else { return nil }
        var numbers: (Int64, Int64, Int64, Int64) = (0, 0, 0, 0)
        if n.count > 0 { numbers.0 = n[0] }
        if n.count > 1 { numbers.1 = n[1] }
        if n.count > 2 { numbers.2 = n[2] }
        if n.count > 3 { numbers.3 = n[3] }
        return make(key, numbers, n.count)
    }

    /// The record for the integers after the id, checked.
    private static func make(_ key: UInt64, _ n: (Int64, Int64, Int64, Int64), _ count: Int) -> (key: UInt64, record: ReadRecord)? {
        let bound: Int64 = 1 << 50  // ±35,000 years in milliseconds
        guard count >= 1, abs(n.0) < bound else { return nil }
        switch count {
        case 1:
            return (key, .unread(at: StateTime(rawValue: n.0)))
        case 2, 4:
            guard abs(n.1) < bound else { return nil }
            var position: ReadingPosition?
            if count == 4 {
                guard n.2 >= 0, n.3 >= 0, n.2 <= Int64(Int32.max), n.3 <= Int64(Int32.max) else { return nil }
                position = ReadingPosition(block: Int(n.2), line: Int(n.3))
            }
            return (key, .read(at: StateTime(rawValue: n.0), readAt: StateTime(rawValue: n.0 - n.1), position: position))
        default:
            return nil
        }
    }
}
