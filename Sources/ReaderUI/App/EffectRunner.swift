import Storage

/// Runs the reducer's effects against the state store and the system. Store calls are
/// cheap (the store writes in the background).
struct EffectRunner {
    let store: StateStore
    /// The environment the browser is looked up in (`BROWSER` set from the settings file).
    let environment: [String: String]

    /// Runs `effect`; returns an action to feed back (a status message) when there is one.
    func run(_ effect: Effect) -> Action? {
        switch effect {
        case .markRead(let id): store.markRead(id)
        case .markUnread(let id): store.markUnread(id)
        case .save(let article): store.save(article)
        case .unsave(let id): store.unsave(id)
        case .setReadingPosition(let id, let position): store.setReadingPosition(id, position)
        case .openURL(let url): return .notify(BrowserLauncher.open(url, environment: environment))
        case .quit: break
        }
        return nil
    }
}
