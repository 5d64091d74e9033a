/// libFuzzer entry point of the `read-state` target (built and run by Fuzz/run.sh).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntry.run(.readState, data, size)
}
