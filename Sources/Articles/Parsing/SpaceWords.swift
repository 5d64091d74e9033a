/// The words of a text between its spaces, found on its bytes: what
/// `text.split(separator: " ")` gives, without walking the text `Character` by `Character`.
///
/// Only for text whose scalars are all known to ``KnownLowercase``: none of them joins a
/// space into a larger `Character`, so there every `0x20` byte is a `" "` `Character` and
/// every other byte belongs to a word.
enum SpaceWords {
    /// The first `limit` words of `text.split(separator: " ")`, or `nil` when a scalar of the
    /// text is not known (the caller then splits by `Character`s).
    static func words(_ text: Substring, limit: Int = .max) -> [Substring]? {
        let utf8 = text.utf8
        let known = utf8.withContiguousStorageIfAvailable(KnownLowercase.isAllKnown)
            ?? KnownLowercase.isAllKnown(bytes: Array(utf8))
        guard known else { return nil }
        var words: [Substring] = []
        var i = utf8.startIndex
        let end = utf8.endIndex
        while i < end && words.count < limit {
            if utf8[i] == 0x20 {
                i = utf8.index(after: i)
                continue
            }
            let start = i
            while i < end && utf8[i] != 0x20 { i = utf8.index(after: i) }
            words.append(text[start..<i])
        }
        return words
    }
}
