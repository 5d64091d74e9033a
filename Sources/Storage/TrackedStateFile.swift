import Articles
import Foundation

/// One state file as the writer sees it: the table last read from or written to disk, the
/// exact bytes of that version (so an unchanged file is not parsed again), and whether the
/// file may be written at all. Used only on the store's writer queue (and during `init`).
final class TrackedStateFile<Codec: StateFileCodec> {
    typealias Record = Codec.Record

    let file: StateFile
    let url: URL
    let codec: Codec
    let durable: DurableFile
    /// Whether this session may write, move aside or otherwise change the file.
    let writable: Bool
    /// The table believed to be on disk.
    private(set) var known: [ArticleID: Record] = [:]
    /// The bytes of ``known`` on disk, `nil` when unknown or absent.
    private var knownBytes: Data?
    /// Why this file is never written in this session (newer version, corrupt file that could
    /// not be moved aside, unreadable file), or `nil`.
    private(set) var readOnlyReason: String?

    init(file: StateFile, folder: URL, codec: Codec, durable: DurableFile, writable: Bool) {
        self.file = file
        self.url = folder.appendingPathComponent(file.name)
        self.codec = codec
        self.durable = durable
        self.writable = writable
    }

    /// What a load or commit found out.
    struct Outcome {
        /// Records on disk that differ from what this process knew: changes by others.
        var incoming: [ArticleID: Record] = [:]
        /// One-line warnings for the user.
        var warnings: [String] = []
        /// A failed write; the changes are still only in memory.
        var error: String?
        /// Whether the given changes are still to be written (on error).
        var retry = false
    }

    /// Reads the file at startup (the caller holds the lock when it can).
    func load() -> Outcome {
        var outcome = Outcome()
        let data: Data?
        do {
            data = try DurableFile.contents(of: url)
        } catch {
            readOnlyReason = error.message
            outcome.warnings.append("\(error.message); \(file.contents) will not be saved")
            return outcome
        }
        guard let data else { return outcome }
        switch decodeOrRecover(data, into: &outcome) {
        case .decoded(let table):
            known = table
            knownBytes = data
        case .unusable:
            known = [:]
            knownBytes = nil
        }
        outcome.incoming = known
        return outcome
    }

    /// Re-reads the file (reporting other writers' changes as ``Outcome/incoming``), merges
    /// `changes` into it (latest wins per article) and writes it back durably when anything
    /// changed. The caller holds the folder lock.
    func commit(_ changes: [ArticleID: Record]) -> Outcome {
        var outcome = Outcome()
        guard writable, readOnlyReason == nil else { return outcome }
        let data: Data?
        do {
            data = try DurableFile.contents(of: url)
        } catch {
            outcome.error = error.message + "; changes kept in memory"
            outcome.retry = true
            return outcome
        }
        var base: [ArticleID: Record]
        var mustWrite = false
        if let data, data == knownBytes {
            base = known
            known = [:]  // keep one reference so merging below does not copy the table
        } else if let data {
            let decoded = decodeOrRecover(data, into: &outcome)
            if readOnlyReason != nil {  // a newer version appeared, or it could not be moved aside
                if case .decoded(let table) = decoded { outcome.incoming = table }
                return outcome
            }
            switch decoded {
            case .decoded(let table):
                for (id, record) in table where known[id] != record { outcome.incoming[id] = record }
                base = table
                known = [:]
            case .unusable:
                // Moved aside: start again from the last good state this process saw.
                base = known
                known = [:]
                mustWrite = true
            }
        } else {
            base = [:]  // deleted by someone (or never written): start from the changes
            known = [:]
        }
        let changed = StateMerge.apply(changes, to: &base)
        if changed.isEmpty && !mustWrite {
            known = base
            knownBytes = data
            return outcome
        }
        let bytes = codec.encode(base)
        do {
            try durable.write(bytes, to: url)
            known = base
            knownBytes = Data(bytes)
        } catch {
            known = base
            knownBytes = nil  // unknown: parse again next time
            outcome.error = error.message + "; changes kept in memory"
            outcome.retry = true
        }
        return outcome
    }

    private enum Decoded {
        case decoded([ArticleID: Record])
        case unusable
    }

    /// Decodes `data`; a corrupt file is moved aside, a newer one makes this file read-only.
    private func decodeOrRecover(_ data: Data, into outcome: inout Outcome) -> Decoded {
        do {
            return .decoded(try codec.decode(data, allowNewer: false))
        } catch .newerVersion(let version) {
            let problem = StateFileProblem.newerVersion(version)
            readOnlyReason = "\(url.path) \(problem)"
            outcome.warnings.append("\(url.path) \(problem); left untouched, \(file.contents) are read-only")
            if let table = try? codec.decode(data, allowNewer: true) { return .decoded(table) }
            return .unusable
        } catch {
            guard writable else {
                outcome.warnings.append("\(url.path) \(error); ignored it (nothing is changed in this read-only session)")
                return .unusable
            }
            do {
                let name = try DurableFile.moveAside(url, at: StateClock.now())
                outcome.warnings.append("\(url.path) \(error); moved it to \(name) and started with empty \(file.contents)")
            } catch let moveError {
                readOnlyReason = "\(url.path) \(error)"
                outcome.warnings.append("\(url.path) \(error) and \(moveError.message); using empty \(file.contents), not saving them")
            }
            return .unusable
        }
    }
}
