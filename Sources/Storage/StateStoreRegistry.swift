import Foundation

/// The open stores of this process, so that exit and signal handlers can flush them all.
enum StateStoreRegistry {
    private final class WeakStore { weak var store: StateStore?; init(_ s: StateStore) { store = s } }
    private static let lock = NSLock()
    nonisolated(unsafe) private static var stores: [WeakStore] = []
    nonisolated(unsafe) private static var exitHookInstalled = false

    static func register(_ store: StateStore) {
        lock.withLock {
            stores.removeAll { $0.store == nil }
            stores.append(WeakStore(store))
            if !exitHookInstalled {
                exitHookInstalled = true
                atexit { StateStore.flushAll() }
            }
        }
    }

    static func unregister(_ store: StateStore) {
        lock.withLock { stores.removeAll { $0.store == nil || $0.store === store } }
    }

    static var all: [StateStore] { lock.withLock { stores.compactMap(\.store) } }
}

extension StateStore {
    /// Flushes every open store of this process (safe to call from any thread except a
    /// store's own writer queue). Also run automatically at normal process exit.
    public static func flushAll() {
        for store in StateStoreRegistry.all { store.flush() }
    }

    nonisolated(unsafe) private static var signalSources: [DispatchSourceSignal] = []

    /// Makes `signals` flush every open store, run `cleanup` (e.g. restore the terminal),
    /// then end the process with the signal's default action (so the exit status still
    /// says which signal it was). Call once, early, from the main thread. The handler runs
    /// on a background queue, not inside the signal handler, so it may do any work.
    public static func installSignalFlush(
        signals: [Int32] = [SIGINT, SIGTERM, SIGHUP], then cleanup: (@Sendable (Int32) -> Void)? = nil
    ) {
        let queue = DispatchQueue(label: "bulletin.state-signals")
        for signalNumber in signals {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                flushAll()
                cleanup?(signalNumber)
                signal(signalNumber, SIG_DFL)
                // To the process, not this thread: dispatch threads block signals.
                kill(getpid(), signalNumber)
                usleep(200_000)
                _exit(128 + signalNumber)
            }
            source.resume()
            signalSources.append(source)
        }
    }
}
