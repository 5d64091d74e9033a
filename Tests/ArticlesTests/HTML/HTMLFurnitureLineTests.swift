import XCTest

@testable import Articles

/// Timestamps and print-edition notes are furniture; sentences that merely mention a time or print are not.
final class HTMLFurnitureLineTests: XCTestCase {
    func testTimestampsAndPrintNotesAreFurniture() {
        for line in [
            "10:42", "9.30am", "10:42 BST", "7:05 pm ET", "Updated 2 hours ago", "Updated: 5 mins ago", "3 days ago",
            "Just now", "Published 3 March 2025", "Last updated 2025-03-02", "Posted: an hour ago",
            "A version of this article appears in print on 3 March 2025 in the Harbourside Gazette.",
            "This article appeared in the print edition of the Sunday Gazette.",
        ] {
            XCTAssertTrue(HTMLFurnitureLine.matches(line), line)
        }
    }

    func testSentencesAboutTimeOrPrintAreKept() {
        for line in [
            "The ferry left at 10:42 and arrived an hour late.", "Updated rules take effect in May.",
            "Two hours ago the water was still rising.", "25:61", "10:42 and counting, said the skipper",
            "Published by a small press in 1923, the book is now rare.", "The print shop closed after forty years.",
            "Posted guards stood at the gate.", "",
        ] {
            XCTAssertFalse(HTMLFurnitureLine.matches(line), line)
        }
    }
}
