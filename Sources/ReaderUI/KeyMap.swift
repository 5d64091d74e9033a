/// Which action a key means in the current state.
///
/// In the article view, `n`/`N` jump between find matches while a find is active;
/// otherwise `n`/`p` (and always `J`/`K`) go to the next/previous article and `N` to the
/// next unread one.
public enum KeyMap {
    /// The action for `key` in `state`, or `nil` when the key does nothing there.
    public static func action(for key: Key, in state: ReaderState) -> Action? {
        if state.isEditingQuery || state.open?.find?.isEditing == true, state.mode != .summary {
            return promptAction(key)
        }
        if state.showHelp {
            switch key {
            case .character("Q"): return .quit
            default: return .toggleHelp
            }
        }
        if let common = commonAction(key) { return common }
        switch state.mode {
        case .list: return listAction(key)
        case .article: return articleAction(key, findActive: state.open?.find != nil)
        case .summary: return summaryAction(key)
        }
    }

    static func promptAction(_ key: Key) -> Action? {
        switch key {
        case .enter: return .commitInput
        case .escape: return .cancelInput
        case .backspace: return .deleteBackward
        case .down: return .move(1)
        case .up: return .move(-1)
        case .wheelDown: return .scroll(3)
        case .wheelUp: return .scroll(-3)
        case .character(let c): return .input(c)
        default: return nil
        }
    }

    static func commonAction(_ key: Key) -> Action? {
        switch key {
        case .character("Q"): return .quit
        case .character("?"): return .toggleHelp
        case .character("s"): return .toggleSaved
        case .character("m"): return .toggleRead
        case .character("o"): return .openURL
        case .character("/"): return .startSearch
        case .character(" "), .pageDown: return .page(1)
        case .character("b"), .pageUp: return .page(-1)
        case .character("g"), .home: return .top
        case .character("G"), .end: return .bottom
        case .wheelDown: return .scroll(3)
        case .wheelUp: return .scroll(-3)
        case .character("q"): return .backOrQuit
        case .character("h"), .left, .escape: return .back
        default: return nil
        }
    }

    static func listAction(_ key: Key) -> Action? {
        switch key {
        case .character("j"), .down: return .move(1)
        case .character("k"), .up: return .move(-1)
        case .enter, .character("l"), .right: return .open
        case .tab: return .cycleFilter(1)
        case .backTab: return .cycleFilter(-1)
        case .character("t"): return .showSummary
        case .character("N"): return .nextUnread
        default: return nil
        }
    }

    static func articleAction(_ key: Key, findActive: Bool) -> Action? {
        switch key {
        case .character("j"), .down: return .move(1)
        case .character("k"), .up: return .move(-1)
        case .character("n") where findActive: return .findNext(1)
        case .character("N") where findActive: return .findNext(-1)
        case .character("n"), .character("J"): return .adjacentArticle(1)
        case .character("p"), .character("K"): return .adjacentArticle(-1)
        case .character("N"): return .nextUnread
        case .character("t"): return .showSummary
        default: return nil
        }
    }

    static func summaryAction(_ key: Key) -> Action? {
        switch key {
        case .character("j"), .down, .character("n"), .character("J"): return .move(1)
        case .character("k"), .up, .character("p"), .character("K"): return .move(-1)
        case .enter, .character("l"), .right: return .open
        case .character("N"): return .nextUnread
        case .character("t"): return .back
        default: return nil
        }
    }
}
