// In-process benchmarks (being built: see issue 5).
print("bulletin-bench: not built yet")
