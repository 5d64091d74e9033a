/// The fuzz targets: one per parser of untrusted input. The libFuzzer harnesses in `Fuzz/`
/// and the regression replay (`FuzzRegressionTests`) run the same ``check(_:)``.
enum FuzzTarget: String, CaseIterable {
    /// Scraped text and Markdown (``ArticleParser``).
    case text
    /// `read.json`.
    case readState = "read-state"
    /// `saved.json`.
    case savedState = "saved-state"
    /// The library's index cache.
    case indexCache = "index-cache"
    /// Word wrap, display width and the cell sanitiser.
    case wrap

    /// Runs the target's invariants on one input; throws ``FuzzFailure`` when one breaks.
    func check(_ data: [UInt8]) throws {
        switch self {
        case .text: try TextFuzzCheck.check(data)
        case .readState: try StateFileFuzzCheck.checkRead(data)
        case .savedState: try StateFileFuzzCheck.checkSaved(data)
        case .indexCache: try IndexCacheFuzzCheck.check(data)
        case .wrap: try WrapFuzzCheck.check(data)
        }
    }
}
