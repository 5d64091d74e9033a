import Foundation

/// Adds and removes subscriptions: `bulletin add`, `remove` and `import`.
public struct Subscriber: Sendable {
    /// Where things live.
    public let paths: FetchingPaths
    /// How documents are fetched.
    public let transport: any Transport

    /// Creates a subscriber.
    public init(paths: FetchingPaths, transport: any Transport) {
        self.paths = paths
        self.transport = transport
    }

    /// What `add` did.
    public enum Outcome: Sendable, Equatable {
        /// Subscribed.
        case added(Subscription)
        /// The feed was already there; nothing changed.
        case alreadySubscribed(Subscription)
    }

    /// Subscribes to what `text` names: a feed, or a page whose `<link rel="alternate">` names
    /// one. The feed is fetched and parsed once to check it and to take its title as the name.
    public func add(_ text: String, name: String? = nil, tags: [String] = [], fullArticle: FullArticleMode = .auto,
                    directory: String = FileManager.default.currentDirectoryPath) async throws(FetchFailure) -> Outcome {
        let url: URL
        switch try FeedAddress.classify(text, directory: directory) {
        case .web(let web): url = web
        case .file(let file): url = file
        }
        if let existing = try existing(matching: url.absoluteString) { return .alreadySubscribed(existing) }
        var (feedURL, parsed) = try await resolveFeed(url)
        if let existing = try existing(matching: feedURL.absoluteString) { return .alreadySubscribed(existing) }
        if feedURL.isFileURL && !url.isFileURL { feedURL = url }  // never keep a file the server named
        let title = name ?? parsed.title.flatMap { $0.isEmpty ? nil : $0 } ?? feedURL.host ?? feedURL.lastPathComponent
        let subscription = Subscription(name: title, url: feedURL.absoluteString, tags: tags, fullArticle: fullArticle)
        let lock = try FeedsLock(paths.lockFile)
        defer { lock.unlock() }
        if let existing = try existing(matching: subscription.url) { return .alreadySubscribed(existing) }
        try SubscriptionFile.append([subscription], to: paths.subscriptionsFile)
        return .added(subscription)
    }

    /// Removes the subscription whose url or name is `text`; returns it.
    public func remove(_ text: String) throws(FetchFailure) -> Subscription {
        let lock = try FeedsLock(paths.lockFile)
        defer { lock.unlock() }
        var all = try SubscriptionFile.load(paths.subscriptionsFile)
        guard let index = all.firstIndex(where: { $0.matches(text) }) else {
            throw FetchFailure("no subscription with that name or address: \(text)")
        }
        let removed = all.remove(at: index)
        try SubscriptionFile.save(all, to: paths.subscriptionsFile)
        return removed
    }

    /// Adds `subscriptions` that are not there yet (by url); returns those added. Nothing is fetched.
    public func importSubscriptions(_ subscriptions: [Subscription]) throws(FetchFailure) -> [Subscription] {
        let lock = try FeedsLock(paths.lockFile)
        defer { lock.unlock() }
        var known = Set(try SubscriptionFile.load(paths.subscriptionsFile).map { FeedAddress.canonical($0.url) })
        var added: [Subscription] = []
        for subscription in subscriptions where known.insert(FeedAddress.canonical(subscription.url)).inserted {
            added.append(subscription)
        }
        if !added.isEmpty { try SubscriptionFile.append(added, to: paths.subscriptionsFile) }
        return added
    }

    private func existing(matching url: String) throws(FetchFailure) -> Subscription? {
        try SubscriptionFile.load(paths.subscriptionsFile).first { FeedAddress.sameFeed($0.url, url) }
    }

    /// Fetches `url`; a feed is returned as is, a page is searched for its feed link, which is
    /// fetched in turn.
    func resolveFeed(_ url: URL) async throws(FetchFailure) -> (URL, FeedFormats.Parsed) {
        let document = try await fetchFeed(url)
        if FeedFormats.isHTML(document) {
            guard let link = FeedFormats.feedLinks(document).first else {
                throw FetchFailure(FeedFormats.webPageMessage + ": found no feed link")
            }
            let feed = try await fetchFeed(link)
            if FeedFormats.isHTML(feed) { throw FetchFailure(FeedFormats.webPageMessage + ": its feed link is a page too") }
            return (link, try FeedFormats.parse(feed, feedURL: link.absoluteString))
        }
        return (url, try FeedFormats.parse(document, feedURL: url.absoluteString))
    }

    private func fetchFeed(_ url: URL) async throws(FetchFailure) -> FetchedDocument {
        switch await transport.fetch(url: url, kind: .feed, conditional: nil) {
        case .ok(let document): return document
        case .notModified: throw FetchFailure("\(url.absoluteString): unexpected 304 Not Modified")
        case .failed(let error): throw FetchFailure("\(url.absoluteString): \(error.message)")
        }
    }
}
