import Articles

/// The top bar: app name and where you are on the left, position or progress on the right.
enum TopBar {
    static func draw(left: String, right: String, into screen: inout Screen) {
        screen.fill(row: 0, style: .bar)
        let rightWidth = DisplayWidth.of(right)
        let room = screen.width - rightWidth - 3
        screen.put(" " + TextFit.truncate(left, to: max(0, room)), row: 0, column: 0, style: .bar)
        if rightWidth + 2 <= screen.width {
            screen.put(right, row: 0, column: screen.width - rightWidth - 1, style: .bar)
        }
    }
}
