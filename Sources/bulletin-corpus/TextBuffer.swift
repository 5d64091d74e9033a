/// A growing UTF-8 byte buffer: appending pre-encoded words is much faster than building
/// `String`s, which is what lets the generator write 100,000 articles in seconds.
struct TextBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    /// Empties the buffer, keeping its storage for the next article.
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    mutating func append(_ word: Word) { bytes.append(contentsOf: word.bytes) }
    mutating func append(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }
    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    /// Appends `word` with its first letter in upper case.
    mutating func appendCapitalized(_ word: Word) { bytes.append(contentsOf: word.capitalized) }

    /// Ends the current line.
    mutating func newline() { bytes.append(0x0A) }

    /// Ends the current block: a line break and one blank line.
    mutating func endBlock() {
        bytes.append(0x0A)
        bytes.append(0x0A)
    }

    mutating func space() { bytes.append(0x20) }
}

/// A word encoded once as UTF-8, plain and capitalized.
struct Word: Sendable {
    let bytes: [UInt8]
    let capitalized: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
        capitalized = Array((text.prefix(1).uppercased() + text.dropFirst()).utf8)
    }
}
