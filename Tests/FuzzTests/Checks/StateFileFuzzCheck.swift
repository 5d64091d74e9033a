@testable import Articles
import Foundation
@testable import Storage

/// Read state (the JSON Lines snapshot and journal, and the legacy `read.json` it migrates
/// from) and `saved.json`: decoding never traps; what decodes is written and read back
/// unchanged (write → parse → write gives the same bytes); the fast `read.json` reader
/// agrees with the full decoder; every saved article's fields are clean lines.
enum StateFileFuzzCheck {
    static func checkRead(_ data: [UInt8]) throws {
        try checkReadLog(data, kind: .snapshot)
        try checkReadLog(data, kind: .journal)
        try checkLegacyRead(data)
    }

    /// `read-snapshot.jsonl` / `read-journal.jsonl`: the records read are written again and
    /// read back as the same records; nothing decoded is both a record and a damaged line.
    static func checkReadLog(_ data: [UInt8], kind: ReadLogKind) throws {
        guard let log = try? ReadLogCodec.decode(Data(data), kind: kind, allowNewer: true) else { return }
        try FuzzInvariants.require(log.completeLength <= data.count, "read log: complete length past the end")
        func write(_ records: [(key: UInt64, record: ReadRecord)]) -> [UInt8] {
            var out = ReadLogCodec.headerLine(kind, generation: log.generation)
            for (key, record) in records { ReadLogCodec.append(key, record, to: &out) }
            return out
        }
        let written = write(log.records)
        let again = try decodeWritten { () throws(StateFileProblem) in try ReadLogCodec.decode(Data(written), kind: kind) }
        try FuzzInvariants.require(again.damagedLines.isEmpty && !again.tornTail, "read log: what Bulletin wrote reads back damaged")
        try FuzzInvariants.require(again.records.map(\.key) == log.records.map(\.key)
                                   && again.records.map(\.record.isRead) == log.records.map(\.record.isRead),
                                   "read log: write → parse changed the records")
        try FuzzInvariants.require(write(again.records) == written, "read log: write → parse → write changed the bytes")
    }

    static func checkLegacyRead(_ data: [UInt8]) throws {
        let codec = ReadFileCodec()
        if let fast = ReadFileFastParser.parse(Data(data)) {
            let full = try? codec.decodeInFull(Data(data), allowNewer: false)
            try FuzzInvariants.require(full == fast, "the fast read.json reader and the full decoder disagree")
        }
        guard let table = try? codec.decode(Data(data), allowNewer: true) else { return }
        let written = codec.encode(table)
        try FuzzInvariants.require(ReadFileFastParser.parse(Data(written)) != nil, "the fast reader refuses what Bulletin wrote")
        let again = try decodeWritten { () throws(StateFileProblem) in try codec.decode(Data(written), allowNewer: false) }
        try FuzzInvariants.require(again.mapValues(\.isRead) == table.mapValues(\.isRead), "read.json round trip changed read flags")
        try FuzzInvariants.require(codec.encode(again) == written, "read.json write → parse → write changed the bytes")
    }

    static func checkSaved(_ data: [UInt8]) throws {
        let codec = SavedFileCodec()
        guard let table = try? codec.decode(Data(data), allowNewer: true) else { return }
        for (id, record) in table {
            if let article = record.article { try FuzzInvariants.requireCleanArticle(article, "saved \(id.rawValue)") }
        }
        let written = codec.encode(table)
        let again = try decodeWritten { () throws(StateFileProblem) in try codec.decode(Data(written), allowNewer: false) }
        try FuzzInvariants.require(again.mapValues(\.isSaved) == table.mapValues(\.isSaved), "saved.json round trip changed saved flags")
        try FuzzInvariants.require(SavedFileCodec().encode(again) == written, "saved.json write → parse → write changed the bytes")
    }

    /// Decodes what Bulletin itself wrote, which must always succeed.
    static func decodeWritten<T>(_ decode: () throws(StateFileProblem) -> T) throws -> T {
        do {
            return try decode()
        } catch {
            throw FuzzFailure("Bulletin cannot read the file it wrote: \(error)")
        }
    }
}
