import Foundation
import NcursesBackend
import RunscopeInspector
import RunscopeTUI
import Testing
import TerminalUI

/// The mouse, with every position taken from the drawn screen (so the reducer's geometry
/// and the view's cannot drift apart): a click selects the row under it, a click on the
/// fold marker folds, a click on a tab picks it, the wheel scrolls what is under it.
@Suite struct MouseTests {
    /// The demo's tree at 120×40 and the screen it draws, the chain's tokens all streamed.
    static func scenario(width: Int = 120, height: Int = 40) -> Scenario {
        var scenario = ScreenSnapshotTests.streaming(width: width, height: height)
        scenario.keys(.char("g"))  // follow off: the selection stays where the mouse puts it
        return scenario
    }

    /// Where `text` is first drawn in columns `from..<until`.
    static func place(of text: String, in buffer: Buffer, from: Int = 0, until: Int? = nil) -> (x: Int, y: Int)? {
        let length = text.count
        for y in 0..<buffer.height {
            let cells = (0..<buffer.width).map { buffer[$0, y].symbol }
            let last = min(until ?? buffer.width, buffer.width) - length
            guard last >= from else { continue }
            for x in from...last where cells[x..<(x + length)].joined() == text { return (x, y) }
        }
        return nil
    }

    static func click(_ scenario: inout Scenario, at place: (x: Int, y: Int)) {
        _ = reduce(&scenario.state, .mouse(MouseInput(.click, x: place.x, y: place.y)))
    }

    @Test func aClickSelectsTheRowUnderIt() throws {
        var scenario = Self.scenario()
        let buffer = InspectorView().render(scenario.state)
        let row = try #require(Self.place(of: "PoemModel", in: buffer, until: scenario.state.layout.treeWidth), "\(Snapshot.render(buffer))")
        #expect(row.x < scenario.state.layout.treeWidth)
        Self.click(&scenario, at: row)
        #expect(scenario.state.selectedNode?.name == "PoemModel")
        #expect(scenario.state.focus == .tree)
        #expect(!scenario.state.follow)
        let after = InspectorView().render(scenario.state)
        #expect(after.lines()[1].contains("╭ PoemModel"), "the pane does not show the clicked run:\n\(Snapshot.render(after))")
    }

    @Test func aClickOnTheFoldMarkerFoldsAndUnfolds() throws {
        var scenario = Self.scenario()
        let buffer = InspectorView().render(scenario.state)
        let marker = try #require(Self.place(of: "▾", in: buffer, from: 3), "no fold marker below the root:\n\(Snapshot.render(buffer))")
        let rowsBefore = scenario.state.forest.rows.count
        Self.click(&scenario, at: marker)
        #expect(scenario.state.forest.rows.count < rowsBefore, "the click did not fold the row")
        let folded = InspectorView().render(scenario.state)
        #expect(folded[marker.x, marker.y].symbol == "▸", "\(Snapshot.render(folded))")
        Self.click(&scenario, at: marker)
        #expect(scenario.state.forest.rows.count == rowsBefore)
    }

    @Test func aClickOnANameDoesNotFold() throws {
        var scenario = Self.scenario()
        let buffer = InspectorView().render(scenario.state)
        let name = try #require(Self.place(of: "RunnableParallel", in: buffer))
        let rowsBefore = scenario.state.forest.rows.count
        Self.click(&scenario, at: name)
        #expect(scenario.state.forest.rows.count == rowsBefore)
        #expect(scenario.state.selectedNode?.name.hasPrefix("RunnableParallel") == true)
    }

    @Test func aClickOnATabPicksIt() throws {
        var scenario = Self.scenario()
        let buffer = InspectorView().render(scenario.state)
        for (title, tab) in [("Output", PaneTab.output), ("Info", .info), ("Input", .input), ("Stream", .stream)] {
            let place = try #require(Self.place(of: title, in: buffer, from: scenario.state.layout.treeWidth), "\(Snapshot.render(buffer))")
            Self.click(&scenario, at: place)
            #expect(scenario.state.tab == tab, "a click on \(title) at \(place)")
            #expect(scenario.state.focus == .pane)
        }
    }

    @Test func aClickOutsideEveryRowAndTabChangesNoSelection() {
        var scenario = Self.scenario()
        let selected = scenario.state.selected
        let tab = scenario.state.tab
        for place in [(x: 10, y: 0), (x: 10, y: 38), (x: 10, y: 39), (x: 119, y: 2), (x: 70, y: 20)] {
            Self.click(&scenario, at: place)
        }
        #expect(scenario.state.selected == selected && scenario.state.tab == tab)
    }

    @Test func theWheelOverTheTreeMovesTheSelection() {
        var scenario = Self.scenario()
        let rows = scenario.state.forest.rows
        let start = scenario.state.forest.row(of: scenario.state.selected!)!
        _ = reduce(&scenario.state, .mouse(MouseInput(.wheelDown, x: 5, y: 10)))
        #expect(scenario.state.forest.row(of: scenario.state.selected!) == min(start + 3, rows.count - 1))
        _ = reduce(&scenario.state, .mouse(MouseInput(.wheelUp, x: 5, y: 10)))
        #expect(scenario.state.forest.row(of: scenario.state.selected!) == start)
    }

    @Test func theWheelOverThePaneScrollsItsTextAndKeepsTheSelection() throws {
        var scenario = Self.scenario()
        let buffer = InspectorView().render(scenario.state)
        let poem = try #require(Self.place(of: "PoemModel", in: buffer, until: scenario.state.layout.treeWidth))
        Self.click(&scenario, at: poem)
        _ = reduce(&scenario.state, .resize(width: 40, height: 10))  // the smallest screen: the poem wraps past the pane
        var cache = ViewCache()
        var viewport = PaneViewport()
        let before = InspectorView().render(scenario.state, pane: &viewport, cache: &cache)
        let lines = viewport.lineCount
        try #require(lines > viewport.rows, "the poem fits: nothing to scroll")
        let selected = scenario.state.selected
        let pane = (x: scenario.state.layout.treeWidth + 5, y: 6)
        let effects = reduce(&scenario.state, .mouse(MouseInput(.wheelUp, x: pane.x, y: pane.y)))
        #expect(effects == [.scrollPane(.lines(-3))])
        for case .scrollPane(let request) in effects { viewport.apply(request, in: scenario.state) }
        let bottom = lines - viewport.rows
        #expect(viewport.scroll.offset == max(0, bottom - 3) && !viewport.scroll.follow)
        #expect(scenario.state.selected == selected)
        // The frame shows the text three lines up: its last line is no longer at the pane's bottom.
        let after = InspectorView().render(scenario.state, pane: &viewport, cache: &cache)
        #expect(after.lines() != before.lines())
        #expect(viewport.scroll.offset == max(0, bottom - 3))
        for case .scrollPane(let request) in reduce(&scenario.state, .mouse(MouseInput(.wheelDown, x: pane.x, y: pane.y))) {
            viewport.apply(request, in: scenario.state)
        }
        #expect(viewport.scroll.offset == bottom && viewport.scroll.follow)
    }

    @Test func theMouseDoesNothingWhileHelpIsOpen() throws {
        var scenario = Self.scenario()
        let buffer = InspectorView().render(scenario.state)
        let row = try #require(Self.place(of: "PoemModel", in: buffer, until: scenario.state.layout.treeWidth))
        let selected = scenario.state.selected
        scenario.keys(.char("?"))
        Self.click(&scenario, at: row)
        #expect(scenario.state.selected == selected)
    }
}

/// SGR 1006 reports as mouse events, and the escape-sequence reader taking them whole.
@Suite struct MouseReportTests {
    @Test func sgrReportsDecode() {
        #expect(MouseEvent.sgr("[<0;12;5M") == MouseEvent(.press(button: 0), x: 11, y: 4))
        #expect(MouseEvent.sgr("[<0;12;5m") == MouseEvent(.release(button: 0), x: 11, y: 4))
        #expect(MouseEvent.sgr("[<2;1;1M") == MouseEvent(.press(button: 2), x: 0, y: 0))
        #expect(MouseEvent.sgr("[<64;300;90M") == MouseEvent(.wheelUp, x: 299, y: 89), "SGR has no 223-column limit")
        #expect(MouseEvent.sgr("[<65;3;4M") == MouseEvent(.wheelDown, x: 2, y: 3))
        #expect(MouseEvent.sgr("[<32;3;4M") == MouseEvent(.drag(button: 0), x: 2, y: 3))
        #expect(MouseEvent.sgr("[<16;3;4M") == MouseEvent(.press(button: 0), x: 2, y: 3), "Ctrl-click is a click")
    }

    @Test func whatIsNotAReportIsRefused() {
        for body in ["[<0;12M", "[<0;0;5M", "[<a;1;1M", "[<0;1;1", "[0;1;1M", "[<66;1;1M", "[<3;1;1M", "[<;1;1M", "[<0;1;1;1M"] {
            #expect(MouseEvent.sgr(body) == nil, "\(body)")
        }
    }

    @Test func theEscapeReaderTakesAReportAsOneKey() {
        let body = Array("[<0;40;7M".unicodeScalars)
        for end in 1..<body.count {
            #expect(EscapeSequence.progress(Array(body[..<end])) == .incomplete, "\(String(String.UnicodeScalarView(body[..<end])))")
        }
        #expect(EscapeSequence.progress(body) == .complete(.mouse(MouseEvent(.press(button: 0), x: 39, y: 6))))
        #expect(EscapeSequence.progress(Array("[<0;7M".unicodeScalars)) == .complete(.unknown(-1)), "a report missing a field is no key")
    }

    @Test func onlyLeftPressesAndWheelStepsReachTheInspector() {
        #expect(KeyTranslation.mouse(MouseEvent(.press(button: 0), x: 1, y: 2)) == MouseInput(.click, x: 1, y: 2))
        #expect(KeyTranslation.mouse(MouseEvent(.wheelDown, x: 1, y: 2)) == MouseInput(.wheelDown, x: 1, y: 2))
        #expect(KeyTranslation.mouse(MouseEvent(.release(button: 0), x: 1, y: 2)) == nil)
        #expect(KeyTranslation.mouse(MouseEvent(.press(button: 2), x: 1, y: 2)) == nil)
        #expect(KeyTranslation.key(.mouse(MouseEvent(.wheelUp, x: 0, y: 0))) == .other)
    }
}
