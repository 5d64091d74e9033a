import Foundation

/// A value computed on a thread of its own while the caller goes on with other work (the
/// refresh encodes its feed state while the article files are written, and records their
/// index-cache entries while the state is saved); ``value`` waits for it.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?
    /// Whether the caller has waited already (read and written by the caller only).
    private var waited = false

    /// Starts `work` on a new thread (a plain thread: the caller may block on ``value``
    /// from a task without holding up the work behind the cooperative pool).
    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            result = work()
            done.signal()
        }
        thread.start()
    }

    /// The value, once the work has finished (waits for it the first time).
    var value: Value {
        if !waited {
            done.wait()
            waited = true
        }
        return result!
    }

    /// Frees `value` on a thread of its own, for a large value the caller should not wait
    /// on: the caller's own references normally go first (starting a thread takes longer),
    /// so the thread's is the last one and frees it.
    static func release(_ value: consuming some Any) {
        let box = ReleaseBox(value)
        Thread { box.drop() }.start()
    }
}

/// Holds a value until ``drop()`` (see ``BackgroundValue/release(_:)``).
private final class ReleaseBox: @unchecked Sendable {
    private var value: Any?
    init(_ value: Any) { self.value = value }
    func drop() { value = nil }
}
