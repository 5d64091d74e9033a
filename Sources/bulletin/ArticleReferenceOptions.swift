import ArgumentParser

/// An article named by id or file, and the library to look ids up in.
struct ArticleReferenceOptions: ParsableArguments {
    @Argument(help: "An article id (from 'bulletin list') or an article file.")
    var article: String

    @Option(name: .customLong("library"), help: "Library folders or files to look the id up in (repeatable; default: the bundled library).")
    var libraryPaths: [String] = []
}
