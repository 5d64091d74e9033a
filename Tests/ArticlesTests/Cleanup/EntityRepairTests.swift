@testable import Articles
import XCTest

final class EntityRepairTests: XCTestCase {
    func testNamedEntities() {
        XCTAssertEqual(EntityRepair.repair("Fish &amp; chips"), "Fish & chips")
        XCTAssertEqual(EntityRepair.repair("&lt;b&gt; &quot;hi&quot; &apos;x&apos;"), "<b> \"hi\" 'x'")
        XCTAssertEqual(EntityRepair.repair("it&rsquo;s &ldquo;fine&rdquo; &hellip;"), "it’s “fine” …")
        XCTAssertEqual(EntityRepair.repair("caf&eacute; cr&egrave;me &copy; &euro;5"), "café crème © €5")
        XCTAssertEqual(EntityRepair.repair("a&nbsp;b"), "a\u{00A0}b")
    }

    func testNumericEntities() {
        XCTAssertEqual(EntityRepair.repair("it&#8217;s"), "it’s")
        XCTAssertEqual(EntityRepair.repair("it&#x2019;s and &#X2014;"), "it’s and —")
        XCTAssertEqual(EntityRepair.repair("&#233;t&#233;"), "été")
        XCTAssertEqual(EntityRepair.repair("emoji &#128512;"), "emoji 😀")
    }

    func testWindows1252NumericRange() {
        XCTAssertEqual(EntityRepair.repair("&#147;quoted&#148; &#150; &#128;"), "“quoted” – €")
    }

    func testInvalidCodePointsBecomeReplacementCharacter() {
        XCTAssertEqual(EntityRepair.repair("a&#0;b"), "a\u{FFFD}b")
        XCTAssertEqual(EntityRepair.repair("a&#xD800;b"), "a\u{FFFD}b")
        XCTAssertEqual(EntityRepair.repair("a&#x110000;b"), "a\u{FFFD}b")
    }

    func testBrokenEntitiesAreRepaired() {
        XCTAssertEqual(EntityRepair.repair("Module Family &# 8211; Electric"), "Module Family – Electric")
        XCTAssertEqual(EntityRepair.repair("A & #8212; B"), "A — B")
        XCTAssertEqual(EntityRepair.repair("the ovens ;#8217;bees"), "the ovens ’bees")
        XCTAssertEqual(EntityRepair.repair("bare #8220;quote#8221; here"), "bare “quote” here")
    }

    func testRepairedDuplicateOfPreviousCharacterIsDropped() {
        XCTAssertEqual(EntityRepair.repair("two giants’ ;#8217;part"), "two giants’ part")
        XCTAssertEqual(TextCleaner.cleanLine("a – &# 8211; b"), "a – b")
        // A proper entity repeating a character is kept: that may be intended.
        XCTAssertEqual(EntityRepair.repair("——&#8212;"), "———")
    }

    func testDoubleEncodedEntities() {
        XCTAssertEqual(EntityRepair.repair("it&amp;#8217;s &amp;amp; &amp;eacute;"), "it’s & é")
    }

    func testLegacyEntitiesWithoutSemicolon() {
        XCTAssertEqual(EntityRepair.repair("Q&amp A"), "Q& A")
        XCTAssertEqual(EntityRepair.repair("&copy 2024"), "© 2024")
        XCTAssertEqual(EntityRepair.repair("?a=1&copy=2"), "?a=1&copy=2")
    }

    func testTextThatOnlyLooksLikeEntitiesIsKept() {
        for text in ["AT&T", "R & D", "Q&A session", "&unknown;", "issue #12; see", "#hashtag", "C# 12;", "&#;", "&#x;", "&"] {
            XCTAssertEqual(EntityRepair.repair(text), text)
        }
    }

    func testUnicodeAroundEntitiesIsKept() {
        XCTAssertEqual(EntityRepair.repair("日本&amp;中国 😀&#8217;"), "日本&中国 😀’")
    }
    /// Byte-at-a-time repair: every `&`, `;` and `#` is tried as a reference, every other byte copied.
    static func referenceRepair(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 0x26 || b == 0x3B || b == 0x23, let m = EntityRepair.match(bytes, at: i, previous: out.last) {
                if !(m.broken && EntityRepair.repeatsPrevious(m.scalar, in: out)) { out.appendUTF8(m.scalar) }
                i = m.end
                continue
            }
            out.append(b)
            i += 1
        }
        return out
    }

    /// The eight-bytes-at-a-time search for `& ; #` against a byte loop, with references
    /// (proper and broken) at every offset of a block, in slices that do not start at 0.
    func testMarkerSearchAndRepairMatchByteAtATime() {
        let pieces = ["&amp;", "&nbsp;", "&nbsp", "&#8217;", ";#8217;", "&# 8211;", "& #8211;", "#8217;", "&amp;#8217;", "&#x2019;",
                      "&", ";", "#", "&#", "&#;", "&bogus;", "\u{00A0}", "’", "é", "e\u{0301}", "東京", "😀", "word", "lorem ipsum",
                      "abcdefg", " ", " ", ".", "1234"]
        var random = SplitMix64(seed: 23)
        for _ in 0..<5000 {
            var bytes: [UInt8] = Array(repeating: 0x78, count: random.below(9))  // shifts the slice start
            let skip = bytes.count
            for _ in 0..<random.below(25) { bytes += Array(pieces[random.below(pieces.count)].utf8) }
            let slice = bytes[skip...]
            var i = slice.startIndex
            while i <= slice.endIndex {
                let expected = slice[i...].firstIndex { $0 == 0x26 || $0 == 0x3B || $0 == 0x23 } ?? slice.endIndex
                XCTAssertEqual(EntityRepair.nextMarker(slice, from: i), expected)
                i += 1 + random.below(4)
            }
            let repaired: [UInt8] = EntityRepair.repair(slice)
            XCTAssertEqual(repaired, Self.referenceRepair(slice), String(decoding: slice, as: UTF8.self))
        }
    }
    func testReferenceCheckMatchesContains() {
        var random = SplitMix64(seed: 59)
        let alphabet: [UInt8] = Array("ab &#;x".utf8) + [0xC3, 0xA9]
        for _ in 0..<5000 {
            let bytes = (0..<random.below(40)).map { _ in random.below(3) == 0 ? alphabet[random.below(alphabet.count)] : 0x61 }
            let slice = bytes[min(bytes.count, random.below(9))...]
            XCTAssertEqual(EntityRepair.mayContainReference(slice), slice.contains { $0 == 0x26 || $0 == 0x23 }, "\(Array(slice))")
        }
    }
}


