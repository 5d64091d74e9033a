import Articles
import Foundation

/// Lowercased body text of articles, for searching bodies from the list.
///
/// Bodies are not parsed up front: ``build(_:)`` parses the files one by one (the app
/// runs it on a background thread; headless rendering runs it inline), keeping at most
/// ``byteBudget`` bytes of text, so a 100,000-article library neither blocks a keystroke
/// nor fills memory. Searches use what is indexed so far; ``generation`` grows as more is
/// indexed so the list can refresh an active search.
public final class BodyIndex: @unchecked Sendable {
    /// Most bytes of body text kept in memory (64 MiB).
    public static let byteBudget = 64 << 20

    private let lock = NSLock()
    private var bodies: [[UInt8]?]
    private var stored = 0
    private var _generation = 0
    private var cancelled = false

    init(count: Int) { bodies = Array(repeating: nil, count: count) }

    /// Grows each time a batch of bodies has been indexed.
    public var generation: Int { lock.withLock { _generation } }

    /// Stops a running ``build(_:)`` at the next article.
    public func cancel() { lock.withLock { cancelled = true } }

    /// Runs `body` with a matcher for the folded `needle`, taking the lock once for a whole
    /// pass (a pass over 100,000 items must not take the lock 100,000 times). The matcher
    /// is `nil` while nothing is indexed (no body can match).
    func withMatcher<R>(_ needle: [UInt8], _ body: (((Int) -> Bool)?) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        if stored == 0 { return body(nil) }
        return bodies.withUnsafeBufferPointer { all in
            body { index in
                guard let text = all[index] else { return false }
                return text.withUnsafeBufferPointer { ByteSearch.contains($0, 0..<$0.count, needle) }
            }
        }
    }

    /// Parses and indexes every item's body in catalog order.
    func build(_ context: ReaderContext) {
        var batch = 0
        for index in 0..<context.items.count {
            if lock.withLock({ cancelled || stored >= BodyIndex.byteBudget }) { break }
            guard let article = try? context.loadArticle(index, cached: false) else { continue }
            var text = ""
            for section in article.sections {
                if let heading = section.heading { text += heading + "\n" }
                for paragraph in section.paragraphs { text += paragraph + "\n" }
            }
            for bullet in article.summary { text += bullet.text + "\n" }
            let folded = ByteSearch.folded(text)
            batch += 1
            lock.withLock {
                bodies[index] = folded
                stored += folded.count
                if batch % 256 == 0 { _generation += 1 }
            }
        }
        lock.withLock { _generation += 1 }
    }
}
