@testable import Articles
import Foundation

/// The index cache: reading never traps, every text field read is a clean line, and what
/// was read is written and read back as the same records.
enum IndexCacheFuzzCheck {
    static func check(_ data: [UInt8]) throws {
        let cache = data.withUnsafeBufferPointer { IndexCache.parse($0) }
        for (path, record) in cache.records {
            let entry = record.entry
            try FuzzInvariants.require(entry.path == path, "record filed under another path")
            try FuzzInvariants.requireCleanLine(entry.title, "cache title")
            try FuzzInvariants.requireCleanLine(entry.source, "cache source")
            try FuzzInvariants.requireCleanLine(entry.author, "cache author")
        }
        let written = cache.encoded()
        let again = written.withUnsafeBufferPointer { IndexCache.parse($0) }
        try FuzzInvariants.require(again.records.count == cache.records.count, "index cache round trip lost records")
        for (path, record) in cache.records {
            guard let other = again.records[path] else { throw FuzzFailure("index cache round trip lost \(path.debugDescription)") }
            try FuzzInvariants.require(other.size == record.size && other.modified == record.modified && other.entry == record.entry,
                                       "index cache round trip changed the record for \(path.debugDescription)")
        }
    }
}
