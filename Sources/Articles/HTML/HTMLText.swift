/// The text of a subtree, and the cleanup every string taken from a page goes through.
enum HTMLText {
    /// The text under `index` with whitespace collapsed, leaving out removed subtrees and
    /// never-content elements; cleaned (see ``clean(_:)``).
    static func plain(_ tree: HTMLTree, _ index: Int, removed: [Bool]? = nil, limit: Int = 100_000) -> String {
        var bytes: [UInt8] = []
        let end = tree.subtreeEnd(index)
        var i = index
        while i < end, bytes.count < limit {
            let node = tree.nodes[i]
            if let removed, removed[i] || (i != index && node.tag.isNeverContent) {
                i = tree.subtreeEnd(i)
                continue
            }
            if node.tag == .text {
                bytes.append(contentsOf: node.text.utf8)
            } else if node.tag == .br || (node.tag.isBlock && i != index) {
                bytes.append(0x20)
            }
            i += 1
        }
        return clean(bytes[...])
    }

    /// One clean line: control characters, escape sequences and bidi controls removed (the
    /// text parser's ``TextSanitizer``), whitespace collapsed (``WhitespaceNormalizer``).
    /// Entities were decoded by libxml2; Markdown markers are left alone, as HTML text is not Markdown.
    static func clean(_ bytes: ArraySlice<UInt8>) -> String {
        var work = Array(bytes)
        // Newlines and tabs are spaces in HTML text.
        for k in work.indices where work[k] == 0x0A || work[k] == 0x0D || work[k] == 0x09 || work[k] == 0x0C {
            work[k] = 0x20
        }
        if TextSanitizer.needsSanitizing(work[...]) { work = TextSanitizer.sanitize(work[...]) }
        // U+2028/2029 became newlines in the sanitizer.
        for k in work.indices where work[k] == 0x0A { work[k] = 0x20 }
        return WhitespaceNormalizer.normalizedString(work[...], typography: { .standard })
    }

    /// As ``clean(_:)-swift.type.method`` for a string.
    static func clean(_ text: String) -> String {
        clean(Array(text.utf8)[...])
    }
}
