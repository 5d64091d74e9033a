import Articles
import Foundation

/// Reads `read.json` when it is byte for byte in the layout ``ReadFileCodec`` writes (what
/// Bulletin itself wrote), many times faster than `JSONDecoder` on 100,000 entries. Anything
/// else (a file reformatted or edited by hand, a newer version, damage) gives `nil`, and the
/// full decoder decides and reports the problem, so both paths accept exactly the same
/// meaning.
enum ReadFileFastParser {
    static func parse(_ data: Data) -> [ArticleID: ReadRecord]? {
        data.withUnsafeBytes { raw in
            var parser = Cursor(bytes: raw.bindMemory(to: UInt8.self))
            return parser.file()
        }
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        /// Consumes `literal` if it is next.
        mutating func take(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard i + count <= bytes.count else { return false }
            let start = literal.utf8Start
            for k in 0..<count where bytes[i + k] != start[k] { return false }
            i += count
            return true
        }

        /// A non-negative decimal without leading zeros (as JSON requires), at most 9 digits.
        mutating func integer() -> Int? {
            var value = 0
            var digits = 0
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57, digits < 10 {
                if digits == 1 && value == 0 { return nil }
                value = value * 10 + Int(bytes[i] - 48)
                digits += 1
                i += 1
            }
            return digits == 0 || digits > 9 ? nil : value
        }

        /// `"YYYY-MM-DDTHH:MM:SS.mmmZ"` with its quotes.
        mutating func time() -> StateTime? {
            guard i + 26 <= bytes.count, bytes[i] == 0x22, bytes[i + 25] == 0x22 else { return nil }
            let slice = UnsafeBufferPointer(rebasing: bytes[(i + 1)..<(i + 25)])
            guard slice[19] == 0x2E, let time = StateTime.parse(slice) else { return nil }
            i += 26
            return time
        }

        /// 16 lowercase hex digits.
        mutating func id() -> ArticleID? {
            guard i + 16 <= bytes.count else { return nil }
            for k in i..<(i + 16) {
                let b = bytes[k]
                guard (b >= 48 && b <= 57) || (b >= 97 && b <= 102) else { return nil }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<(i + 16)]), as: UTF8.self)
            i += 16
            return ArticleID(rawValue: text)
        }

        mutating func file() -> [ArticleID: ReadRecord]? {
            guard take("{\n  \"articles\": {") else { return nil }
            var table: [ArticleID: ReadRecord] = [:]
            table.reserveCapacity(bytes.count / 120)
            if !take("},\n  \"version\": ") {
                repeat {
                    guard take("\n    \""), let id = id(), take("\": {\"changedAt\": "), let changedAt = time() else { return nil }
                    var position: ReadingPosition?
                    if take(", \"position\": {\"block\": ") {
                        guard let block = integer(), take(", \"line\": "), let line = integer(), take("}") else { return nil }
                        position = ReadingPosition(block: block, line: line)
                    }
                    let record: ReadRecord
                    if take(", \"read\": true, \"readAt\": ") {
                        guard let readAt = time() else { return nil }
                        record = .read(at: changedAt, readAt: readAt, position: position)
                    } else if position == nil, take(", \"read\": false") {
                        record = .unread(at: changedAt)
                    } else {
                        return nil
                    }
                    guard take("}"), table.updateValue(record, forKey: id) == nil else { return nil }
                } while take(",")
                guard take("\n  },\n  \"version\": ") else { return nil }
            }
            guard integer() == StateFile.currentVersion, take("\n}\n"), i == bytes.count else { return nil }
            return table
        }
    }
}
