/// The removals made before any scoring: what is never article text on any page.
///
/// Never-content elements (`head`, `script`, `style`, `noscript`, `template`, `iframe`,
/// `svg`, form controls…), `nav`, `aside` and `footer`, hidden elements (`hidden`,
/// `aria-hidden="true"`, `display:none`, `visibility:hidden`), and the first byline element
/// (its text is kept as a byline candidate).
enum HTMLBoilerplate {
    static func baseRemovals(_ tree: HTMLTree) -> (removed: [Bool], byline: String?) {
        var removed = [Bool](repeating: false, count: tree.nodes.count)
        let nodes = tree.nodes
        var i = 0
        while i < nodes.count {
            let node = nodes[i]
            guard node.tag != .text else { i += 1; continue }
            var remove = node.tag.isNeverContent
            switch node.tag {
            case .nav, .aside, .footer: remove = true
            default: break
            }
            if !remove, !node.attributes.isEmpty, HTMLHints.isHidden(tree, i) { remove = true }
            if remove {
                removed[i] = true
                i = tree.subtreeEnd(i)
            } else {
                i += 1
            }
        }
        // The first byline element in the page, wherever it is (a blog's aside or footer
        // holds it as often as the article does); never a hidden or never-content one.
        var byline: String?
        i = 0
        while i < nodes.count {
            let node = nodes[i]
            if node.tag == .text { i += 1; continue }
            if node.tag.isNeverContent || (!node.attributes.isEmpty && HTMLHints.isHidden(tree, i)) {
                i = tree.subtreeEnd(i)
                continue
            }
            if !node.attributes.isEmpty, node.tag != .body, node.tag != .html,
               HTMLHints.isByline(tree, i, key: HTMLHints.key(tree, i))
            {
                let text = HTMLText.plain(tree, i, removed: removed, limit: 200)
                if !text.isEmpty, CharacterSegmenter.count(text, limit: 100) < 100, !isDateOnly(text) {
                    byline = nameInside(tree, i, removed: removed) ?? text
                    removed[i] = true
                    break
                }
            }
            i += 1
        }
        return (removed, byline)
    }

    /// The text of an `itemprop="name"` element inside a byline element (the name without
    /// the topic, date and handle around it), if there is one.
    static func nameInside(_ tree: HTMLTree, _ index: Int, removed: [Bool]) -> String? {
        let end = tree.subtreeEnd(index)
        for k in (index + 1)..<end where tree.nodes[k].tag != .text {
            guard let itemprop = tree.attribute("itemprop", of: k),
                  itemprop.lowercased().split(separator: " ").contains("name")
            else { continue }
            let text = HTMLText.plain(tree, k, removed: removed, limit: 200)
            if !text.isEmpty { return text }
        }
        return nil
    }

    /// Whether a would-be byline is only a date ("Sunday, Feb 1, 2015 11:57 AM UTC"): a
    /// dateline element with a byline class, not a name.
    static func isDateOnly(_ text: String) -> Bool {
        if case .byline = LineClassifier.classify(text) { return false }
        return DateLineParser.parse(text) != nil || HTMLDate.parse(text) != nil
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
