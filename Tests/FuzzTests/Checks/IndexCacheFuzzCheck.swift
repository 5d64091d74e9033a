@testable import Articles
import Foundation

/// The index cache: reading never traps, every text field read is a clean line, and what
/// was read is written and read back as the same records.
enum IndexCacheFuzzCheck {
    static func check(_ data: [UInt8]) throws {
        let records = IndexCache.parse(data)
        for record in records {
            let entry = record.entry
            try FuzzInvariants.requireCleanLine(entry.title, "cache title")
            try FuzzInvariants.requireCleanLine(entry.source, "cache source")
            try FuzzInvariants.requireCleanLine(entry.author, "cache author")
        }
        let again = IndexCache.parse(IndexCache(records: records).encoded())
        try FuzzInvariants.require(again.count == records.count, "index cache round trip lost records")
        for (record, other) in zip(records, again) {
            try FuzzInvariants.require(other.size == record.size && other.modified == record.modified && other.entry == record.entry,
                                       "index cache round trip changed the record for \(record.entry.path.debugDescription)")
        }
    }
}
