import CLibXML2
import Foundation

/// An HTML page parsed by libxml2 and copied into a flat array of nodes in document order.
///
/// Parents come before their children, so one backwards pass over ``nodes`` visits every
/// child before its parent. The copy is made without recursion and caps the depth at
/// ``maximumDepth``: elements nested deeper are dropped and their text goes to the deepest
/// kept ancestor, so a page of 100,000 nested `div`s is read like a shallow one.
struct HTMLTree {
    /// One element or text node.
    struct Node {
        var tag: HTMLTag
        /// The lowercased element name (empty for text).
        var name: String
        /// The text of a text node (empty for elements).
        var text: String
        var attributes: [(name: String, value: String)]
        var parent: Int
        var firstChild = -1
        var lastChild = -1
        var nextSibling = -1
        var previousSibling = -1
    }

    /// Deepest element nesting kept.
    static let maximumDepth = 200

    var nodes: [Node] = []

    /// The value of an attribute of an element, if it has it.
    func attribute(_ name: String, of index: Int) -> String? {
        for attribute in nodes[index].attributes where attribute.name == name { return attribute.value }
        return nil
    }

    /// The index just past the last descendant of `index` (descendants are `index+1..<end`).
    func subtreeEnd(_ index: Int) -> Int {
        var j = index
        while j >= 0 {
            if nodes[j].nextSibling >= 0 { return nodes[j].nextSibling }
            j = nodes[j].parent
        }
        return nodes.count
    }

    /// Whether `ancestor` is `index` or one of its ancestors.
    func isInside(_ index: Int, _ ancestor: Int) -> Bool {
        var i = index
        while i >= 0 {
            if i == ancestor { return true }
            if i < ancestor { return false }
            i = nodes[i].parent
        }
        return false
    }

    /// The first node with this tag, in document order.
    func first(_ tag: HTMLTag) -> Int? { nodes.firstIndex { $0.tag == tag } }

    // MARK: Building

    /// Parses UTF-8 bytes with libxml2's HTML parser in recovery mode, without network
    /// access and ignoring the page's own encoding declaration (the bytes are UTF-8 already).
    static func parse(_ bytes: [UInt8]) -> HTMLTree {
        guard !bytes.isEmpty, bytes.count <= Int(Int32.max) else { return HTMLTree() }
        LibXML.initialize()
        LibXML.silenceErrors()
        var options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        options |= HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue
        options |= HTML_PARSE_IGNORE_ENC.rawValue
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { base in
                htmlReadMemory(base, Int32(buffer.count), nil, "UTF-8", Int32(options))
            }
        }
        guard let doc else { return HTMLTree() }
        defer { xmlFreeDoc(doc) }
        var tree = HTMLTree()
        tree.nodes.reserveCapacity(bytes.count / 40)
        tree.copy(from: xmlDocGetRootElement(doc))
        return tree
    }

    /// Copies libxml2's tree under `root` without recursion.
    mutating func copy(from root: xmlNodePtr?) {
        guard let root else { return }
        // `parents.last` is the kept node that takes the children of the current libxml element.
        var parents: [Int] = [-1]
        var keptDepth = 0
        var node: xmlNodePtr? = root
        walk: while let current = node {
            let parent = parents[parents.count - 1]
            var created = -1
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                if keptDepth < HTMLTree.maximumDepth {
                    let name = current.pointee.name.map { String(cString: $0) } ?? ""
                    created = append(Node(tag: HTMLTag.named(name), name: name, text: "",
                                          attributes: Self.attributes(of: current), parent: parent))
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content, content.pointee != 0 {
                    append(Node(tag: .text, name: "", text: String(cString: content), attributes: [], parent: parent))
                }
            default:
                break
            }
            if current.pointee.type == XML_ELEMENT_NODE, let child = current.pointee.children {
                parents.append(created >= 0 ? created : parent)
                if created >= 0 { keptDepth += 1 }
                node = child
                continue
            }
            var up = current
            while true {
                if up == root { break walk }
                if let next = up.pointee.next {
                    node = next
                    continue walk
                }
                let popped = parents.removeLast()
                if popped != parents[parents.count - 1] { keptDepth -= 1 }
                guard let parentNode = up.pointee.parent else { break walk }
                up = parentNode
            }
        }
    }

    @discardableResult
    mutating func append(_ node: Node) -> Int {
        let index = nodes.count
        let parent = node.parent
        nodes.append(node)
        if parent >= 0 {
            let last = nodes[parent].lastChild
            if last >= 0 {
                nodes[last].nextSibling = index
                nodes[index].previousSibling = last
            } else {
                nodes[parent].firstChild = index
            }
            nodes[parent].lastChild = index
        }
        return index
    }

    static func attributes(of node: xmlNodePtr) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        while let a = attribute {
            if let namePointer = a.pointee.name {
                let name = String(cString: namePointer)
                var value = ""
                var child = a.pointee.children
                while let c = child {
                    if let content = c.pointee.content { value += String(cString: content) }
                    child = c.pointee.next
                }
                result.append((name.lowercased(), value))
            }
            attribute = a.pointee.next
        }
        return result
    }
}

/// One-time libxml2 set-up (thread-safe use from several threads needs it).
enum LibXML {
    private static let once: Void = { xmlInitParser() }()
    static func initialize() { _ = once }

    /// Sends libxml2's error reports on this thread nowhere (its handlers are per thread):
    /// a broken page is recovered from, not reported on stderr.
    static func silenceErrors() {
        xmlSetStructuredErrorFunc(nil) { _, _ in }
    }
}
