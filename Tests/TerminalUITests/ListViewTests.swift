import Testing
import TerminalUI

@Suite struct ListViewTests {
    @Test func onlyVisibleRowsAreRequested() {
        var buffer = Buffer(width: 40, height: 30)
        var state = ListState(selected: 76_543)
        var requested: [Int] = []
        ListView().render(count: 100_000, into: &buffer, area: buffer.area, state: &state) { index in
            requested.append(index)
            return [Span("row \(index)")]
        }
        #expect(requested.count == 30)
        #expect(requested == Array(76_514...76_543))
        #expect(buffer.lines().last == "row 76543")
    }

    @Test func scrollingKeepsTheSelectionVisible() {
        var state = ListState(selected: 50)
        state.scrollToSelection(visibleRows: 10, count: 100)
        #expect(state.offset == 41)
        state.select(45, count: 100)
        state.scrollToSelection(visibleRows: 10, count: 100)
        #expect(state.offset == 41)
        state.moveSelection(by: -15, count: 100)
        state.scrollToSelection(visibleRows: 10, count: 100)
        #expect(state.selected == 30)
        #expect(state.offset == 30)
        state.moveSelection(by: 1_000, count: 100)
        state.scrollToSelection(visibleRows: 10, count: 100)
        #expect(state.selected == 99)
        #expect(state.offset == 90)
        state.scrollToSelection(visibleRows: 10, count: 20)  // the list shrank
        #expect(state.selected == 19)
        #expect(state.offset == 10)
    }

    @Test func selectedRowIsReversedAcrossTheFullWidth() {
        var buffer = Buffer(width: 12, height: 4)
        var state = ListState(selected: 1)
        ListView().render(count: 3, into: &buffer, area: buffer.area, state: &state) { index in
            [Span("item", style: Style(fg: .green)), Span(" \(index)")]
        }
        for x in 0..<12 {
            #expect(buffer[x, 1].style.reverse, "column \(x)")
            #expect(!buffer[x, 0].style.reverse)
        }
        #expect(buffer[0, 1].style.fg == .green)
        #expect(buffer.lines() == ["item 0", "item 1", "item 2", ""])
    }

    @Test func longRowsEndWithAnEllipsisAndEmptyListsDrawNothing() {
        var buffer = Buffer(width: 8, height: 2)
        var state = ListState()
        ListView().render(count: 1, into: &buffer, area: buffer.area, state: &state) { _ in
            ["a rather long row"]
        }
        #expect(buffer.lines() == ["a rathe…", ""])
        var empty = ListState(selected: 3)
        ListView().render(count: 0, into: &buffer, area: buffer.area, state: &empty) { _ in
            Issue.record("no row should be requested")
            return []
        }
        #expect(empty.selected == nil)
        #expect(buffer.lines() == ["", ""])
    }
}

@Suite struct TextPaneTests {
    static func numbered(_ count: Int, width: Int) -> WrappedText {
        WrappedText(width: width, text: (0..<count).map { "line \($0)" }.joined(separator: "\n"))
    }

    @Test func followsTheEndAsTextArrives() {
        var buffer = Buffer(width: 20, height: 5)
        let pane = TextPane()
        var text = Self.numbered(100, width: pane.contentWidth(for: buffer.area))
        var state = TextPaneState()
        pane.render(text, into: &buffer, area: buffer.area, state: &state)
        #expect(state.offset == 95)
        #expect(buffer.lines()[4].hasPrefix("line 99"))
        text.append("\nline 100")
        pane.render(text, into: &buffer, area: buffer.area, state: &state)
        #expect(buffer.lines()[4].hasPrefix("line 100"))
    }

    @Test func scrollingUpStopsFollowingAndTheEndResumesIt() {
        var buffer = Buffer(width: 20, height: 5)
        let pane = TextPane()
        var text = Self.numbered(100, width: 19)
        var state = TextPaneState()
        state.scroll(by: -10, lineCount: text.lineCount, visibleRows: 5)
        #expect(!state.follow)
        #expect(state.offset == 85)
        text.append("\nmore")
        pane.render(text, into: &buffer, area: buffer.area, state: &state)
        #expect(buffer.lines()[0].hasPrefix("line 85"))
        state.scroll(by: 1_000, lineCount: text.lineCount, visibleRows: 5)
        #expect(state.follow)
        state.scrollToTop()
        pane.render(text, into: &buffer, area: buffer.area, state: &state)
        #expect(buffer.lines()[0].hasPrefix("line 0"))
    }

    @Test func scrollbarThumbTracksThePosition() {
        var buffer = Buffer(width: 10, height: 4)
        let pane = TextPane()
        let text = Self.numbered(40, width: 9)
        var state = TextPaneState(offset: 0, follow: false)
        pane.render(text, into: &buffer, area: buffer.area, state: &state)
        #expect((0..<4).map { buffer[9, $0].symbol } == ["█", "│", "│", "│"])
        state.scrollToEnd()
        pane.render(text, into: &buffer, area: buffer.area, state: &state)
        #expect((0..<4).map { buffer[9, $0].symbol } == ["│", "│", "│", "█"])
        let short = Self.numbered(2, width: 9)
        pane.render(short, into: &buffer, area: buffer.area, state: &state)
        #expect((0..<4).map { buffer[9, $0].symbol } == [" ", " ", " ", " "])
    }
}

@Suite struct BarTests {
    @Test func tabBarHighlightsTheSelectedTitle() {
        var buffer = Buffer(width: 30, height: 1)
        TabBar(titles: ["Runs", "Trace", "Logs"], selected: 1).render(into: &buffer, area: buffer.area)
        #expect(buffer.lines() == [" Runs │ Trace │ Logs"])
        #expect(!buffer[1, 0].style.reverse)
        #expect((7...13).allSatisfy { buffer[$0, 0].style.reverse && buffer[$0, 0].style.bold })
        #expect(!buffer[14, 0].style.reverse)
        var narrow = Buffer(width: 12, height: 1)
        TabBar(titles: ["Runs", "Trace", "Logs"], selected: 0).render(into: &narrow, area: narrow.area)
        #expect(narrow.lines() == [" Runs │ Tra…"])
    }

    @Test func keyBarShowsWholeHintsThatFit() {
        let hints = [KeyHint("q", "quit"), KeyHint("?", "help"), KeyHint("↑↓", "move")]
        var buffer = Buffer(width: 40, height: 1)
        KeyBar(hints).render(into: &buffer, area: buffer.area)
        #expect(buffer.lines() == ["q quit  ? help  ↑↓ move"])
        #expect(buffer[0, 0].style.bold)
        #expect(!buffer[2, 0].style.bold)
        var narrow = Buffer(width: 20, height: 1)
        KeyBar(hints).render(into: &narrow, area: narrow.area)
        #expect(narrow.lines() == ["q quit  ? help"])
    }

    @Test func statusLinePlacesBothSidesAndCutsTheLeft() {
        var buffer = Buffer(width: 30, height: 1)
        StatusLine(left: ["run 12 · ok"], right: ["3.2s"]).render(into: &buffer, area: buffer.area)
        #expect(buffer.lines() == ["run 12 · ok               3.2s"])
        #expect((0..<30).allSatisfy { buffer[$0, 0].style.reverse })
        StatusLine(left: ["a very long status message that overflows"], right: ["3.2s"])
            .render(into: &buffer, area: buffer.area)
        #expect(buffer.lines() == ["a very long status messa… 3.2s"])
    }
}
