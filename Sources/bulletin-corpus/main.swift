// Corpus generator (being built: see issue 5).
print("bulletin-corpus: not built yet")
