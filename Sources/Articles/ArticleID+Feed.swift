import Foundation

extension ArticleID {
    /// The id of a feed item: derived from where it comes from, never from its text.
    ///
    /// The hashed bytes are `feed:` + `feedURL` + newline + `key`, exactly as given (no
    /// lowercasing or whitespace folding), with the same 64-bit FNV-1a as content ids.
    /// `key` is the item's guid, else its link, else its title and date (see
    /// ``feedItemKey(guid:link:title:date:)``), so a feed that edits an item's text keeps
    /// its id, and with it the read, saved and position state.
    public static func feedItem(feedURL: String, key: String) -> ArticleID {
        var hasher = FNV1a64()
        for byte in "feed:".utf8 { hasher.add(byte: byte) }
        for byte in feedURL.utf8 { hasher.add(byte: byte) }
        hasher.add(byte: 0x0A)
        for byte in key.utf8 { hasher.add(byte: byte) }
        return ArticleID(rawValue: hasher.hex)
    }

    /// The identity key of a feed item: its guid, else its link, else `title` + newline +
    /// the ISO 8601 date (empty when unknown). Blank values count as missing.
    public static func feedItemKey(guid: String?, link: String?, title: String?, date: Date?) -> String {
        if let guid, !guid.isEmpty { return guid }
        if let link, !link.isEmpty { return link }
        return (title ?? "") + "\n" + (date.map(ArticleDateFormat.format) ?? "")
    }
}
