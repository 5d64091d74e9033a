/// One block of text taken from the content: a paragraph, a heading, a list item, a line
/// of preformatted text, a table row or a caption.
struct HTMLBlock: Equatable {
    enum Kind: Equatable {
        case paragraph
        case heading(level: Int)
        /// A list item; `marker` is `•` or the item's number with a dot.
        case item(marker: String)
        case preformatted
        case row
        case caption
    }

    var kind: Kind
    var text: String
    /// The block opens a list whose class or id marks it as the page's summary.
    var opensSummaryList = false
}

/// Writes the text of content subtrees as ``HTMLBlock``s, without recursion.
///
/// `h1`–`h6` give headings; `p`, `div` and other block elements give paragraphs; `li` gives
/// list items (numbered in `ol`); `pre` keeps its line breaks, one block a line; a table
/// of data gives one row block a `tr` (cells joined by ` | `), a layout table is read as
/// paragraphs; `figcaption` gives a caption; `br` breaks a paragraph.
struct HTMLBlockWriter {
    let tree: HTMLTree
    let removed: [Bool]
    var blocks: [HTMLBlock] = []

    private var buffer: [UInt8] = []
    private var headingLevel: Int?
    private var itemMarker: String?
    private var lists: [(ordered: Bool, next: Int, summary: Bool)] = []
    private var preDepth = 0
    private var rowDepth = 0
    private var dataTables = 0
    private var captionDepth = 0
    /// Elements read as captions because of their class (see ``isCaptionLike(_:)``).
    private var captionElements: [Int] = []
    private var pendingSummary = false

    init(tree: HTMLTree, removed: [Bool]) {
        self.tree = tree
        self.removed = removed
    }

    /// The blocks of every root, in order.
    static func blocks(_ tree: HTMLTree, roots: [Int], removed: [Bool]) -> [HTMLBlock] {
        var writer = HTMLBlockWriter(tree: tree, removed: removed)
        for root in roots where !removed[root] { writer.write(root) }
        return writer.blocks
    }

    mutating func write(_ root: Int) {
        let nodes = tree.nodes
        let rootEnd = tree.subtreeEnd(root)
        var open: [(index: Int, end: Int)] = []
        var i = root
        while i < rootEnd {
            while let top = open.last, i >= top.end {
                exit(top.index)
                open.removeLast()
            }
            let node = nodes[i]
            if removed[i] || node.tag.isNeverContent {
                i = tree.subtreeEnd(i)
                continue
            }
            if node.tag == .text {
                append(node.text)
            } else {
                enter(i)
                open.append((i, tree.subtreeEnd(i)))
            }
            i += 1
        }
        while let top = open.popLast() { exit(top.index) }
        flush()
    }

    mutating func append(_ text: String) {
        if preDepth > 0 {
            buffer.append(contentsOf: text.utf8)
        } else {
            for b in text.utf8 { buffer.append(b == 0x0A || b == 0x0D || b == 0x09 ? 0x20 : b) }
        }
    }

    mutating func enter(_ i: Int) {
        let tag = tree.nodes[i].tag
        if rowDepth > 0 && dataTables > 0 {
            switch tag {
            case .td, .th:
                if buffer.contains(where: { $0 != 0x20 }) { buffer.append(contentsOf: Array(" | ".utf8)) }
                return
            case .br, .p, .div, .li:
                buffer.append(0x20)
                return
            case .table:
                break
            default:
                return
            }
        }
        switch tag {
        case .br:
            if preDepth > 0 { buffer.append(0x0A) } else { flush() }
            return
        default:
            break
        }
        if tag.isBlock { flush() }
        switch tag {
        case .h1, .h2, .h3, .h4, .h5, .h6:
            headingLevel = tag.headingLevel
        case .ul, .ol, .menu:
            var start = 1
            if tag == .ol, let value = tree.attribute("start", of: i), let n = Int(value), n >= 0, n < 100_000 { start = n }
            let key = HTMLHints.key(tree, i)
            let summary = HTMLArticleBuilder.isSummaryKey(key)
            lists.append((tag == .ol, start, summary))
            if summary { pendingSummary = true }
        case .li:
            if let list = lists.last {
                itemMarker = list.ordered ? "\(list.next)." : "•"
                lists[lists.count - 1].next += 1
            } else {
                itemMarker = "•"
            }
        case .pre:
            preDepth += 1
        case .table:
            if isDataTable(i) { dataTables += 1 }
        case .tr:
            if dataTables > 0 { rowDepth += 1 }
        case .figcaption:
            captionDepth += 1
        default:
            if isCaptionLike(i) {
                flush()
                captionElements.append(i)
                captionDepth += 1
            }
        }
    }

    /// A small element whose class or id says caption or credit (`wp-caption-text`,
    /// `image-credit`): read like a `figcaption`.
    func isCaptionLike(_ i: Int) -> Bool {
        guard tree.nodes[i].tag != .figcaption, !tree.nodes[i].attributes.isEmpty else { return false }
        let key = HTMLHints.key(tree, i)
        guard FastText.contains(key, "caption") || FastText.contains(key, "credit") else { return false }
        return HTMLText.plain(tree, i, removed: removed, limit: 600).utf8.count <= 500
    }

    mutating func exit(_ i: Int) {
        let tag = tree.nodes[i].tag
        if rowDepth > 0 && dataTables > 0 && tag != .tr && tag != .table { return }
        if tag.isBlock && tag != .br { flush() }
        switch tag {
        case .h1, .h2, .h3, .h4, .h5, .h6: headingLevel = nil
        case .ul, .ol, .menu: _ = lists.popLast()
        case .li: itemMarker = nil
        case .pre: preDepth = max(0, preDepth - 1)
        case .table:
            if isDataTable(i) { dataTables = max(0, dataTables - 1) }
        case .tr:
            if dataTables > 0 { rowDepth = max(0, rowDepth - 1) }
        case .figcaption: captionDepth = max(0, captionDepth - 1)
        default:
            if captionElements.last == i {
                flush()
                captionElements.removeLast()
                captionDepth = max(0, captionDepth - 1)
            }
        }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        if preDepth > 0 {
            var start = 0
            for k in 0...buffer.count where k == buffer.count || buffer[k] == 0x0A {
                let line = HTMLText.clean(buffer[start..<k])
                if !line.isEmpty { emit(HTMLBlock(kind: .preformatted, text: line)) }
                start = k + 1
            }
            return
        }
        let text = HTMLText.clean(buffer[...])
        guard !text.isEmpty else { return }
        let kind: HTMLBlock.Kind
        if captionDepth > 0 {
            kind = .caption
        } else if rowDepth > 0 && dataTables > 0 {
            kind = .row
        } else if let headingLevel {
            kind = .heading(level: headingLevel)
        } else if let marker = itemMarker {
            kind = .item(marker: marker)
            itemMarker = nil  // further blocks of the same item are paragraphs
        } else {
            kind = .paragraph
        }
        var block = HTMLBlock(kind: kind, text: text)
        if pendingSummary, case .item = kind {
            block.opensSummaryList = true
            pendingSummary = false
        }
        emit(block)
    }

    mutating func emit(_ block: HTMLBlock) { blocks.append(block) }

    /// A table whose cells hold no paragraphs, lists or tables of their own.
    func isDataTable(_ i: Int) -> Bool {
        let end = tree.subtreeEnd(i)
        var k = i + 1
        while k < end {
            switch tree.nodes[k].tag {
            case .table, .p, .div, .ul, .ol, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote, .pre:
                if !removed[k] { return false }
                k = tree.subtreeEnd(k)
                continue
            default:
                k += 1
            }
        }
        return true
    }
}
