/// Text measures of a subtree, summed from its text nodes and elements: what scoring and
/// conditional cleaning look at.
struct HTMLNodeStats {
    /// Characters of text, each run of whitespace counted once.
    var textLength: Int32 = 0
    /// Characters of text inside links.
    var linkLength: Int32 = 0
    /// Commas (`,` `，` `、`).
    var commas: Int32 = 0
    var paragraphs: Int32 = 0
    var images: Int32 = 0
    var listItems: Int32 = 0
    var inputs: Int32 = 0
    var embeds: Int32 = 0
    /// Characters of text inside headings.
    var headingLength: Int32 = 0
    /// Whether the subtree holds a block element (`p`, `div`, lists, tables, …).
    var hasBlock = false

    static func += (lhs: inout HTMLNodeStats, rhs: HTMLNodeStats) {
        lhs.textLength += rhs.textLength
        lhs.linkLength += rhs.linkLength
        lhs.commas += rhs.commas
        lhs.paragraphs += rhs.paragraphs
        lhs.images += rhs.images
        lhs.listItems += rhs.listItems
        lhs.inputs += rhs.inputs
        lhs.embeds += rhs.embeds
        lhs.headingLength += rhs.headingLength
    }

    static func -= (lhs: inout HTMLNodeStats, rhs: HTMLNodeStats) {
        lhs.textLength -= rhs.textLength
        lhs.linkLength -= rhs.linkLength
        lhs.commas -= rhs.commas
        lhs.paragraphs -= rhs.paragraphs
        lhs.images -= rhs.images
        lhs.listItems -= rhs.listItems
        lhs.inputs -= rhs.inputs
        lhs.embeds -= rhs.embeds
        lhs.headingLength -= rhs.headingLength
    }

    /// Share of the text that is link text (0 for no text).
    var linkDensity: Double { textLength > 0 ? Double(linkLength) / Double(textLength) : 0 }

    /// Measures of one text node.
    static func measure(_ text: String) -> (length: Int32, commas: Int32) {
        var text = text
        return text.withUTF8 { bytes in
            var length: Int32 = 0
            var commas: Int32 = 0
            var inSpace = true
            var k = 0
            let n = bytes.count
            while k < n {
                let b = bytes[k]
                if b <= 0x20 {
                    if !inSpace, b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C { length += 1; inSpace = true }
                } else if b < 0x80 {
                    length += 1
                    inSpace = false
                    if b == 0x2C { commas += 1 }
                } else if b & 0xC0 != 0x80 {
                    length += 1
                    inSpace = false
                    // U+FF0C fullwidth comma (EF BC 8C) and U+3001 ideographic comma (E3 80 81).
                    if k + 2 < n, (b == 0xEF && bytes[k + 1] == 0xBC && bytes[k + 2] == 0x8C)
                        || (b == 0xE3 && bytes[k + 1] == 0x80 && bytes[k + 2] == 0x81)
                    {
                        commas += 1
                    }
                }
                k += 1
            }
            if inSpace && length > 0 { length -= 1 }
            return (max(length, 0), commas)
        }
    }

    /// Stats of every node of `tree`, leaving out the subtrees marked in `removed`.
    static func compute(_ tree: HTMLTree, removed: [Bool]) -> [HTMLNodeStats] {
        var stats = [HTMLNodeStats](repeating: HTMLNodeStats(), count: tree.nodes.count)
        var inLink = [Bool](repeating: false, count: tree.nodes.count)
        var inHeading = [Bool](repeating: false, count: tree.nodes.count)
        var inRemoved = removed
        for i in tree.nodes.indices {
            let node = tree.nodes[i]
            let parent = node.parent
            if parent >= 0 {
                inLink[i] = inLink[parent] || node.tag == .a
                inHeading[i] = inHeading[parent] || node.tag.headingLevel != nil
                if inRemoved[parent] { inRemoved[i] = true }
            } else {
                inLink[i] = node.tag == .a
                inHeading[i] = node.tag.headingLevel != nil
            }
        }
        for i in tree.nodes.indices.reversed() {
            let node = tree.nodes[i]
            if inRemoved[i] { continue }  // removed text counts nowhere: no need to measure it
            if node.tag == .text {
                let m = measure(node.text)
                stats[i].textLength = m.length
                stats[i].commas = m.commas
                if inLink[i] {
                    // Links to the same page (`#…`) weigh less: they are often footnotes.
                    stats[i].linkLength = m.length
                }
                if inHeading[i] { stats[i].headingLength = m.length }
            } else {
                switch node.tag {
                case .p: stats[i].paragraphs += 1
                case .img: stats[i].images += 1
                case .li: stats[i].listItems += 1
                case .input, .textarea, .select, .button: stats[i].inputs += 1
                case .iframe, .object, .embed, .video, .audio: stats[i].embeds += 1
                default: break
                }
            }
            let parent = node.parent
            guard parent >= 0, !removed[i] else { continue }
            stats[parent] += stats[i]
            switch node.tag {
            case .blockquote, .dl, .div, .img, .ol, .p, .pre, .table, .ul, .section, .article, .figure,
                 .h1, .h2, .h3, .h4, .h5, .h6:
                stats[parent].hasBlock = true
            default:
                if stats[i].hasBlock { stats[parent].hasBlock = true }
            }
        }
        return stats
    }
}
