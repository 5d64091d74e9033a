import Articles
import Storage

/// The reader without a terminal: the same keys, reducer and views, rendered into a
/// ``Screen``. Used by `bulletin screenshot`, the tests and the benchmark. Effects are
/// recorded, never run, so a headless session never changes the state files.
public struct ReaderSession {
    /// The current state.
    public private(set) var state: ReaderState
    /// Every effect the reducer asked for, in order.
    public private(set) var effects: [Effect] = []

    /// A session on `library` and `store` at `width`x`height`.
    public init(library: Library, store: StateStore, width: Int, height: Int, options: ReaderOptions = ReaderOptions()) {
        state = ReaderState(library: library, store: store, width: width, height: height, options: options)
    }

    /// A session from an existing state.
    public init(state: ReaderState) { self.state = state }

    /// Indexes every body now (search then covers bodies, as it does once the app's
    /// background indexer has finished).
    public func indexBodies() { state.context.bodyIndex.build(state.context) }

    /// Presses `key` (ignored when it means nothing in the current state).
    public mutating func send(_ key: Key) {
        if let action = state.options.keyMap.action(for: key, in: state) { apply(action) }
    }

    /// Presses each key in turn.
    public mutating func send(_ keys: [Key]) { for key in keys { send(key) } }

    /// Applies `action` through the reducer.
    public mutating func apply(_ action: Action) {
        let (next, new) = Reducer.reduce(state, action)
        state = next
        effects += new
    }

    /// The screen for the current state.
    public func render() -> Screen { View.render(state) }

    /// A session on `library` at `width`x`height` after `keys` (a screenshot is its
    /// ``render()``), for a caller that keeps its state past the screenshot.
    public static func replaying(_ keys: [Key], library: Library, store: StateStore, width: Int, height: Int,
                                 options: ReaderOptions = ReaderOptions()) -> ReaderSession {
        var session = ReaderSession(library: library, store: store, width: width, height: height, options: options)
        if keys.contains(where: options.keyMap.keys(for: "search").contains) { session.indexBodies() }
        session.send(keys)
        return session
    }
}
