import Foundation

/// One feed's staged items on their way from its refresh (which converts and renders them a
/// slice at a time) to the thread that writes them (``RefreshRun``): the refresh sends each
/// slice as it is ready and finishes the stream; the writer takes slices in order until it
/// ends, blocking while none is waiting.
///
/// Unbounded: the refresh never waits for the writer (it runs in a task, which must not
/// block on a slower thread), and a slice is freed as soon as it is written, so the stream
/// holds at most what the refresh used to hold whole.
final class StagedItemStream: @unchecked Sendable {
    private let condition = NSCondition()
    private var slices: [[StagedItem]] = []
    private var next = 0
    private var finished = false

    /// A stream with nothing sent yet.
    init() {}

    /// Hands `items` to the writer (nothing when empty).
    func send(_ items: [StagedItem]) {
        guard !items.isEmpty else { return }
        condition.lock()
        precondition(!finished, "a finished stream takes no more items")
        slices.append(items)
        condition.signal()
        condition.unlock()
    }

    /// Marks the end of the stream (later calls do nothing).
    func finish() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }

    /// The next slice, waiting for one; `nil` once the stream is finished and empty.
    func receive() -> [StagedItem]? {
        condition.lock()
        defer { condition.unlock() }
        while next == slices.count && !finished { condition.wait() }
        guard next < slices.count else { return nil }
        let slice = slices[next]
        slices[next] = []  // freed once written
        next += 1
        return slice
    }
}
