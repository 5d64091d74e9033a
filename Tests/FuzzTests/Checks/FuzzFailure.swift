import Articles

/// A broken invariant found by a fuzz check: the libFuzzer harness prints it and aborts,
/// the regression replay fails the test with it.
struct FuzzFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}

/// Invariants shared by the fuzz checks.
enum FuzzInvariants {
    /// Fails unless `value` is one clean line: no ``UnsafeCharacters`` scalar, tab and
    /// newline included.
    static func requireCleanLine(_ value: String?, _ field: String) throws {
        guard let value, UnsafeCharacters.occur(in: value) else { return }
        throw FuzzFailure("\(field) holds an unsafe character: \(value.debugDescription.prefix(200))")
    }

    /// Fails unless every text field of `article` is one clean line.
    static func requireCleanArticle(_ article: Article, _ what: String = "article") throws {
        try requireCleanLine(article.title, "\(what).title")
        try requireCleanLine(article.source, "\(what).source")
        try requireCleanLine(article.author, "\(what).author")
        try requireCleanLine(article.authorBio, "\(what).authorBio")
        try requireCleanLine(article.credit, "\(what).credit")
        try requireCleanLine(article.url, "\(what).url")
        for (s, section) in article.sections.enumerated() {
            try requireCleanLine(section.heading, "\(what).sections[\(s)].heading")
            for (p, paragraph) in section.paragraphs.enumerated() {
                try requireCleanLine(paragraph, "\(what).sections[\(s)].paragraphs[\(p)]")
            }
        }
        for (b, bullet) in article.summary.enumerated() { try requireCleanLine(bullet.text, "\(what).summary[\(b)]") }
    }

    /// Fails unless `condition` holds.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw FuzzFailure(message()) }
    }
}
