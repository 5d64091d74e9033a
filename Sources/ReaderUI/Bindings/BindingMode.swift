/// Where a key binding works. The reader is in exactly one of these at a time, except that
/// `find` is a layer over `article`: while a find is active its keys come first, then the
/// article's.
public enum BindingMode: String, CaseIterable, Hashable, Sendable {
    /// The article list.
    case list
    /// The article view.
    case article
    /// The article view while a find is active (after `/` and Enter).
    case find
    /// The summary (triage) view.
    case summary
    /// Typing a list search or an article find: printable characters are always typed.
    case prompt
    /// The help overlay: keys bound here act, any other key closes it.
    case help

    /// The modes to look a key up in for `state`, first match wins.
    static func layers(for state: ReaderState) -> [BindingMode] {
        if state.isEditingQuery || state.open?.find?.isEditing == true, state.mode != .summary { return [.prompt] }
        if state.showHelp { return [.help] }
        switch state.mode {
        case .list: return [.list]
        case .article: return state.open?.find != nil ? [.find, .article] : [.article]
        case .summary: return [.summary]
        }
    }
}

/// A status-bar hint: where it sits among the mode's hints and what it says after the key.
public struct StatusHint: Hashable, Sendable {
    /// Position among the hints of one mode (lower first).
    public var rank: Int
    /// The word after the key, e.g. "read" in "Enter read".
    public var label: String
    /// Another action whose first key is shown after a slash ("n/p next/prev").
    public var pairedWith: String?

    /// Creates a hint.
    public init(_ rank: Int, _ label: String, pairedWith: String? = nil) {
        self.rank = rank
        self.label = label
        self.pairedWith = pairedWith
    }
}
