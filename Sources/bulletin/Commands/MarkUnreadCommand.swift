import ArgumentParser

/// `bulletin mark-unread ID|FILE`
struct MarkUnreadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark-unread",
        abstract: "Mark an article as unread.",
        discussion: "The change is recorded with its time, so that merging another copy of the state does not bring the read mark back.")

    @OptionGroup var reference: ArticleReferenceOptions
    @OptionGroup var state: StateOptions

    func run() throws { try ReadMark.set(read: false, reference, state) }
}
