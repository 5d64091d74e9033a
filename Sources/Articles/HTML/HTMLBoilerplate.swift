/// The removals made before any scoring: what is never article text on any page.
///
/// Never-content elements (`head`, `script`, `style`, `noscript`, `template`, `iframe`,
/// `svg`, form controls…), `nav`, `aside` and `footer`, hidden elements (`hidden`,
/// `aria-hidden="true"`, `display:none`, `visibility:hidden`), and the first byline element
/// (its text is kept as a byline candidate).
enum HTMLBoilerplate {
    static func baseRemovals(_ tree: HTMLTree) -> (removed: [Bool], byline: String?) {
        var removed = [Bool](repeating: false, count: tree.nodes.count)
        var byline: String?
        var i = 0
        let nodes = tree.nodes
        while i < nodes.count {
            let node = nodes[i]
            guard node.tag != .text else { i += 1; continue }
            var remove = node.tag.isNeverContent
            switch node.tag {
            case .nav, .aside, .footer: remove = true
            default: break
            }
            if !remove, !node.attributes.isEmpty {
                if HTMLHints.isHidden(tree, i) {
                    remove = true
                } else if byline == nil, node.tag != .body, node.tag != .html,
                          HTMLHints.isByline(tree, i, key: HTMLHints.key(tree, i))
                {
                    let text = HTMLText.plain(tree, i, removed: removed, limit: 200)
                    if !text.isEmpty, CharacterSegmenter.count(text, limit: 100) < 100 {
                        byline = text
                        remove = true
                    }
                }
            }
            if remove {
                removed[i] = true
                i = tree.subtreeEnd(i)
            } else {
                i += 1
            }
        }
        return (removed, byline)
    }

    /// A page's own summary list outside `roots`: a list whose class or id names a summary,
    /// or one right after a `Key points`-style heading. Its items, or `nil`.
    static func summaryList(_ tree: HTMLTree, removed: [Bool], outside roots: [Int]) -> [String]? {
        let nodes = tree.nodes
        for i in nodes.indices where (nodes[i].tag == .ul || nodes[i].tag == .ol) && !removed[i] {
            if roots.contains(where: { tree.isInside(i, $0) }) { continue }
            var isSummary = HTMLArticleBuilder.isSummaryKey(HTMLHints.key(tree, i))
            if !isSummary {
                var previous = nodes[i].previousSibling
                while previous >= 0, nodes[previous].tag == .text,
                      !nodes[previous].text.contains(where: { !$0.isWhitespace })
                {
                    previous = nodes[previous].previousSibling
                }
                if previous >= 0, nodes[previous].tag != .text {
                    let text = HTMLText.plain(tree, previous, removed: removed, limit: 100)
                    isSummary = LineClassifier.headingRole(text) == .summary
                }
            }
            guard isSummary else { continue }
            if isRemovedAbove(tree, i, removed) { continue }
            var items: [String] = []
            var child = nodes[i].firstChild
            while child >= 0 {
                if nodes[child].tag == .li, !removed[child] {
                    let text = HTMLText.plain(tree, child, removed: removed, limit: 2000)
                    if !text.isEmpty { items.append(text) }
                }
                child = nodes[child].nextSibling
            }
            if (1...12).contains(items.count) { return items }
        }
        return nil
    }

    static func isRemovedAbove(_ tree: HTMLTree, _ index: Int, _ removed: [Bool]) -> Bool {
        var i = tree.nodes[index].parent
        while i >= 0 {
            if removed[i] { return true }
            i = tree.nodes[i].parent
        }
        return false
    }
}
