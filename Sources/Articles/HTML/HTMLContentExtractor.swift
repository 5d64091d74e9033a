/// Finds the main content of a page: scores text blocks, picks the best container and the
/// siblings that belong with it, and removes boilerplate left inside.
///
/// Scoring follows the approach of Mozilla's Readability: every paragraph-like block of 25
/// characters or more gives its parent a score for its length and commas, its grandparent
/// half of it and older ancestors less; `class`/`id` hints and the tag set a starting score;
/// each score is cut by the link density. When the result is short, extraction runs again
/// with fewer removals (unlikely elements kept, then hints ignored, then no cleaning).
struct HTMLContentExtractor {
    /// The content: the chosen nodes in document order, and the removals inside them.
    struct Result {
        var roots: [Int]
        var removed: [Bool]
        var textLength: Int
    }

    let tree: HTMLTree
    /// Removals that hold in every attempt: never-content elements, hidden ones, navigation.
    var baseRemoved: [Bool]
    let keys: [String]

    init(tree: HTMLTree, baseRemoved: [Bool]) {
        self.tree = tree
        self.baseRemoved = baseRemoved
        var keys = [String](repeating: "", count: tree.nodes.count)
        for i in tree.nodes.indices where tree.nodes[i].tag != .text && !tree.nodes[i].attributes.isEmpty {
            keys[i] = HTMLHints.key(tree, i)
        }
        self.keys = keys
    }

    struct Flags {
        var stripUnlikely = true
        var weightClasses = true
        var cleanConditionally = true
    }

    /// The best content over up to four attempts.
    func extract() -> Result? {
        var best: Result?
        for flags in [
            Flags(), Flags(stripUnlikely: false), Flags(stripUnlikely: false, weightClasses: false),
            Flags(stripUnlikely: false, weightClasses: false, cleanConditionally: false),
        ] {
            guard let result = attempt(flags) else { continue }
            if result.textLength >= 500 { return result }
            if best == nil || result.textLength > best!.textLength { best = result }
        }
        return best
    }

    func attempt(_ flags: Flags) -> Result? {
        let nodes = tree.nodes
        guard let body = tree.first(.body) ?? (nodes.isEmpty ? nil : 0) else { return nil }
        var removed = baseRemoved
        if flags.stripUnlikely {
            for i in nodes.indices where nodes[i].tag != .text && !removed[i] {
                switch nodes[i].tag {
                case .html, .body, .a, .article, .main, .table, .tbody, .thead, .tr, .td, .th, .li, .code, .pre: continue
                default: break
                }
                if HTMLHints.isUnlikely(tree, i, key: keys[i]) && !isInside(i, tags: [.table, .code]) {
                    removed[i] = true
                }
            }
        }
        var stats = HTMLNodeStats.compute(tree, removed: removed)
        var scores = [Double](repeating: 0, count: nodes.count)
        var scored = [Bool](repeating: false, count: nodes.count)

        func initialize(_ i: Int) {
            guard !scored[i] else { return }
            scored[i] = true
            var score: Double
            switch nodes[i].tag {
            case .div: score = 5
            case .pre, .td, .blockquote: score = 3
            case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: score = -3
            case .h1, .h2, .h3, .h4, .h5, .h6, .th: score = -5
            default: score = 0
            }
            if flags.weightClasses { score += HTMLHints.weight(tree, i) }
            scores[i] = score
        }

        func credit(_ block: Int, length: Int32, commas: Int32, to firstAncestor: Int) {
            guard length >= 25 else { return }
            let points = 1 + Double(commas + 1) + min(Double(length / 100), 3)
            var ancestor = firstAncestor
            var level = 0
            while ancestor >= 0, level < 5 {
                let parent = nodes[ancestor].parent
                if parent < 0 { break }  // the root element takes no score
                if !removed[ancestor] {
                    initialize(ancestor)
                    let divider: Double = level == 0 ? 1 : level == 1 ? 2 : Double(level * 3)
                    scores[ancestor] += points / divider
                }
                ancestor = parent
                level += 1
            }
        }

        // Score paragraph-like blocks; skip removed subtrees by jumping past them.
        var i = body
        let end = tree.subtreeEnd(body)
        while i < end {
            if removed[i] {
                i = tree.subtreeEnd(i)
                continue
            }
            let node = nodes[i]
            switch node.tag {
            case .p, .pre, .td, .section, .h2, .h3, .h4, .h5, .h6:
                credit(i, length: stats[i].textLength, commas: stats[i].commas, to: node.parent)
            case .div:
                if !stats[i].hasBlock {
                    credit(i, length: stats[i].textLength, commas: stats[i].commas, to: node.parent)
                } else {
                    // Loose text beside the blocks of a div reads as a paragraph of that div.
                    var length: Int32 = 0, commas: Int32 = 0
                    var child = node.firstChild
                    while child >= 0 {
                        let c = nodes[child]
                        if !removed[child], c.tag == .text || c.tag == .a || c.tag == .span || c.tag == .other {
                            if !stats[child].hasBlock {
                                length += stats[child].textLength
                                commas += stats[child].commas
                            }
                        }
                        child = c.nextSibling
                    }
                    credit(i, length: length, commas: commas, to: i)
                }
            default:
                break
            }
            i += 1
        }

        // Cut every score by its link density and pick the best.
        var top = -1
        var topScores: [Int] = []
        for i in nodes.indices where scored[i] {
            scores[i] *= 1 - stats[i].linkDensity
            if top < 0 || scores[i] > scores[top] { top = i }
        }
        for i in nodes.indices where scored[i] && i != top && scores[i] >= scores[max(top, 0)] * 0.75 {
            topScores.append(i)
        }
        if topScores.count > 5 { topScores = Array(topScores.sorted { scores[$0] > scores[$1] }.prefix(5)) }

        if top < 0 || nodes[top].tag == .body || nodes[top].tag == .html {
            top = body
        } else {
            // Several close candidates in one container: take the container.
            if topScores.count >= 3 {
                var parent = nodes[top].parent
                while parent >= 0, parent != body {
                    let containing = topScores.filter { tree.isInside($0, parent) }.count
                    if containing >= 3 {
                        top = parent
                        break
                    }
                    parent = nodes[parent].parent
                }
            }
            initialize(top)
            // Climb while the parent scores about as well.
            var lastScore = scores[top]
            let threshold = lastScore / 3
            var parent = nodes[top].parent
            while parent >= 0, parent != body, nodes[parent].tag != .html {
                if !scored[parent] {
                    parent = nodes[parent].parent
                    continue
                }
                let parentScore = scores[parent]
                if parentScore < threshold { break }
                if parentScore > lastScore {
                    top = parent
                    break
                }
                lastScore = parentScore
                parent = nodes[parent].parent
            }
            // An only child gives way to its parent.
            parent = nodes[top].parent
            while parent >= 0, parent != body, nodes[parent].tag != .html,
                  liveChildElements(parent, removed: removed) == 1
            {
                top = parent
                parent = nodes[top].parent
            }
            initialize(top)
        }

        var roots: [Int] = [top]
        if top != body, let parent = Optional(nodes[top].parent), parent >= 0 {
            roots = []
            let threshold = max(10, scores[top] * 0.2)
            let topClass = tree.attribute("class", of: top) ?? ""
            var sibling = nodes[parent].firstChild
            while sibling >= 0 {
                defer { sibling = nodes[sibling].nextSibling }
                if removed[sibling] { continue }
                if sibling == top {
                    roots.append(sibling)
                    continue
                }
                guard nodes[sibling].tag != .text else { continue }
                var bonus = 0.0
                if !topClass.isEmpty, tree.attribute("class", of: sibling) == topClass { bonus = scores[top] * 0.2 }
                if scored[sibling], scores[sibling] + bonus >= threshold {
                    roots.append(sibling)
                } else if nodes[sibling].tag == .p {
                    let s = stats[sibling]
                    if s.textLength > 80 && s.linkDensity < 0.25 {
                        roots.append(sibling)
                    } else if s.textLength > 0 && s.textLength < 80 && s.linkLength == 0 && endsSentence(sibling) {
                        roots.append(sibling)
                    }
                }
            }
        }

        if flags.cleanConditionally {
            for root in roots { clean(root, removed: &removed, stats: &stats, scores: scores, flags: flags) }
        }
        var length = 0
        for root in roots where !removed[root] { length += Int(stats[root].textLength) }
        return Result(roots: roots, removed: removed, textLength: length)
    }

    /// Removes boilerplate inside a content root, deepest elements first.
    func clean(_ root: Int, removed: inout [Bool], stats: inout [HTMLNodeStats], scores: [Double], flags: Flags) {
        let nodes = tree.nodes
        let end = tree.subtreeEnd(root)
        var i = end - 1
        while i > root {
            defer { i -= 1 }
            let node = nodes[i]
            guard node.tag != .text, !removed[i], !isRemoved(i, removed: removed, below: root) else { continue }
            var remove = false
            switch node.tag {
            case .h1, .h2, .h3, .h4, .h5, .h6:
                remove = flags.weightClasses && HTMLHints.weight(tree, i) < 0
            case .form, .fieldset, .table, .ul, .ol, .div, .section, .header, .figure:
                remove = shouldRemoveConditionally(i, stats: stats[i], score: scores[i], flags: flags)
            default:
                break
            }
            if !remove, !keys[i].isEmpty, stats[i].textLength < 500,
               HTMLHints.containsAny(keys[i], ["share", "social", "newsletter", "subscribe", "signup"])
                && !HTMLHints.containsAny(keys[i], HTMLHints.maybeContent)
            {
                remove = true
            }
            if remove {
                removed[i] = true
                let gone = stats[i]
                var ancestor = node.parent
                while ancestor >= 0 {
                    stats[ancestor] -= gone
                    ancestor = nodes[ancestor].parent
                }
            }
        }
    }

    func shouldRemoveConditionally(_ i: Int, stats s: HTMLNodeStats, score: Double, flags: Flags) -> Bool {
        let tag = tree.nodes[i].tag
        if tag == .table, isDataTable(i) { return false }
        if isInside(tree.nodes[i].parent, tags: [.code, .pre]) { return false }
        let weight = flags.weightClasses ? HTMLHints.weight(tree, i) : 0
        if weight + score < 0 { return true }
        guard s.commas < 10 else { return false }
        let isList = tag == .ul || tag == .ol
        let p = Double(s.paragraphs), img = Double(s.images)
        let li = Double(s.listItems) - 100
        let headingDensity = s.textLength > 0 ? Double(s.headingLength) / Double(s.textLength) : 0
        let inFigure = isInside(i, tags: [.figure])
        if img > 1 && p / img < 0.5 && !inFigure { return true }
        if !isList && li > p { return true }
        if Double(s.inputs) > (p / 3).rounded(.down) { return true }
        if !isList && headingDensity < 0.9 && s.textLength < 25 && (img == 0 || img > 2) && !inFigure { return true }
        if !isList && weight < 25 && s.linkDensity > 0.2 { return true }
        if isList && s.linkDensity > 0.9 { return true }  // a list of links only: navigation or "most read"
        if weight >= 25 && s.linkDensity > 0.5 { return true }
        if (s.embeds == 1 && s.textLength < 75) || s.embeds > 1 { return true }
        return false
    }

    /// A table of data (a caption, header cells or a summary), not one for layout.
    func isDataTable(_ i: Int) -> Bool {
        if let role = tree.attribute("role", of: i), role == "presentation" { return false }
        if tree.attribute("summary", of: i) != nil { return true }
        let end = tree.subtreeEnd(i)
        var rows = 0
        for k in (i + 1)..<end {
            switch tree.nodes[k].tag {
            case .caption, .th, .thead, .tfoot: return true
            case .table: return false
            case .tr: rows += 1
            default: break
            }
        }
        return rows >= 2 && rows <= 200
    }

    func isInside(_ index: Int, tags: Set<HTMLTag>) -> Bool {
        var i = index
        while i >= 0 {
            if tags.contains(tree.nodes[i].tag) { return true }
            i = tree.nodes[i].parent
        }
        return false
    }

    func isRemoved(_ index: Int, removed: [Bool], below root: Int) -> Bool {
        var i = tree.nodes[index].parent
        while i > root {
            if removed[i] { return true }
            i = tree.nodes[i].parent
        }
        return false
    }

    func liveChildElements(_ index: Int, removed: [Bool]) -> Int {
        var count = 0
        var child = tree.nodes[index].firstChild
        while child >= 0 {
            if !removed[child] {
                if tree.nodes[child].tag != .text { count += 1 }
                else if tree.nodes[child].text.contains(where: { !$0.isWhitespace }) { return 2 }
            }
            child = tree.nodes[child].nextSibling
        }
        return count
    }

    /// Whether the text of a short paragraph ends a sentence (`.` at the end or before a space).
    func endsSentence(_ index: Int) -> Bool {
        let text = HTMLText.plain(tree, index, removed: baseRemoved)
        return text.hasSuffix(".") || FastText.contains(text, ". ")
    }
}
