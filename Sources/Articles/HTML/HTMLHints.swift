/// What an element's `class`, `id` and `role` say about it: content, or page furniture.
///
/// The words are generic (no site names). A hint is matched as a substring of the lowercased
/// `class` and `id` joined by a space, except the short ad words, which must be whole tokens.
enum HTMLHints {
    /// `class` and `id`, lowercased and joined (empty when the element has neither).
    static func key(_ tree: HTMLTree, _ index: Int) -> String {
        var key = ""
        for attribute in tree.nodes[index].attributes where attribute.name == "class" || attribute.name == "id" {
            if !key.isEmpty { key += " " }
            key += attribute.value.lowercased()
        }
        return key
    }

    static let positive = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story",
    ]

    static let negative = [
        "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media", "meta",
        "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
        "shopping", "tags", "widget", "nav", "menu", "social", "newsletter", "cookie", "consent", "subscribe",
        "signup", "sign-up", "popular", "most-read", "mostread", "trending", "recommend", "breadcrumb",
    ]

    /// Furniture so likely that the element is removed before scoring, unless it also looks like content.
    static let unlikely = [
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox",
        "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager",
        "popup", "yom-remote", "newsletter", "cookie", "consent", "subscribe", "signup", "most-read", "mostread",
        "trending", "recommended", "paywall", "outbrain", "taboola",
    ]

    static let maybeContent = ["and", "article", "body", "column", "content", "main", "shadow"]

    /// Whole tokens that mark advertising.
    static let adTokens: Set<Substring> = ["ad", "ads", "advert", "adverts", "advertisement", "adslot", "ad-slot", "dfp", "sponsored"]

    /// Roles of page furniture.
    static let unlikelyRoles: Set<String> = [
        "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner", "contentinfo",
        "search",
    ]

    static func containsAny(_ key: String, _ words: [String]) -> Bool {
        for word in words where FastText.contains(key, word) { return true }
        return false
    }

    static func hasAdToken(_ key: String) -> Bool {
        for token in key.split(whereSeparator: { $0 == " " || $0 == "_" }) where adTokens.contains(token) { return true }
        return false
    }

    /// +25 for a content hint, −25 for a furniture hint, for `class` and `id` each.
    static func weight(_ tree: HTMLTree, _ index: Int) -> Double {
        var weight = 0.0
        for attribute in tree.nodes[index].attributes where attribute.name == "class" || attribute.name == "id" {
            let value = attribute.value.lowercased()
            if value.isEmpty { continue }
            if containsAny(value, negative) || hasAdToken(value) { weight -= 25 }
            if containsAny(value, positive) { weight += 25 }
        }
        // schema.org's own mark for the body of an article.
        if let itemprop = tree.attribute("itemprop", of: index), FastText.contains(itemprop.lowercased(), "articlebody") {
            weight += 25
        }
        return weight
    }

    /// Whether the element is furniture to remove before scoring.
    static func isUnlikely(_ tree: HTMLTree, _ index: Int, key: String) -> Bool {
        if let role = tree.attribute("role", of: index), unlikelyRoles.contains(role.lowercased()) { return true }
        guard !key.isEmpty else { return false }
        if hasAdToken(key) { return true }
        return containsAny(key, unlikely) && !containsAny(key, maybeContent)
    }

    /// Classes of text meant for screen readers only ("Image caption, ", "Advertisement").
    static let screenReaderOnly: Set<Substring> = ["sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screenreader-only", "a11y-only"]

    /// Whether the element is hidden: `hidden`, `aria-hidden="true"`, `display:none`,
    /// `visibility:hidden`, or a screen-reader-only class.
    static func isHidden(_ tree: HTMLTree, _ index: Int) -> Bool {
        for attribute in tree.nodes[index].attributes {
            switch attribute.name {
            case "class":
                // Every screen-reader class name holds "only", "hidden" or "reader": most classes skip the split.
                let value = attribute.value
                guard FastText.contains(value, "only") || FastText.contains(value, "hidden") || FastText.contains(value, "reader")
                else { continue }
                for token in value.lowercased().split(separator: " ") where screenReaderOnly.contains(token) {
                    return true
                }
            case "hidden": return true
            case "aria-hidden":
                if attribute.value.lowercased() == "true" { return true }
            case "style":
                let style = attribute.value.lowercased().filter { $0 != " " && $0 != "\t" && $0 != "\n" }
                if FastText.contains(style, "display:none") || FastText.contains(style, "visibility:hidden") {
                    return true
                }
            default:
                break
            }
        }
        return false
    }

    /// Whether the element marks a byline: `rel=author`, `itemprop~=author`, or a byline class.
    static func isByline(_ tree: HTMLTree, _ index: Int, key: String) -> Bool {
        if let rel = tree.attribute("rel", of: index), rel.lowercased() == "author" { return true }
        if let itemprop = tree.attribute("itemprop", of: index), FastText.contains(itemprop.lowercased(), "author") {
            return true
        }
        return containsAny(key, ["byline", "author", "dateline", "writtenby", "p-author"]) && !FastText.contains(key, "authoriz")
    }
}
