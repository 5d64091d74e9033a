/// libFuzzer entry point of the `opml` target (built and run by Fuzz/run.sh).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntry.run(.opml, data, size)
}
