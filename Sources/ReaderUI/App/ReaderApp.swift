import Articles
import Foundation
import Storage

/// The interactive reader: reads keys, reduces, runs effects, draws.
public enum ReaderApp {
    /// Runs the reader on `library` with `store` and `options` until the user quits or a
    /// signal arrives; `warnings` (from the settings file) start in the status bar. Restores
    /// the terminal and flushes the store in every case. Returns the exit status.
    /// `refresher` runs the feed refresh of `r` on a background task; `notice` is a first
    /// status-bar line (such as the hint shown over the bundled samples).
    public static func run(library: Library, store: StateStore, options: ReaderOptions = ReaderOptions(),
                           warnings: [String] = [], refresher: (any ReaderRefresher)? = nil, notice: String? = nil,
                           environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32 {
        NcursesBackend.trapSignals()
        let monochrome = !(environment["NO_COLOR"] ?? "").isEmpty
        let backend = NcursesBackend(theme: options.theme, monochrome: monochrome)
        let size = backend.size
        var state = ReaderState(library: library, store: store, width: size.width, height: size.height,
                                options: options, warnings: warnings)
        if state.message == nil, let notice { state.message = StatusMessage(notice) }
        var browserEnvironment = environment
        if let browser = options.browser { browserEnvironment["BROWSER"] = browser }
        let runner = EffectRunner(store: store, environment: browserEnvironment)
        var context = state.context
        startIndexing(context)
        let inbox = RefreshInbox()

        var signal: Int32 = 0
        var dirty = true
        var seenGeneration = -1
        while !state.quitRequested {
            if dirty {
                backend.draw(View.render(state))
                dirty = false
            }
            signal = NcursesBackend.takeSignal()
            if signal != 0 {
                let (next, effects) = Reducer.reduce(state, .quit)
                state = next
                for effect in effects { _ = runner.run(effect) }
                break
            }
            let (progress, finished) = inbox.take()
            var actions: [Action] = []
            if let progress { actions.append(.refreshProgress(progress)) }
            if let finished {
                if let library = finished.library {
                    context.bodyIndex.cancel()
                    state = state.replacingLibrary(library, store: store)
                    context = state.context
                    startIndexing(context)
                    seenGeneration = -1
                    dirty = true
                }
                actions.append(.refreshFinished(finished.line, failed: finished.failed))
            }
            switch backend.read() {
            case .key(let key)?:
                if let action = options.keyMap.action(for: key, in: state) { actions.append(action) }
            case .resize(let width, let height)?:
                actions.append(.resize(width: width, height: height))
            case nil:
                NcursesBackend.reapChildren()
                let generation = context.bodyIndex.generation
                if generation != seenGeneration, !state.query.isEmpty {
                    seenGeneration = generation
                    actions.append(.refreshSearch)
                }
            }
            while !actions.isEmpty {
                let (next, effects) = Reducer.reduce(state, actions.removeFirst())
                if next != state { dirty = true }
                state = next
                for effect in effects {
                    if effect == .refreshFeeds {
                        startRefresh(refresher, inbox)
                    } else if let follow = runner.run(effect) {
                        actions.append(follow)
                    }
                }
            }
        }
        context.bodyIndex.cancel()
        backend.shutdown()
        store.flush()
        if signal != 0 { NcursesBackend.reraise(signal) }
        return 0
    }

    /// Builds the search indexes of `context` on a utility thread: titles first (so the
    /// first search key does not wait for them), then bodies.
    static func startIndexing(_ context: ReaderContext) {
        let indexer = Thread {
            _ = context.titleIndex
            context.bodyIndex.build(context)
        }
        indexer.qualityOfService = .utility
        indexer.start()
    }

    /// Runs `refresher` on a background task, leaving progress and the result in `inbox`.
    static func startRefresh(_ refresher: (any ReaderRefresher)?, _ inbox: RefreshInbox) {
        guard let refresher else {
            inbox.finish(ReaderRefreshResult(line: "No feeds here: subscribe with bulletin add URL", failed: true, library: nil))
            return
        }
        Task.detached(priority: .utility) {
            let result = await refresher.refresh { inbox.post(progress: $0) }
            inbox.finish(result)
        }
    }
}
