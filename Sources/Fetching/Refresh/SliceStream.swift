import Foundation

/// One feed's staged items on their way from its refresh (which converts and renders them a
/// slice at a time) to the thread that writes them (``RefreshRun``).
typealias StagedItemStream = SliceStream<[StagedItem]>

/// Slices of work on their way from one thread to another, in order: the producer sends
/// each slice as it is ready and finishes the stream; the consumer takes slices in order
/// until it ends, blocking while none is waiting. A feed's staged items go from its refresh
/// to the writer this way, and its parsed items from the parse to its refresh.
///
/// Unbounded: a producer never waits for its consumer (a refresh runs in a task, which must
/// not block on a slower thread), and a slice is freed as soon as it is taken, so the stream
/// holds at most what the producer used to hold whole.
final class SliceStream<Slice: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var slices: [Slice?] = []
    private var next = 0
    private var finished = false

    /// A stream with nothing sent yet.
    init() {}

    /// Hands `slice` to the consumer.
    func send(_ slice: Slice) {
        condition.lock()
        precondition(!finished, "a finished stream takes no more slices")
        slices.append(slice)
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
    func receive() -> Slice? {
        condition.lock()
        defer { condition.unlock() }
        while next == slices.count && !finished { condition.wait() }
        guard next < slices.count else { return nil }
        let slice = slices[next]
        slices[next] = nil  // freed once taken
        next += 1
        return slice
    }
}
