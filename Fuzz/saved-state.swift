/// libFuzzer entry point of the `saved-state` target (built and run by Fuzz/run.sh).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntry.run(.savedState, data, size)
}
