import Articles
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Read state on disk as a compacted snapshot plus an append-only journal (both JSON Lines,
/// see ``ReadLogCodec``), so that one change costs one appended line and one `fsync`
/// whatever the number of entries.
///
/// - `read-snapshot.jsonl`: the state at the last compaction, sorted by id, replaced
///   atomically (``DurableFile``).
/// - `read-journal.jsonl`: every change since, appended under the folder lock. Its header
///   names the snapshot generation it follows; a journal older than the snapshot (a crash
///   between writing the snapshot and the new journal) is already folded into it and ignored.
/// - The old `read.json` is migrated into them and renamed `read.json.bak-<UTC time>`.
///
/// Each instance remembers how far it has read the journal, so picking up other instances'
/// changes reads only the new lines. Every method runs on the store's writer queue (or in
/// `init`), with the folder lock held by the caller when writing.
final class ReadJournal {
    static let snapshotName = "read-snapshot.jsonl"
    static let journalName = "read-journal.jsonl"
    static let legacyName = StateFile.read.name

    /// Unread marks older than this are dropped at compaction (90 days).
    static let pruneAge: Int64 = 90 * 24 * 3600 * 1000

    let folder: URL
    let durable: DurableFile
    let writable: Bool
    var snapshotURL: URL { folder.appendingPathComponent(Self.snapshotName) }
    var journalURL: URL { folder.appendingPathComponent(Self.journalName) }
    var legacyURL: URL { folder.appendingPathComponent(Self.legacyName) }

    /// Compaction starts when the journal is larger than this and than a sixteenth of the snapshot.
    var compactionFloor = 256 * 1024

    /// Why read state is never written in this session, or `nil`.
    private(set) var readOnlyReason: String?
    /// The generation of the snapshot on disk as last seen.
    private(set) var generation = 0
    /// The journal this instance appends to and reads from (O_RDWR | O_APPEND), or -1.
    private var fd: Int32 = -1
    private var journalInode: ino_t = 0
    private var journalGeneration = 0
    /// Bytes of the journal read so far (always at the end of a complete line).
    private(set) var offset: Int64 = 0
    private var snapshotIdentity = FileIdentity.missing
    private(set) var snapshotBytes: Int64 = 0
    /// Set when the journal's tail cannot be trusted (a failed append or fsync, damaged
    /// lines): the next write compacts, which rewrites the journal from scratch.
    private(set) var needsCompaction = false

    init(folder: URL, durable: DurableFile, writable: Bool) {
        self.folder = folder
        self.durable = durable
        self.writable = writable
    }

    deinit { closeJournal() }

    /// Closes the journal descriptor (through the file-system layer that opened it).
    private func closeJournal() {
        if fd >= 0 { durable.fileSystem.close(fd) }
        fd = -1
    }

    /// What a load, commit or compaction found out.
    struct Outcome {
        /// Records written by other instances (merge them into memory by the merge rule).
        var incoming: [UInt64: ReadRecord] = [:]
        var warnings: [String] = []
        var error: String?
        /// Whether the changes given to commit are still to be written.
        var retry = false
    }

    /// The size and identity of a file, to notice when another instance replaced it.
    struct FileIdentity: Equatable {
        var inode: ino_t
        var size: off_t
        var modified: Int
        static let missing = FileIdentity(inode: 0, size: -1, modified: 0)

        init(inode: ino_t, size: off_t, modified: Int) {
            self.inode = inode
            self.size = size
            self.modified = modified
        }

        init(path: String) {
            var info = stat()
            if stat(path, &info) != 0 {
                self = .missing
            } else {
                self.init(inode: info.st_ino, size: info.st_size, modified: info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec)
            }
        }
    }

    // MARK: Loading

    /// Reads the snapshot, the journal and a legacy `read.json` into one table. When writable
    /// (lock held), damaged files are moved aside and `read.json` is migrated.
    func load() -> (table: [UInt64: ReadRecord], outcome: Outcome) {
        var outcome = Outcome()
        var table: [UInt64: ReadRecord] = [:]
        loadSnapshot(into: &table, &outcome)
        loadJournal(into: &table, &outcome)
        loadLegacy(into: &table, &outcome)
        return (table, outcome)
    }

    private func loadSnapshot(into table: inout [UInt64: ReadRecord], _ outcome: inout Outcome) {
        snapshotIdentity = FileIdentity(path: snapshotURL.path)
        snapshotBytes = Int64(max(snapshotIdentity.size, 0))
        generation = 0
        do {
            guard let log = try readLog(snapshotURL, kind: .snapshot, into: &table) else { return }
            generation = log.generation
            if !log.damagedLines.isEmpty || log.tornTail {
                outcome.warnings.append("\(snapshotURL.path) has \(log.damagedLines.count + (log.tornTail ? 1 : 0)) damaged lines; "
                    + (writable ? "kept a copy and rewrote it without them" : "skipped them"))
                if writable { keepCopy(snapshotURL, &outcome); needsCompaction = true }
            }
        } catch let problem as StateFileProblem {
            handleUnusable(snapshotURL, problem, &outcome)
            table.removeAll()
            snapshotIdentity = FileIdentity(path: snapshotURL.path)
        } catch {
            let message = (error as? StorageIOError)?.message ?? "\(error)"
            readOnlyReason = message
            outcome.warnings.append("\(message); read state will not be saved")
        }
    }

    private func loadJournal(into table: inout [UInt64: ReadRecord], _ outcome: inout Outcome) {
        closeJournal()
        offset = 0
        journalGeneration = generation
        do {
            guard let opened = try openJournal() else { return }
            fd = opened.fd
            journalInode = opened.inode
            var records: [UInt64: ReadRecord] = [:]
            let log = try readLog(fd: fd, path: journalURL.path, kind: .journal, from: 0) { key, record in
                if let current = records[key], !record.wins(over: current) { return }
                records[key] = record
            }
            journalGeneration = log.generation
            offset = Int64(log.completeLength)
            if log.generation >= generation {
                StateMerge.apply(records, to: &table)
            } else {
                needsCompaction = true  // stale: already in the snapshot; replace it
            }
            if !log.damagedLines.isEmpty {
                outcome.warnings.append("\(journalURL.path) has damaged lines (\(log.damagedLines.prefix(5).map(String.init).joined(separator: ", "))); "
                    + (writable ? "kept a copy and rewrote it without them" : "skipped them"))
                if writable { keepCopy(journalURL, &outcome); needsCompaction = true }
            }
        } catch let problem as StateFileProblem {
            closeJournal()
            handleUnusable(journalURL, problem, &outcome)
        } catch {
            let message = (error as? StorageIOError)?.message ?? "\(error)"
            readOnlyReason = message
            outcome.warnings.append("\(message); read state will not be saved")
        }
    }

    /// The old single-file `read.json`: merged in, then (when writable) written as a new
    /// snapshot and renamed `read.json.bak-<time>`. It is never deleted.
    private func loadLegacy(into table: inout [UInt64: ReadRecord], _ outcome: inout Outcome) {
        let data: Data?
        do { data = try DurableFile.contents(of: legacyURL) } catch {
            outcome.warnings.append("\(error.message); read state will not be saved")
            readOnlyReason = error.message
            return
        }
        guard let data else { return }
        let codec = ReadFileCodec()
        var legacy: [ArticleID: ReadRecord]
        do {
            legacy = try codec.decode(data, allowNewer: false)
        } catch .newerVersion(let version) {
            let problem = StateFileProblem.newerVersion(version)
            readOnlyReason = "\(legacyURL.path) \(problem)"
            outcome.warnings.append("\(legacyURL.path) \(problem); left untouched, read state are read-only")
            legacy = (try? codec.decode(data, allowNewer: true)) ?? [:]
        } catch {
            handleUnusable(legacyURL, error, &outcome)
            return
        }
        var converted: [UInt64: ReadRecord] = [:]
        converted.reserveCapacity(legacy.count)
        for (id, record) in legacy { if let key = id.stateKey { converted[key] = record } }
        legacy = [:]
        StateMerge.apply(converted, to: &table)
        guard writable, readOnlyReason == nil else { return }
        do {
            try compact(extra: converted)
            let name = try DurableFile.moveAside(legacyURL, at: StateClock.now(), label: "bak")
            outcome.warnings.append("moved \(converted.count) read marks from \(legacyURL.path) to \(Self.snapshotName); the old file is kept as \(name)")
        } catch {
            outcome.warnings.append("\(error.message); read state stays in \(legacyURL.path) for now")
        }
    }

    /// A damaged file: moved aside with one warning when writable, else only the warning.
    private func handleUnusable(_ url: URL, _ problem: StateFileProblem, _ outcome: inout Outcome) {
        if case .newerVersion = problem {
            readOnlyReason = "\(url.path) \(problem)"
            outcome.warnings.append("\(url.path) \(problem); left untouched, read state are read-only")
            return
        }
        guard writable else {
            outcome.warnings.append("\(url.path) \(problem); ignored it (nothing is changed in this read-only session)")
            return
        }
        do {
            let name = try DurableFile.moveAside(url, at: StateClock.now())
            outcome.warnings.append("\(url.path) \(problem); moved it to \(name) and started without it")
        } catch {
            readOnlyReason = "\(url.path) \(problem)"
            outcome.warnings.append("\(url.path) \(problem) and \(error.message); not saving read state")
        }
    }

    /// Keeps the damaged file's bytes as `NAME.corrupt-<time>` (a copy: the good lines are
    /// still read from the original until it is rewritten).
    private func keepCopy(_ url: URL, _ outcome: inout Outcome) {
        guard let data = try? DurableFile.contents(of: url) else { return }
        let stamp = StateClock.now().description.filter { $0 != "-" && $0 != ":" }
        var name = url.lastPathComponent + ".corrupt-" + stamp
        var n = 1
        while access(folder.path + "/" + name, F_OK) == 0 { n += 1; name = url.lastPathComponent + ".corrupt-" + stamp + "-\(n)" }
        do { try durable.write(data, to: folder.appendingPathComponent(name)) } catch {
            outcome.warnings.append(error.message)
        }
    }

    // MARK: Writing

    /// Whether the journal has grown enough to compact.
    var wantsCompaction: Bool {
        writable && readOnlyReason == nil
            && (needsCompaction || offset > Int64(max(compactionFloor, Int(snapshotBytes / 16))))
    }

    /// Reads what other instances appended or compacted since the last call (lock held).
    func catchUp(_ outcome: inout Outcome) {
        // New lines in the journal this instance has open (also when it was replaced since:
        // its last lines are in the new snapshot, but not yet in this instance's memory).
        var open = stat()
        let rewritten = fd >= 0 && fstat(fd, &open) == 0 && Int64(open.st_size) < offset  // rewritten in place
        if !rewritten { readTail(&outcome) }
        let snapshotNow = FileIdentity(path: snapshotURL.path)
        var info = stat()
        let journalExists = stat(journalURL.path, &info) == 0
        if !rewritten && fd >= 0 && journalExists && info.st_ino == journalInode && snapshotNow == snapshotIdentity { return }
        if fd < 0 && !journalExists && snapshotNow == snapshotIdentity { return }
        var table: [UInt64: ReadRecord] = [:]
        if snapshotNow == snapshotIdentity {
            loadJournal(into: &table, &outcome)  // a journal created, replaced, rewritten or deleted
        } else if let next = snapshotHeader(), next == generation + 1, journalGeneration == generation, fd >= 0 {
            // One compaction since: the new snapshot is the old one plus the old journal,
            // which this instance has read to its end; only the new journal is news.
            generation = next
            snapshotIdentity = snapshotNow
            snapshotBytes = Int64(max(snapshotNow.size, 0))
            loadJournal(into: &table, &outcome)
        } else {
            // Several compactions, or files deleted: read everything again.
            loadSnapshot(into: &table, &outcome)
            loadJournal(into: &table, &outcome)
        }
        StateMerge.apply(table, to: &outcome.incoming)
    }

    /// The generation in the snapshot's header, `nil` when missing or unreadable.
    private func snapshotHeader() -> Int? {
        let fd = open(snapshotURL.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, 256, 0) }
        guard count > 0, let end = buffer[..<count].firstIndex(of: 0x0A) else { return nil }
        return buffer.withUnsafeBufferPointer { bytes in
            try? ReadLogCodec.header(UnsafeBufferPointer(rebasing: bytes[..<end]), kind: .snapshot).generation
        }
    }

    /// Reads the journal's new complete lines from ``offset``; a torn tail left by a killed
    /// writer is cut off (the lock is held, so nobody is writing it).
    private func readTail(_ outcome: inout Outcome) {
        guard fd >= 0 else { return }
        do {
            var records = outcome.incoming
            let log = try readLog(fd: fd, path: journalURL.path, kind: .journal, from: offset, continuing: journalGeneration) { key, record in
                if let current = records[key], !record.wins(over: current) { return }
                records[key] = record
            }
            if journalGeneration >= generation { outcome.incoming = records }
            offset = Int64(log.completeLength)
            if !log.damagedLines.isEmpty {
                outcome.warnings.append("\(journalURL.path) has damaged lines; skipped them")
                needsCompaction = true
            }
            if log.tornTail && writable {
                try durable.fileSystem.truncate(fd, to: offset, path: journalURL.path)
            }
        } catch {
            outcome.warnings.append("\((error as? StorageIOError)?.message ?? "\(error)")")
        }
    }

    /// Appends `changes` as one write plus one `fsync` (lock held, after ``catchUp(_:)``).
    func append(_ changes: [UInt64: ReadRecord], _ outcome: inout Outcome) {
        guard writable, readOnlyReason == nil, !changes.isEmpty else { return }
        do throws(StorageIOError) {
            if needsCompaction || journalGeneration < generation {
                try compact(extra: [:])
            } else if fd < 0 {
                try startJournal()
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(changes.count * 48)
            for (key, record) in changes { ReadLogCodec.append(key, record, to: &bytes) }
            let before = offset
            _ = fchmod(fd, 0o600)  // someone may have made it readable; state stays private
            do throws(StorageIOError) {
                try DurableFile.write(bytes, fd, journalURL.path, durable.fileSystem)
                try durable.fileSystem.sync(fd, path: journalURL.path)
            } catch {
                // Neither the line nor the file's tail can be trusted now (after a failed
                // fsync the kernel may have dropped the pages): cut it back, and rewrite the
                // journal from scratch before the next append. Never a second fsync.
                try? durable.fileSystem.truncate(fd, to: before, path: journalURL.path)
                needsCompaction = true
                throw error
            }
            offset = before + Int64(bytes.count)
        } catch {
            outcome.error = error.message + "; changes kept in memory"
            outcome.retry = true
        }
    }

    /// Writes a new snapshot (the current snapshot and journal merged with `extra`, unread
    /// marks older than ``pruneAge`` dropped) and then an empty journal of the next
    /// generation. Streams the snapshot, so memory stays small at a million entries. Lock held.
    func compact(extra: [UInt64: ReadRecord], now: StateTime = StateClock.now()) throws(StorageIOError) {
        // Everything in the current journal, plus extra.
        var changes = extra
        if fd >= 0, journalGeneration >= generation {
            _ = try? readLog(fd: fd, path: journalURL.path, kind: .journal, from: 0) { key, record in
                if let current = changes[key], !record.wins(over: current) { return }
                changes[key] = record
            }
        }
        let keys = changes.keys.sorted()
        let cutoff = now.rawValue - Self.pruneAge
        func keep(_ record: ReadRecord) -> Bool { record.isRead || record.changedAt.rawValue >= cutoff }
        let next = max(generation, journalGeneration) + 1

        let input = open(snapshotURL.path, O_RDONLY | O_CLOEXEC)
        defer { if input >= 0 { close(input) } }
        var sorted = true
        do {
            try durable.write(to: snapshotURL) { (emit) throws(StorageIOError) in
                var out = ReadLogCodec.headerLine(.snapshot, generation: next)
                out.reserveCapacity(1 << 20 + 256)
                var j = 0
                var last: UInt64?
                var failure: StorageIOError?
                func put(_ key: UInt64, _ record: ReadRecord) {
                    guard failure == nil else { return }
                    if keep(record) { ReadLogCodec.append(key, record, to: &out) }
                    if out.count >= 1 << 20 {
                        do { try emit(out) } catch { failure = error }
                        out.removeAll(keepingCapacity: true)
                    }
                }
                if input >= 0 {
                    _ = try? readLog(fd: input, path: snapshotURL.path, kind: .snapshot, from: 0) { key, record in
                        guard sorted, failure == nil else { return }
                        if let last, key <= last { sorted = false; return }
                        last = key
                        while j < keys.count && keys[j] < key { put(keys[j], changes[keys[j]]!); j += 1 }
                        if j < keys.count && keys[j] == key {
                            put(key, StateMerge.winner(record, changes[key]!))
                            j += 1
                        } else {
                            put(key, record)
                        }
                    }
                }
                guard sorted else { throw StorageIOError(message: "unsorted", code: -1) }
                while j < keys.count { put(keys[j], changes[keys[j]]!); j += 1 }
                if let failure { throw failure }
                try emit(out)
            }
        } catch where error.code == -1 {
            // A snapshot edited out of order: merge in memory instead (rare, not streamed).
            var table: [UInt64: ReadRecord] = [:]
            _ = try? readLog(fd: input, path: snapshotURL.path, kind: .snapshot, from: 0) { key, record in
                if let current = table[key], !record.wins(over: current) { return }
                table[key] = record
            }
            StateMerge.apply(changes, to: &table)
            var out = ReadLogCodec.headerLine(.snapshot, generation: next)
            for key in table.keys.sorted() where keep(table[key]!) { ReadLogCodec.append(key, table[key]!, to: &out) }
            try durable.write(out, to: snapshotURL)
        }
        generation = next
        snapshotIdentity = FileIdentity(path: snapshotURL.path)
        snapshotBytes = Int64(max(snapshotIdentity.size, 0))
        try startJournal()
        needsCompaction = false
    }

    /// Replaces the journal with an empty one of the current generation and opens it.
    private func startJournal() throws(StorageIOError) {
        let header = ReadLogCodec.headerLine(.journal, generation: generation)
        if fd >= 0 {
            closeJournal()
        } else if access(journalURL.path, F_OK) == 0 && !needsCompaction && journalGeneration >= generation {
            // A journal this instance could not open: never replace lines it has not read.
            throw StorageIOError("open", journalURL.path, code: EACCES)
        }
        try durable.write(header, to: journalURL)
        guard let opened = try openJournal() else { throw StorageIOError("open", journalURL.path, code: ENOENT) }
        fd = opened.fd
        journalInode = opened.inode
        journalGeneration = generation
        offset = Int64(header.count)
    }

    /// Opens the journal for reading and appending (read-only stores: for reading).
    private func openJournal() throws(StorageIOError) -> (fd: Int32, inode: ino_t)? {
        let fd: Int32
        if writable {
            guard let opened = try durable.fileSystem.openForAppend(journalURL.path) else { return nil }
            fd = opened
        } else {
            fd = open(journalURL.path, O_RDONLY | O_CLOEXEC)
            if fd < 0 {
                if errno == ENOENT { return nil }
                throw StorageIOError("read", journalURL.path, code: errno)
            }
        }
        var info = stat()
        fstat(fd, &info)
        return (fd, info.st_ino)
    }

    // MARK: Reading files in pieces

    /// Reads a whole log file into `table` (later records win by the merge rule); `nil` when
    /// the file does not exist.
    private func readLog(_ url: URL, kind: ReadLogKind, into table: inout [UInt64: ReadRecord]) throws -> ReadLog? {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw StorageIOError("read", url.path, code: errno)
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, table.isEmpty { table.reserveCapacity(Int(info.st_size) / 44) }
        return try readLog(fd: fd, path: url.path, kind: kind, from: 0) { key, record in
            // One hash lookup per record; a repeated id keeps the winner.
            if let old = table.updateValue(record, forKey: key), old.wins(over: record) { table[key] = old }
        }
    }

    /// Streams the records of an open log file from `start` (0: with its header; otherwise
    /// continuing a journal of generation `continuing`) in 4 MB pieces.
    private func readLog(
        fd: Int32, path: String, kind: ReadLogKind, from start: Int64, continuing: Int = 0,
        sink: (UInt64, ReadRecord) -> Void
    ) throws -> ReadLog {
        let chunk = 4 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        var filled = 0
        var position = start
        var decoder: ReadLogCodec.Decoder? =
            start == 0 ? nil : ReadLogCodec.Decoder(continuing: kind, generation: continuing, at: Int(start))
        while true {
            if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, $0.count - filled, off_t(position)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw StorageIOError("read", path, code: errno)
            }
            position += Int64(count)
            filled += count
            let final = count == 0
            var problem: StateFileProblem?
            let used: Int = buffer.withUnsafeBufferPointer { bytes in
                let available = UnsafeBufferPointer(rebasing: bytes[..<filled])
                var consumed = 0
                if decoder == nil {
                    guard available.contains(0x0A) || final else { return 0 }
                    do throws(StateFileProblem) {
                        decoder = try ReadLogCodec.Decoder(header: available, kind: kind, allowNewer: !writable)
                        consumed = decoder!.log.completeLength
                    } catch {
                        problem = error
                        return 0
                    }
                }
                return consumed + decoder!.feed(UnsafeBufferPointer(rebasing: available[consumed...]), final: final, sink: sink)
            }
            if let problem { throw problem }
            if used > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    let base = raw.baseAddress!
                    memmove(base, base + used, filled - used)
                }
                filled -= used
            }
            if final { break }
        }
        guard let decoder else { throw StateFileProblem.empty }
        return decoder.log
    }
}
