import Articles
import ReaderUI

/// Word wrap, display width and the cell sanitiser. The first byte chooses the width, the
/// rest is text (invalid UTF-8 repaired). Wrapped lines of sanitised text are never wider
/// than the width (except a single character wider than the whole line) and keep every
/// non-space scalar in order; raw text put on a ``Screen`` leaves only safe characters in
/// cells, wide characters with their continuation, and nothing past the limit.
enum WrapFuzzCheck {
    static func check(_ data: [UInt8]) throws {
        guard let first = data.first else { return }
        let width = Int(first % 100) + 1
        let raw = String(decoding: data.dropFirst(), as: UTF8.self)
        let text = TextSanitizer.sanitize(raw)

        let lines = WordWrap.lines(text, width: width)
        try FuzzInvariants.require(!lines.isEmpty, "no lines")
        for line in lines {
            try FuzzInvariants.require(!line.contains("\n"), "a wrapped line holds a newline")
            try requireFits(line, width: width, "wrapped line")
        }
        func visible(_ s: some StringProtocol) -> [Unicode.Scalar] {
            s.unicodeScalars.filter { $0 != " " && $0 != "\n" && $0 != "\t" }
        }
        try FuzzInvariants.require(visible(lines.joined()) == visible(text), "wrapping lost or reordered characters")

        let fitted = TextFit.truncate(text, to: width)
        try requireFits(fitted, width: width, "truncated text")

        var screen = Screen(width: width, height: 2)
        let limit = Int(data.count % 7 == 0 ? width : (data.count % width) + 1)
        let written = screen.put(raw, row: 0, column: 0, limit: limit)
        try FuzzInvariants.require(written <= limit, "put wrote \(written) columns past a limit of \(limit)")
        screen.put(raw, row: 1, column: width / 2)
        for r in 0..<2 {
            let cells = Array(screen.row(r))
            for (c, cell) in cells.enumerated() {
                try FuzzInvariants.require(!cell.character.unicodeScalars.contains(where: UnsafeCharacters.isUnsafe),
                                           "unsafe scalar in cell \(r),\(c): \(cell.character.debugDescription)")
                if cell.width == 2 {
                    try FuzzInvariants.require(c + 1 < cells.count && cells[c + 1].isContinuation,
                                               "wide cell \(r),\(c) without its continuation")
                }
                if cell.isContinuation {
                    try FuzzInvariants.require(c > 0 && cells[c - 1].width == 2, "continuation cell \(r),\(c) without a wide cell")
                }
            }
        }
    }

    /// Fails when `line` is wider than `width`, unless its only visible character is wider
    /// than the whole line (which is kept rather than dropped; zero-width characters may go
    /// with it). Widths are counted per character (grapheme cluster), as ``Screen`` places them.
    static func requireFits(_ line: String, width: Int, _ what: String) throws {
        let w = line.reduce(0) { $0 + DisplayWidth.of($1) }
        if w <= width { return }
        if line.filter({ DisplayWidth.of($0) > 0 }).count == 1 { return }
        throw FuzzFailure("\(what) is \(w) cells wide, more than \(width): \(line.debugDescription.prefix(200))")
    }
}
