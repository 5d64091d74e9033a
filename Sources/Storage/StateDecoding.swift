import Articles
import Foundation

/// Pure "bytes → state" functions for every state file, for fuzzing and tools: no files,
/// no side effects, every problem a ``StateFileProblem`` (never a crash).
public enum StateDecoding {
    /// `read-snapshot.jsonl` or `read-journal.jsonl` (see ``ReadLogCodec``).
    public static func readLog(_ data: Data, kind: ReadLogKind) throws(StateFileProblem) -> ReadLog {
        try ReadLogCodec.decode(data, kind: kind)
    }

    /// The bytes of a read-state file holding `records` in order (for parse → write → parse checks).
    public static func encodeReadLog(_ records: [(key: UInt64, record: ReadRecord)], kind: ReadLogKind, generation: Int) -> [UInt8] {
        var out = ReadLogCodec.headerLine(kind, generation: generation)
        for (key, record) in records { ReadLogCodec.append(key, record, to: &out) }
        return out
    }

    /// `saved.json`.
    public static func savedFile(_ data: Data) throws(StateFileProblem) -> [ArticleID: SavedRecord] {
        try SavedFileCodec().decode(data, allowNewer: false)
    }

    /// The bytes of `saved.json` for `table`.
    public static func encodeSavedFile(_ table: [ArticleID: SavedRecord]) -> [UInt8] {
        SavedFileCodec().encode(table)
    }

    /// The `read.json` of earlier versions (still read for migration).
    public static func legacyReadFile(_ data: Data) throws(StateFileProblem) -> [ArticleID: ReadRecord] {
        try ReadFileCodec().decode(data, allowNewer: false)
    }
}
