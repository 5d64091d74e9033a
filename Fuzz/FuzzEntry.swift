import Foundation

/// What every libFuzzer harness in this folder does with one input: run its target's
/// checks (shared with the regression replay in `Tests/FuzzTests/Checks`) and abort with
/// the broken invariant, so that libFuzzer saves the input as a crash.
enum FuzzEntry {
    static func run(_ target: FuzzTarget, _ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        do {
            try target.check(bytes)
        } catch {
            fputs("fuzz \(target.rawValue): invariant broken: \(error)\n", stderr)
            abort()
        }
        return 0
    }
}
