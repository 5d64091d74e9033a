import Articles
import Foundation
import Storage

/// The interactive reader: reads keys, reduces, runs effects, draws.
public enum ReaderApp {
    /// Runs the reader on `library` with `store` and `options` until the user quits or a
    /// signal arrives; `warnings` (from the settings file) start in the status bar. Restores
    /// the terminal and flushes the store in every case. Returns the exit status.
    public static func run(library: Library, store: StateStore, options: ReaderOptions = ReaderOptions(),
                           warnings: [String] = [],
                           environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32 {
        NcursesBackend.trapSignals()
        let monochrome = !(environment["NO_COLOR"] ?? "").isEmpty
        let backend = NcursesBackend(theme: options.theme, monochrome: monochrome)
        let size = backend.size
        var state = ReaderState(library: library, store: store, width: size.width, height: size.height,
                                options: options, warnings: warnings)
        var browserEnvironment = environment
        if let browser = options.browser { browserEnvironment["BROWSER"] = browser }
        let runner = EffectRunner(store: store, environment: browserEnvironment)
        let context = state.context
        let indexer = Thread { context.bodyIndex.build(context) }
        indexer.qualityOfService = .utility
        indexer.start()

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
            var actions: [Action] = []
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
                    if let follow = runner.run(effect) { actions.append(follow) }
                }
            }
        }
        context.bodyIndex.cancel()
        backend.shutdown()
        store.flush()
        if signal != 0 { NcursesBackend.reraise(signal) }
        return 0
    }
}
