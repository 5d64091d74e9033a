/// Where the reader stopped in an article: the index of the first visible rendered block
/// (title, summary, heading or paragraph) and the wrapped line within it.
public struct ReadingPosition: Codable, Hashable, Sendable {
    /// Index of the block at the top of the view.
    public var block: Int
    /// Wrapped line within that block.
    public var line: Int

    /// Creates a position.
    public init(block: Int, line: Int) {
        self.block = block
        self.line = line
    }
}

extension ReadingPosition: Comparable {
    /// Orders positions by block, then line (used only to break merge ties deterministically).
    public static func < (lhs: ReadingPosition, rhs: ReadingPosition) -> Bool {
        (lhs.block, lhs.line) < (rhs.block, rhs.line)
    }
}
