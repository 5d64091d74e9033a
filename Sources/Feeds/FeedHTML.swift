import Articles

/// The seam between feed items and the HTML extraction: item HTML → article sections,
/// through ``HTMLArticleParser/fragmentSections(html:baseURL:)`` (the same removals, line
/// classes and sanitising as a web page, without choosing a main content).
enum FeedHTML {
    /// Sections of an HTML fragment.
    static func sections(html: String, baseURL: String?) -> [ArticleSection] {
        HTMLArticleParser.fragmentSections(html: html, baseURL: baseURL)
    }
}
