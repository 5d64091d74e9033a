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

    /// Makes `signals` flush every open store, run `cleanup` (e.g. restore the terminal),
    /// then end the process with the signal's default action (so the exit status still
    /// says which signal it was). Call once, early, from the main thread.
    ///
    /// The handler is installed with `sigaction` before this returns, so a signal that
    /// arrives right after can never be lost (a dispatch signal source registers later, on
    /// another thread, and a signal in between was ignored). The handler itself only writes
    /// the signal number to a pipe (async-signal-safe); a dedicated thread reads it and does
    /// the work, so it may flush, lock and allocate.
    public static func installSignalFlush(
        signals: [Int32] = [SIGINT, SIGTERM, SIGHUP], then cleanup: (@Sendable (Int32) -> Void)? = nil
    ) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        SignalPipe.writeEnd = fds[1]
        let readEnd = fds[0]
        let thread = Thread {
            var number: Int32 = 0
            while read(readEnd, &number, MemoryLayout<Int32>.size) != MemoryLayout<Int32>.size {
                if errno != EINTR { return }
            }
            flushAll()
            cleanup?(number)
            signal(number, SIG_DFL)
            kill(getpid(), number)
            usleep(200_000)
            _exit(128 + number)
        }
        thread.name = "bulletin.state-signals"
        thread.start()
        for signalNumber in signals {
            var action = sigaction()
            #if os(Linux)
            action.__sigaction_handler.sa_handler = SignalPipe.handler
            #else
            action.__sigaction_u.__sa_handler = SignalPipe.handler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signalNumber, &action, nil)
        }
    }
}

/// The write end of the signal pipe and the C signal handler that writes to it.
private enum SignalPipe {
    nonisolated(unsafe) static var writeEnd: Int32 = -1

    static let handler: @convention(c) (Int32) -> Void = { number in
        var value = number
        _ = write(SignalPipe.writeEnd, &value, MemoryLayout<Int32>.size)
    }
}
