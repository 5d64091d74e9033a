/// Deterministic random text for comparing the byte-level text code with plain
/// `Character`/`Unicode.Scalar` reference versions: every script and grapheme rule the
/// fast paths have to get right (combining marks, emoji sequences, flags, hangul jamo,
/// prepended concatenation marks, CR LF, no-break and other Unicode spaces).
struct TextSamples {
    static let pieces: [String] = [
        "a", "b", "Z", "word", "Hello", "the", "e", ".", ",", "?", "!", ":", ";", "'", "\"", "(", ")", "-", "#",
        " ", " ", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1B}", "\u{7F}",
        "\u{00A0}", "\u{202F}", "\u{2007}", "\u{2003}", "\u{3000}", "\u{1680}", "\u{2028}", "\u{0085}",
        "é", "e\u{0301}", "\u{0301}", "\u{0308}", "ñ", "ß", "İ", "Σ", "ΑΒΓ", "Ж", "ﬁ", "Ǆ", "\u{00AD}",
        "’", "‘", "“", "”", "—", "–", "…", "•", "‰", "€", "™", "←", "■", "✓",
        "日本語", "東", "京", "の", "テスト", "ー", "한국어", "\u{1100}", "\u{1161}", "\u{11A8}", "\u{1100}\u{AC00}",
        "中", "文", "。", "、", "！", "？", "「", "」", "Ａ", "ｱ", "\u{FF9E}", "\u{3099}", "\u{302A}",
        "😀", "👍🏽", "👩‍💻", "❤️", "\u{200D}", "\u{FE0F}", "🇫🇷", "🇩", "🇪", "\u{1F3FB}", "#️⃣",
        "\u{0600}", "\u{0600} ", "\u{110BD}", "\u{0915}\u{094D}\u{0937}", "क", "\u{094D}", "ि",
        "\u{200B}", "\u{200C}", "\u{200E}", "\u{2060}", "\u{E000}", "\u{10FFFD}", "\u{1F9FF}", "\u{20000}",
    ]

    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// A string of up to `maxPieces` random pieces, mostly plain words and spaces.
    mutating func text(maxPieces: Int = 40) -> String {
        var out = ""
        for _ in 0..<below(maxPieces + 1) {
            if below(3) == 0 {
                out += TextSamples.pieces[below(TextSamples.pieces.count)]
            } else {
                out += below(4) == 0 ? " " : ["lorem", "ipsum", "dolor", "sit", "amet", "x"][below(6)]
            }
        }
        return out
    }
}
